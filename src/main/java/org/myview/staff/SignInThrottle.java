package org.myview.staff;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Failed sign-ins, in the database (every instance sees the same counts): per username as typed, existing
 * or not (after {@code failuresBeforeLock} the username is locked for {@code lockDuration}), and per client
 * address (password spraying: after {@code failuresPerAddress} the address is refused without a password
 * check until the window has passed). Counts are raised atomically, so parallel attempts all count.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface SignInThrottle extends GenericRepository<SignInThrottle.Row, String> {

    /** Failures older than this are forgotten. */
    Duration WINDOW = Duration.ofMinutes(15);

    @MappedEntity("sign_in_throttle")
    record Row(@Id String usernameKey, int failures, @Nullable Instant lastFailure, @Nullable Instant lockedUntil) {
    }

    record State(int failures, Instant lockedUntil) {
        boolean lockedAt(Instant now) {
            return lockedUntil != null && now.isBefore(lockedUntil);
        }
    }

    static String key(String username) {
        String trimmed = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
        return trimmed.length() > 200 ? trimmed.substring(0, 200) : trimmed;
    }

    @Query("select username_key, failures, last_failure, locked_until from sign_in_throttle where username_key = :usernameKey")
    Optional<Row> find(String usernameKey);

    default State current(String username, Instant now) {
        return find(key(username)).map(r -> new State(
                r.lastFailure() != null && r.lastFailure().plus(WINDOW).isBefore(now) ? 0 : r.failures(), r.lockedUntil()))
                .orElse(new State(0, null));
    }

    /** Counts a failure (a fresh count once the window has passed) and returns the count. */
    @Query("""
            insert into sign_in_throttle (username_key, failures, last_failure) values (:usernameKey, 1, :now)
            on conflict (username_key) do update set
                failures = case when sign_in_throttle.last_failure is null or sign_in_throttle.last_failure < :windowStart
                                then 1 else sign_in_throttle.failures + 1 end,
                last_failure = excluded.last_failure
            returning failures""")
    int countFailure(String usernameKey, Instant now, Instant windowStart);

    @Query("update sign_in_throttle set failures = 0, locked_until = :lockedUntil where username_key = :usernameKey")
    void lock(String usernameKey, Instant lockedUntil);

    /** Counts a failure and returns the new state (locked when this failure reached the limit). */
    default State fail(String username, Instant now, int failuresBeforeLock, Duration lockDuration) {
        int failures = countFailure(key(username), now, now.minus(WINDOW));
        if (failures >= failuresBeforeLock) {
            Instant until = now.plus(lockDuration);
            lock(key(username), until);
            return new State(failures, until);
        }
        return new State(failures, null);
    }

    @Query("delete from sign_in_throttle where username_key = :usernameKey")
    void clearKey(String usernameKey);

    default void clear(String username) {
        clearKey(key(username));
    }

    @Query("""
            select coalesce((select failures from sign_in_address_throttle
                             where address_key = :addressKey and last_failure >= :windowStart), 0)""")
    int addressFailures(String addressKey, Instant windowStart);

    @Query("""
            insert into sign_in_address_throttle (address_key, failures, last_failure) values (:addressKey, 1, :now)
            on conflict (address_key) do update set
                failures = case when sign_in_address_throttle.last_failure < :windowStart
                                then 1 else sign_in_address_throttle.failures + 1 end,
                last_failure = excluded.last_failure
            returning failures""")
    int countAddressFailure(String addressKey, Instant now, Instant windowStart);

    /** How long to hold back the answer to a failed attempt: nothing for the first two, then longer. */
    static Duration slowDown(int failures) {
        return failures < 3 ? Duration.ZERO : Duration.ofMillis(Math.min(3000, 1000L * (failures - 2)));
    }
}
