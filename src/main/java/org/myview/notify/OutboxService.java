package org.myview.notify;

import io.micronaut.json.JsonMapper;
import org.myview.staff.AuditAction;
import org.myview.staff.AuditEvent;
import org.myview.staff.AuditTrail;
import org.myview.staff.Role;
import org.myview.staff.StaffUser;
import jakarta.inject.Singleton;
import org.myview.system.Transactions;
import org.myview.web.JsonMaps;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The outbox's rows as messages: what the queue, the sender and the staff page read and write. */
@Singleton
record OutboxService(OutboxRepository rows, JsonMapper json, NotifyGateway gateway, AuditTrail audit, Transactions transactions) {

    /** A claimed row: what the sender needs to deliver it. */
    record Claimed(long id, UUID reference, UUID claim, int attempts, Message message) {
    }

    /** A row as the staff page shows it. */
    record Row(long id, Instant createdAt, String state, Channel channel, String recipient, String templateKey,
               Map<String, String> personalisation, int attempts, Instant nextAttemptAt, String notifyId, String lastError,
               Instant finishedAt) {
    }

    /**
     * Only the participation lead sees families' addresses and links on the messages page: they pass on links
     * that could not be sent. Administrators watch delivery (state, channel, time, attempts), not families.
     */
    static boolean seesAddresses(StaffUser user) {
        return user.has(Role.PARTICIPATION_LEAD);
    }

    long insert(Message message, String subjectType, Long subjectId, Instant now) {
        return rows.insert(UUID.randomUUID(), message.channel().name(), message.recipient(), message.templateKey(),
                write(message.personalisation()), now, subjectType, subjectId);
    }

    boolean queued(Message message, String subjectType, long subjectId) {
        return rows.queued(subjectType, subjectId, message.channel().name(), message.recipient(), message.templateKey());
    }

    /** Claims a batch of due rows in one short transaction, before any network call. */
    List<Claimed> claim(Instant now, Duration lease, int limit) {
        return transactions.write(() -> {
            UUID claim = UUID.randomUUID();
            List<OutboxRepository.ClaimedRow> due = rows.lockDue(now, limit);
            if (due.isEmpty()) {
                return List.of();
            }
            rows.markClaimed(due.stream().map(OutboxRepository.ClaimedRow::id).toList(), claim, now.plus(lease));
            return due.stream()
                    .map(r -> new Claimed(r.id(), r.reference(), claim, r.attempts(),
                            new Message(Channel.valueOf(r.channel()), r.recipient(), r.templateKey(), read(r.personalisation()))))
                    .toList();
        });
    }

    boolean markSent(Claimed row, String notifyId, Instant now) {
        return rows.markSent(row.id(), row.claim(), notifyId, now) == 1;
    }

    boolean markRecorded(Claimed row, Instant now) {
        return rows.markRecorded(row.id(), row.claim(), now) == 1;
    }

    boolean markFailed(Claimed row, String reason, Instant now) {
        return rows.markFailed(row.id(), row.claim(), reason, now) == 1;
    }

    boolean markRetry(Claimed row, String reason, Instant next) {
        return rows.markRetry(row.id(), row.claim(), reason, next) == 1;
    }

    /**
     * Retention: recorded (never sent) messages lose their address and link. One set-based statement, so
     * instances running it at once erase each row once; the count, never the content, goes to the audit trail.
     */
    int eraseRecordedBefore(Instant cutoff) {
        return transactions.write(() -> {
            int erased = rows.eraseRecordedBefore(cutoff);
            if (erased > 0) {
                audit.record(AuditEvent.of(null, AuditAction.RETENTION_ERASED).subject("notification_outbox", "recorded")
                        .detail(Map.of("rows", erased, "fields", "recipient,personalisation")));
            }
            return erased;
        });
    }

    /** The newest rows for the staff page; without {@code withAddresses}, no address and no personalisation (name, link). */
    List<Row> latest(int limit, boolean withAddresses) {
        return rows.latest(limit).stream().map(r -> new Row(r.id(), r.createdAt(), r.state(), Channel.valueOf(r.channel()),
                withAddresses ? r.recipient() : null, r.templateKey(), withAddresses ? read(r.personalisation()) : Map.of(),
                r.attempts(), r.nextAttemptAt(), r.notifyId(), r.lastError(), r.finishedAt())).toList();
    }

    boolean configured() {
        return gateway.configured();
    }

    private String write(Map<String, String> map) {
        return JsonMaps.text(json, map);
    }

    private Map<String, String> read(String text) {
        return JsonMaps.map(json, text);
    }
}
