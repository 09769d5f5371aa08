package org.myview.staff;

import io.micronaut.core.annotation.Nullable;
import org.myview.system.Hmac;
import org.myview.system.ServiceSecrets;
import jakarta.inject.Singleton;
import org.myview.system.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;

/**
 * Checks a username and password, with throttling and locking, and starts and ends sessions. The
 * answer never says whether the username exists.
 */
@Singleton
public class SignInService {

    private static final Logger LOG = LoggerFactory.getLogger(SignInService.class);

    /** How a sign-in attempt ended. */
    public sealed interface Outcome permits SignedIn, Refused, Locked {
    }

    public record SignedIn(StaffAccount account, StaffSession session) implements Outcome {
    }

    /** Wrong username or password (or too many from this address); {@code heldBack}: how long the answer waited. */
    public record Refused(Duration heldBack) implements Outcome {
    }

    public record Locked(Duration lockDuration) implements Outcome {
    }

    /** What is known before the password is checked (read in a short transaction, no connection held after). */
    record Attempt(Optional<StaffAccount> account, @Nullable String hash, @Nullable Outcome early) {
    }

    private final StaffAccountRepository accounts;
    private final PasswordHasher hasher;
    private final SignInThrottle throttle;
    private final AuditTrail audit;
    private final SessionSettings settings;
    private final Clock clock;
    private final PasswordChecks checks;
    private final ServiceSecrets secrets;
    private final Transactions transactions;
    private final SecureRandom random = new SecureRandom();

    SignInService(StaffAccountRepository accounts, PasswordHasher hasher, SignInThrottle throttle, AuditTrail audit,
                  SessionSettings settings, Clock clock, PasswordChecks checks, ServiceSecrets secrets,
                  Transactions transactions) {
        this.secrets = secrets;
        this.accounts = accounts;
        this.hasher = hasher;
        this.throttle = throttle;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
        this.checks = checks;
        this.transactions = transactions;
    }

    /**
     * Signs in with a password (the sign-in page and the API's HTTP Basic). Nothing here runs on the caller's
     * thread: the throttles are read, the password checked and the result recorded on the password-check pool,
     * with a database connection only for the two short transactions either side of the Argon2id check; the
     * answer to a failure is held back by a timer. {@code clientAddress} (web.ClientAddress) keys the per-address
     * count, kept only as an HMAC.
     */
    public CompletableFuture<Outcome> signIn(String username, String password, String clientAddress, boolean recordSuccess) {
        CompletableFuture<Outcome> checked;
        try {
            checked = checks.submit(() -> {
                Instant now = clock.instant();
                String addressKey = Hmac.sha256Base64Url(secrets.key("sign-in-throttle"), clientAddress);
                Attempt attempt = begin(username, addressKey, now);
                if (attempt.early() != null) {
                    return attempt.early();
                }
                boolean right;
                if (attempt.account().isPresent() && !attempt.account().get().disabled()) {
                    right = hasher.matches(password, attempt.hash());
                } else {
                    hasher.spendTimeOnDecoy(password);
                    right = false;
                }
                return finish(username, addressKey, attempt.account(), right, recordSuccess, now);
            });
        } catch (RejectedExecutionException e) {
            // More attempts waiting than the pool's queue holds: turned away unchecked and uncounted.
            return PasswordChecks.after(Duration.ofSeconds(1), new Refused(Duration.ofSeconds(1)));
        }
        return checked.thenCompose(outcome -> outcome instanceof Refused refused
                ? PasswordChecks.after(refused.heldBack(), outcome)
                : CompletableFuture.completedFuture(outcome));
    }

    Attempt begin(String username, String addressKey, Instant now) {
        return transactions.write(() -> {
            Optional<StaffAccount> account = accounts.findByUsername(username == null ? "" : username.trim());
            if (throttle.addressFailures(addressKey, now.minus(SignInThrottle.WINDOW)) >= settings.failuresPerAddress()) {
                // Spraying from one address: refused without spending a password check; the usernames are not locked.
                return new Attempt(account, null, new Refused(SignInThrottle.slowDown(Integer.MAX_VALUE)));
            }
            if (throttle.current(username, now).lockedAt(now)) {
                audit.record(eventFor(account, AuditAction.SIGN_IN_FAILED).detail(Map.of("reason", "locked")));
                return new Attempt(account, null, new Locked(settings.lockDuration()));
            }
            String hash = account.filter(a -> !a.disabled()).flatMap(a -> accounts.passwordHash(a.id())).orElse(null);
            return new Attempt(account, hash, null);
        });
    }

    Outcome finish(String username, String addressKey, Optional<StaffAccount> account, boolean passwordRight,
                   boolean recordSuccess, Instant now) {
        return transactions.write(() -> {
            if (!passwordRight) {
                int fromAddress = throttle.countAddressFailure(addressKey, now, now.minus(SignInThrottle.WINDOW));
                SignInThrottle.State after = throttle.fail(username, now, settings.failuresBeforeLock(), settings.lockDuration());
                audit.record(eventFor(account, AuditAction.SIGN_IN_FAILED));
                if (after.lockedAt(now)) {
                    // Logged by account id only: a username field sometimes holds a password typed in the wrong box.
                    LOG.warn("Sign-in locked for {} after {} failed attempts",
                            account.map(a -> "account " + a.id()).orElse("a username with no account"), after.failures());
                    audit.record(eventFor(account, AuditAction.ACCOUNT_LOCKED));
                    return new Locked(settings.lockDuration());
                }
                // Slowed by the username's count, and by the address's once it has sprayed several usernames.
                return new Refused(SignInThrottle.slowDown(Math.max(after.failures(), fromAddress / 5)));
            }
            throttle.clear(username);
            StaffAccount signedIn = account.orElseThrow();
            if (recordSuccess) {
                accounts.recordSignIn(signedIn.id(), now);
                audit.record(AuditEvent.of(userOf(signedIn, null), AuditAction.SIGN_IN));
            }
            return new SignedIn(signedIn, newSession(signedIn, now));
        });
    }

    /** Starts a session for an account that signed in elsewhere (single sign-on). */
    public Optional<SignedIn> signInVerified(String username) {
        return transactions.write(() -> {
            Instant now = clock.instant();
            Optional<StaffAccount> account = accounts.findByUsername(username).filter(a -> !a.disabled());
            account.ifPresent(a -> {
                accounts.recordSignIn(a.id(), now);
                audit.record(AuditEvent.of(userOf(a, null), AuditAction.SIGN_IN).detail(Map.of("method", "oidc")));
            });
            return account.map(a -> new SignedIn(a, newSession(a, now)));
        });
    }

    /** Ends every session of the account (the cookie is void everywhere, not only in this browser). */
    public void signOut(StaffUser user) {
        transactions.run(() -> {
            accounts.bumpSessionEpoch(user.accountId());
            audit.record(AuditEvent.of(user, AuditAction.SIGN_OUT));
        });
    }

    /** The account behind a session cookie, if the session is still good. */
    public Optional<StaffAccount> accountFor(StaffSession session) {
        return transactions.read(() -> accounts.findById(session.accountId())
                .filter(a -> !a.disabled() && a.sessionEpoch() == session.epoch()));
    }

    static StaffUser userOf(StaffAccount account, Instant expiresAt) {
        return new StaffUser(account.id(), account.username(), account.displayName(), account.roles(), expiresAt);
    }

    private StaffSession newSession(StaffAccount account, Instant now) {
        byte[] id = new byte[16];
        random.nextBytes(id);
        return new StaffSession(account.id(), account.sessionEpoch(),
                Base64.getUrlEncoder().withoutPadding().encodeToString(id), now, now);
    }

    private static AuditEvent eventFor(Optional<StaffAccount> account, AuditAction action) {
        return account.map(a -> AuditEvent.of(userOf(a, null), action))
                .orElseGet(() -> AuditEvent.of(null, action).subject("username", "unknown"));
    }
}
