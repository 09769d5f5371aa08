package org.myview.staff;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Failed sign-ins counted per username as typed, existing or not, in the database (so every
 * instance sees the same count). After a few failures each attempt is slowed; after
 * {@code failuresBeforeLock} the username is locked for {@code lockDuration}.
 */
@Singleton
@Transactional
class SignInThrottle {

    /** Failures older than this are forgotten. */
    private static final Duration WINDOW = Duration.ofMinutes(15);

    record State(int failures, Instant lockedUntil) {
        boolean lockedAt(Instant now) {
            return lockedUntil != null && now.isBefore(lockedUntil);
        }
    }

    private final JdbcOperations jdbc;
    private final SessionSettings settings;

    SignInThrottle(JdbcOperations jdbc, SessionSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    static String key(String username) {
        String trimmed = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
        return trimmed.length() > 200 ? trimmed.substring(0, 200) : trimmed;
    }

    /** The current state, with the row locked until the transaction ends (two tries cannot race). */
    State current(String username, Instant now) {
        return jdbc.prepareStatement("select failures, last_failure, locked_until from sign_in_throttle "
                + "where username_key = ? for update", ps -> {
            ps.setString(1, key(username));
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return new State(0, null);
                }
                Timestamp last = rs.getTimestamp("last_failure");
                Timestamp locked = rs.getTimestamp("locked_until");
                int failures = last != null && last.toInstant().plus(WINDOW).isBefore(now) ? 0 : rs.getInt("failures");
                return new State(failures, locked == null ? null : locked.toInstant());
            }
        });
    }

    /** Counts a failure and returns the new state (locked when this failure reached the limit). */
    State fail(String username, Instant now, State before) {
        int failures = before.failures() + 1;
        Instant lockedUntil = failures >= settings.failuresBeforeLock() ? now.plus(settings.lockDuration()) : null;
        jdbc.prepareStatement("insert into sign_in_throttle (username_key, failures, last_failure, locked_until) "
                + "values (?, ?, ?, ?) on conflict (username_key) do update set failures = excluded.failures, "
                + "last_failure = excluded.last_failure, locked_until = excluded.locked_until", ps -> {
            ps.setString(1, key(username));
            ps.setInt(2, lockedUntil == null ? failures : 0);
            ps.setTimestamp(3, Timestamp.from(now));
            ps.setTimestamp(4, lockedUntil == null ? null : Timestamp.from(lockedUntil));
            return ps.executeUpdate();
        });
        return new State(failures, lockedUntil);
    }

    void clear(String username) {
        jdbc.prepareStatement("delete from sign_in_throttle where username_key = ?", ps -> {
            ps.setString(1, key(username));
            return ps.executeUpdate();
        });
    }

    /** How long to hold back the answer to a failed attempt: nothing for the first two, then longer. */
    static Duration slowDown(int failures) {
        return failures < 3 ? Duration.ZERO : Duration.ofMillis(Math.min(3000, 1000L * (failures - 2)));
    }
}
