package org.myview.staff;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

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

    /** Wrong username or password; the caller holds the answer back for {@code slowDown}, outside the transaction. */
    public record Refused(Duration slowDown) implements Outcome {

        public void pause() {
            if (slowDown.isZero()) {
                return;
            }
            try {
                Thread.sleep(slowDown.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public record Locked(Duration lockDuration) implements Outcome {
    }

    private final StaffAccountRepository accounts;
    private final PasswordHasher hasher;
    private final SignInThrottle throttle;
    private final AuditTrail audit;
    private final SessionSettings settings;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    SignInService(StaffAccountRepository accounts, PasswordHasher hasher, SignInThrottle throttle, AuditTrail audit,
                  SessionSettings settings, Clock clock) {
        this.accounts = accounts;
        this.hasher = hasher;
        this.throttle = throttle;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    /** Signs in with a password (the sign-in page and the API's HTTP Basic). */
    @Transactional
    public Outcome signIn(String username, String password, boolean recordSuccess) {
        Instant now = clock.instant();
        SignInThrottle.State state = throttle.current(username, now);
        Optional<StaffAccount> account = accounts.findByUsername(username == null ? "" : username.trim());
        if (state.lockedAt(now)) {
            hasher.spendTimeOnDecoy(password);
            audit.record(eventFor(account, AuditAction.SIGN_IN_FAILED).detail(Map.of("reason", "locked")));
            return new Locked(settings.lockDuration());
        }
        boolean passwordRight = false;
        if (account.isPresent() && !account.get().disabled()) {
            passwordRight = hasher.matches(password, accounts.passwordHash(account.get().id()).orElse(null));
        } else {
            hasher.spendTimeOnDecoy(password);
        }
        if (!passwordRight) {
            SignInThrottle.State after = throttle.fail(username, now, state);
            audit.record(eventFor(account, AuditAction.SIGN_IN_FAILED));
            if (after.lockedAt(now)) {
                // Logged by account id only: a username field sometimes holds a password typed in the wrong box.
                LOG.warn("Sign-in locked for {} after {} failed attempts",
                        account.map(a -> "account " + a.id()).orElse("a username with no account"), after.failures());
                audit.record(eventFor(account, AuditAction.ACCOUNT_LOCKED));
                return new Locked(settings.lockDuration());
            }
            return new Refused(SignInThrottle.slowDown(after.failures()));
        }
        throttle.clear(username);
        StaffAccount signedIn = account.get();
        if (recordSuccess) {
            accounts.recordSignIn(signedIn.id(), now);
            audit.record(AuditEvent.of(userOf(signedIn, null), AuditAction.SIGN_IN));
        }
        return new SignedIn(signedIn, newSession(signedIn, now));
    }

    /** Starts a session for an account that signed in elsewhere (single sign-on). */
    @Transactional
    public Optional<SignedIn> signInVerified(String username) {
        Instant now = clock.instant();
        Optional<StaffAccount> account = accounts.findByUsername(username).filter(a -> !a.disabled());
        account.ifPresent(a -> {
            accounts.recordSignIn(a.id(), now);
            audit.record(AuditEvent.of(userOf(a, null), AuditAction.SIGN_IN).detail(Map.of("method", "oidc")));
        });
        return account.map(a -> new SignedIn(a, newSession(a, now)));
    }

    /** Ends every session of the account (the cookie is void everywhere, not only in this browser). */
    @Transactional
    public void signOut(StaffUser user) {
        accounts.bumpSessionEpoch(user.accountId());
        audit.record(AuditEvent.of(user, AuditAction.SIGN_OUT));
    }

    /** The account behind a session cookie, if the session is still good. */
    @Transactional(readOnly = true)
    public Optional<StaffAccount> accountFor(StaffSession session) {
        return accounts.findById(session.accountId())
                .filter(a -> !a.disabled() && a.sessionEpoch() == session.epoch());
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
