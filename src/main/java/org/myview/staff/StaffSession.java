package org.myview.staff;

import java.time.Duration;
import java.time.Instant;

/**
 * What the signed session cookie says: which account, which of its session epochs (so sign-out,
 * password changes and disabling void it), a random session id (CSRF tokens derive from it),
 * when it began and when the user was last seen.
 */
record StaffSession(long accountId, int epoch, String sessionId, Instant issuedAt, Instant lastSeen) {

    Instant expiresAt(SessionSettings settings) {
        Instant idle = lastSeen.plus(settings.idleTimeout());
        Instant absolute = issuedAt.plus(settings.absoluteLifetime());
        return idle.isBefore(absolute) ? idle : absolute;
    }

    boolean isExpired(Instant now, SessionSettings settings) {
        return !now.isBefore(expiresAt(settings));
    }

    StaffSession seenAt(Instant now) {
        return new StaffSession(accountId, epoch, sessionId, issuedAt, now);
    }

    /** Re-issue the cookie at most once a minute: the idle clock does not need finer steps. */
    boolean worthRefreshing(Instant now) {
        return Duration.between(lastSeen, now).compareTo(Duration.ofMinutes(1)) >= 0;
    }
}
