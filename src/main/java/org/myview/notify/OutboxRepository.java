package org.myview.notify;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The outbox table. The personalisation travels as JSON text ({@link OutboxService} reads and writes it).
 * Each statement but the claim ({@link OutboxService#claim}) stands alone, so it needs no transaction of its own.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface OutboxRepository extends GenericRepository<OutboxRepository.Stored, Long> {

    /** A claimed row, as the claim returns it. */
    @Introspected
    record ClaimedRow(long id, UUID reference, int attempts, String channel, @Nullable String recipient, String templateKey, String personalisation) {
    }

    /** A row as the staff page shows it. */
    @Introspected
    record Stored(long id, Instant createdAt, String state, String channel, @Nullable String recipient, String templateKey,
                  String personalisation, int attempts, Instant nextAttemptAt, @Nullable String notifyId, @Nullable String lastError,
                  @Nullable Instant finishedAt) {
    }

    @Query("""
            insert into notification_outbox (reference, channel, recipient, template_key, personalisation, next_attempt_at, created_at,
                                             subject_type, subject_id)
            values (:reference, :channel, :recipient, :templateKey, cast(:personalisation as jsonb), :now, :now, :subjectType, :subjectId)
            returning id""")
    Long insert(UUID reference, String channel, String recipient, String templateKey, String personalisation, Instant now,
                @Nullable String subjectType, @Nullable Long subjectId);

    /** Whether this exact message (about the same thing, same channel and address) is already waiting or recorded. */
    @Query("""
            select exists (select 1 from notification_outbox where subject_type = :subjectType and subject_id = :subjectId
                and channel = :channel and recipient = :recipient and template_key = :templateKey
                and state in ('PENDING', 'SENDING', 'RECORDED'))""")
    boolean queued(String subjectType, long subjectId, String channel, String recipient, String templateKey);

    /**
     * Locks up to {@code limit} due rows: PENDING rows whose time has come, and SENDING rows whose lease ran out
     * (their sender died). SKIP LOCKED lets several senders claim side by side without waiting for or taking each
     * other's rows; the caller marks them claimed ({@link #markClaimed}) in the same transaction. Each comes with
     * the attempt number it is about to make.
     */
    @Query("""
            select id, reference, attempts + 1 as attempts, channel, recipient, template_key, cast(personalisation as text) as personalisation
            from notification_outbox
            where (state = 'PENDING' and next_attempt_at <= :now) or (state = 'SENDING' and claimed_until < :now)
            order by next_attempt_at, id limit :limit for update skip locked""")
    List<ClaimedRow> lockDue(Instant now, int limit);

    /** The new claim id fences off a late sender: only the holder of the latest claim may record an outcome. */
    @Query("""
            update notification_outbox set state = 'SENDING', attempts = attempts + 1, claim = :claim, claimed_until = :claimedUntil
            where id in (:ids)""")
    int markClaimed(List<Long> ids, UUID claim, Instant claimedUntil);

    /** Sent: Notify's id kept; the address and the link are no longer needed, so they go. */
    @Query("""
            update notification_outbox set state = 'SENT', notify_id = :notifyId, finished_at = :now, recipient = null,
                personalisation = '{}', claim = null, claimed_until = null, last_error = null
            where id = :id and claim = :claim and state = 'SENDING'""")
    int markSent(long id, UUID claim, String notifyId, Instant now);

    /** Not configured: kept whole so the staff page can show what would have been sent. */
    @Query("""
            update notification_outbox set state = 'RECORDED', finished_at = :now, claim = null, claimed_until = null
            where id = :id and claim = :claim and state = 'SENDING'""")
    int markRecorded(long id, UUID claim, Instant now);

    @Query("""
            update notification_outbox set state = 'FAILED', last_error = :reason, finished_at = :now, recipient = null,
                personalisation = '{}', claim = null, claimed_until = null
            where id = :id and claim = :claim and state = 'SENDING'""")
    int markFailed(long id, UUID claim, String reason, Instant now);

    @Query("""
            update notification_outbox set state = 'PENDING', last_error = :reason, next_attempt_at = :next, claim = null, claimed_until = null
            where id = :id and claim = :claim and state = 'SENDING'""")
    int markRetry(long id, UUID claim, String reason, Instant next);

    @Query("""
            select id, created_at, state, channel, recipient, template_key, cast(personalisation as text) as personalisation, attempts,
                   next_attempt_at, notify_id, last_error, finished_at
            from notification_outbox order by created_at desc, id desc limit :limit""")
    List<Stored> latest(int limit);

    /** Retention: recorded (never sent) messages hold an address and a link; they go after a while. */
    @Query("""
            update notification_outbox set recipient = null, personalisation = '{}'
            where state = 'RECORDED' and finished_at < :cutoff and recipient is not null""")
    int eraseRecordedBefore(Instant cutoff);
}
