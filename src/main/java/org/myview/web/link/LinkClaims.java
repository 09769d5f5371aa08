package org.myview.web.link;

import jakarta.inject.Singleton;
import org.myview.system.Hmac;
import org.myview.system.SecretTokens;
import org.myview.system.ServiceSecrets;
import org.myview.system.Transactions;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * Drafts belong to the device that first opened the link (docs/consultation.md, "Drafts belong to the
 * child"). The first form session on a link holds it; another device that opens the same link sees and
 * changes nothing, unless the holder chose a secret code and it is typed there: then that device holds
 * the link instead. Wrong codes count per link ({@link #WRONG_CODES_ALLOWED}, then the code stops
 * working) and per address (the link throttle).
 */
@Singleton
public record LinkClaims(LinkClaimRepository claims, ServiceSecrets secrets, Transactions transactions) {

    /** Wrong codes on one link before the code stops working: then only a new link (empty) helps. */
    public static final int WRONG_CODES_ALLOWED = 5;
    static final int MIN_CODE = 6;
    static final int MAX_CODE = 40;

    /** How a code check went. */
    public enum CodeResult { RIGHT, WRONG, NO_CODE }

    /** Claims the link for this session if nobody holds it yet; true when this session holds it now. */
    public boolean claim(String kind, long linkId, String sessionId) {
        return transactions.write(() -> {
            claims.claimIfFree(kind, linkId, sessionHash(sessionId));
            return holds(kind, linkId, sessionId);
        });
    }

    /** Whether this form session holds the link. A link nobody opened yet is held by nobody. */
    public boolean holds(String kind, long linkId, String sessionId) {
        return transactions.write(() -> claims.find(kind, linkId).map(c -> equal(c.sessionHash(), sessionHash(sessionId))).orElse(false));
    }

    /**
     * Whether this session holds the link; a link that nobody claimed yet (a session opened before claims
     * existed) is claimed by the first session that comes back, as a first open would.
     */
    public boolean holdsOrClaim(String kind, long linkId, String sessionId) {
        return transactions.write(() -> {
            Optional<LinkClaimRepository.Claim> claim = claims.find(kind, linkId);
            if (claim.isEmpty()) {
                return claim(kind, linkId, sessionId);
            }
            return equal(claim.get().sessionHash(), sessionHash(sessionId));
        });
    }

    /** Whether the holder chose a code that still works. */
    public boolean hasCode(String kind, long linkId) {
        return transactions.write(() -> claims.find(kind, linkId).map(c -> c.codeHash() != null).orElse(false));
    }

    /** A code as typed, made plain (case and spaces do not matter), or empty when it is not a usable code. */
    public static Optional<String> normalise(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String plain = code.toLowerCase(Locale.ROOT).replaceAll("\\s+", "");
        return plain.length() >= MIN_CODE && plain.length() <= MAX_CODE && plain.codePoints().allMatch(Character::isLetterOrDigit)
                ? Optional.of(plain) : Optional.empty();
    }

    /** The holder sets (or changes) their code; false when this session does not hold the link. */
    public boolean setCode(String kind, long linkId, String sessionId, String plainCode) {
        return transactions.write(() -> claims.setCode(kind, linkId, sessionHash(sessionId), codeHash(kind, linkId, plainCode)) == 1);
    }

    /** Another device typed a code: the right one moves the link to that device's session. */
    public CodeResult tryCode(String kind, long linkId, String sessionId, String typed) {
        return transactions.write(() -> {
            Optional<LinkClaimRepository.Claim> claim = claims.lock(kind, linkId);
            if (claim.isEmpty() || claim.get().codeHash() == null) {
                return CodeResult.NO_CODE;
            }
            Optional<String> plain = normalise(typed);
            if (plain.isPresent() && equal(claim.get().codeHash(), codeHash(kind, linkId, plain.get()))) {
                claims.handOver(kind, linkId, sessionHash(sessionId));
                return CodeResult.RIGHT;
            }
            claims.countWrongCode(kind, linkId, WRONG_CODES_ALLOWED);
            return claim.get().codeFailures() + 1 >= WRONG_CODES_ALLOWED ? CodeResult.NO_CODE : CodeResult.WRONG;
        });
    }

    /** Wrong codes left before the code stops working. */
    public int triesLeft(String kind, long linkId) {
        return transactions.write(() -> claims.find(kind, linkId).map(c -> Math.max(0, WRONG_CODES_ALLOWED - c.codeFailures())).orElse(0));
    }

    private static String sessionHash(String sessionId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(SecretTokens.hash(sessionId));
    }

    /** Keyed with a service secret and bound to the link: a copied table alone gives nothing to guess against. */
    private String codeHash(String kind, long linkId, String plainCode) {
        return Hmac.sha256Base64Url(secrets.key("link-code"), kind + ":" + linkId + ":" + plainCode);
    }

    private static boolean equal(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
