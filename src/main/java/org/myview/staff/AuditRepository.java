package org.myview.staff;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;

/** Reading the audit trail (lines are written in batches by {@link AuditTrail}). */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface AuditRepository extends GenericRepository<AuditRepository.Row, Long> {

    /** A line as stored; the detail is JSON text. */
    @Introspected
    record Row(long id, Instant occurredAt, @Nullable Long actorId, @Nullable String actorUsername, AuditAction action,
               @Nullable Long childId, @Nullable Long reviewId, @Nullable String subjectType, @Nullable String subjectId,
               String detail) {
    }

    /** Each filter applies only when given; newest first. The child is found by its case reference. */
    @Query("""
            select e.id, e.occurred_at, e.actor_id, e.actor_username, e.action, e.child_id, e.review_id, e.subject_type,
              e.subject_id, cast(e.detail as text) as detail
            from audit_event e
            where (cast(:username as text) is null or lower(e.actor_username) = lower(:username))
              and (cast(:childReference as text) is null
                   or e.child_id in (select id from child where upper(case_reference) = upper(:childReference)))
              and (cast(:from as timestamptz) is null or e.occurred_at >= :from)
              and (cast(:to as timestamptz) is null or e.occurred_at < :to)
            order by e.occurred_at desc, e.id desc limit :limit""")
    List<Row> search(@Nullable String username, @Nullable String childReference, @Nullable Instant from, @Nullable Instant to,
                     int limit);
}
