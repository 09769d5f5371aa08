package org.myview.consultation;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;

/** Counts of talk-now concerns over a period, for the board pack: numbers only, nothing about a child. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface ConcernCountsRepository extends GenericRepository<ConcernRepository.Contact, Long> {

    @Query("select count(*) from consultation_concern where raised_at >= :from and raised_at < :until")
    long raised(Instant from, Instant until);

    @Query("select count(*) from consultation_concern where closed_at >= :from and closed_at < :until")
    long closed(Instant from, Instant until);

    /** Raised before the moment and not closed by then. */
    @Query("select count(*) from consultation_concern where raised_at < :at and (closed_at is null or closed_at >= :at)")
    long openAt(Instant at);
}
