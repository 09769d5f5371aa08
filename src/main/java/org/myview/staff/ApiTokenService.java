package org.myview.staff;

import jakarta.inject.Singleton;
import org.myview.system.SecretTokens;
import org.myview.system.Transactions;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Personal API tokens (issue 22, item 2; docs/security.md, "API tokens"): created by the account holder or an
 * administrator, shown once, kept as a SHA-256 hash, limited to a scope and a lifetime of at most a year,
 * revocable by both. Every use and every refused use of a known token is audited, never with the token.
 */
@Singleton
public class ApiTokenService {

    /** The longest a token may live: a token forgotten in a script dies within a year. */
    static final Duration MAX_LIFETIME = Duration.ofDays(365);
    /** The lifetimes offered on the form, in days. */
    static final List<Integer> LIFETIMES = List.of(7, 30, 90, 365);

    /** "myview_" then 256 random bits, URL-safe: a prefix secret scanners and people can recognise. */
    static final String PREFIX = "myview_";
    private static final Pattern FORMAT = Pattern.compile(PREFIX + "[A-Za-z0-9_-]{43}");
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    /** A token as the form gives it. */
    public record NewToken(String name, ApiScope scope, Duration lifetime) {
    }

    /** A token just created: the secret, to be shown once and then forgotten, and its row. */
    public record Created(String secret, ApiToken token) {
    }

    /** An accepted use: who, with which token and scope. */
    public record Use(long tokenId, ApiScope scope, long accountId, String username, String displayName, Set<Role> roles) {
    }

    private final ApiTokenRepository tokens;
    private final AuditTrail audit;
    private final Clock clock;
    private final Transactions transactions;
    private final SecureRandom random = new SecureRandom();

    ApiTokenService(ApiTokenRepository tokens, AuditTrail audit, Clock clock, Transactions transactions) {
        this.tokens = tokens;
        this.audit = audit;
        this.clock = clock;
        this.transactions = transactions;
    }

    public Instant now() {
        return clock.instant();
    }

    public List<ApiToken> ofAccount(long accountId) {
        return transactions.read(() -> tokens.ofAccount(accountId));
    }

    public Created create(StaffUser actor, long accountId, NewToken token) {
        return transactions.write(() -> {
            if (token.lifetime().isNegative() || token.lifetime().isZero() || token.lifetime().compareTo(MAX_LIFETIME) > 0) {
                throw new IllegalArgumentException("lifetime out of range");
            }
            byte[] bytes = new byte[32];
            random.nextBytes(bytes);
            String secret = PREFIX + ENCODER.encodeToString(bytes);
            Instant now = clock.instant();
            Instant expires = now.plus(token.lifetime());
            long id = tokens.insert(accountId, token.name(), token.scope().name(), hash(secret), now, actor.accountId(), expires);
            audit.record(AuditEvent.of(actor, AuditAction.API_TOKEN_CREATED).subject("api_token", id)
                    .detail(Map.of("accountId", accountId, "scope", token.scope().name(), "expiresAt", expires.toString())));
            return new Created(secret, new ApiToken(id, accountId, token.name(), token.scope(), now, expires, null, null));
        });
    }

    /** Revokes a token of the account; false when the account has no such token. Revoking twice changes nothing. */
    public boolean revoke(StaffUser actor, long accountId, long tokenId) {
        return transactions.write(() -> {
            if (tokens.find(tokenId, accountId).isEmpty()) {
                return false;
            }
            if (tokens.revoke(tokenId, accountId, clock.instant(), actor.accountId()) == 1) {
                audit.record(AuditEvent.of(actor, AuditAction.API_TOKEN_REVOKED).subject("api_token", tokenId)
                        .detail(Map.of("accountId", accountId)));
            }
            return true;
        });
    }

    /**
     * The use of a presented token on a request (method and path, never the query or the token): accepted when
     * the token is known, unrevoked, unexpired and its account enabled. One indexed lookup, a hash, and two short
     * writes (last used, the audit line): no password hash.
     */
    public Optional<Use> use(String presented, String method, String path) {
        return transactions.write(() -> {
            if (presented == null || !FORMAT.matcher(presented).matches()) {
                return Optional.empty();
            }
            Optional<ApiTokenRepository.Presented> found = tokens.presented(hash(presented));
            if (found.isEmpty()) {
                return Optional.empty();
            }
            ApiTokenRepository.Presented token = found.get();
            Instant now = clock.instant();
            String refused = token.revokedAt() != null ? "revoked" : !token.expiresAt().isAfter(now) ? "expired"
                    : token.disabled() ? "account disabled" : null;
            Set<Role> roles = EnumSet.noneOf(Role.class);
            for (String role : token.roles()) {
                roles.add(Role.valueOf(role));
            }
            StaffUser user = new StaffUser(token.accountId(), token.username(), token.displayName(), roles, null);
            AuditEvent event = AuditEvent.of(user, refused == null ? AuditAction.API_TOKEN_USED : AuditAction.API_TOKEN_REFUSED)
                    .subject("api_token", token.id());
            if (refused != null) {
                audit.record(event.detail(Map.of("method", method, "path", path, "reason", refused)));
                return Optional.empty();
            }
            tokens.used(token.id(), now);
            audit.record(event.detail(Map.of("method", method, "path", path, "scope", token.scope().name())));
            return Optional.of(new Use(token.id(), token.scope(), token.accountId(), token.username(), token.displayName(), roles));
        });
    }

    static byte[] hash(String secret) {
        return SecretTokens.hash(secret);
    }
}
