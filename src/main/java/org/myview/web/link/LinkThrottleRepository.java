package org.myview.web.link;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.Optional;

/** Wrong link tries per client address (kept as an HMAC). */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface LinkThrottleRepository extends GenericRepository<LinkThrottleRepository.Count, String> {

    @Introspected
    record Count(int failures, Instant lastFailure) {
    }

    @Query("select failures, last_failure from link_throttle where address_key = :addressKey")
    Optional<Count> find(String addressKey);

    /** Counts a wrong try atomically (two tries at once both count), starting again after a quiet window; the new count. */
    @Query("""
            insert into link_throttle (address_key, failures, last_failure) values (:addressKey, 1, :now)
            on conflict (address_key) do update set
                failures = case when link_throttle.last_failure < :windowStart then 1 else link_throttle.failures + 1 end,
                last_failure = excluded.last_failure
            returning failures""")
    Integer fail(String addressKey, Instant now, Instant windowStart);
}
