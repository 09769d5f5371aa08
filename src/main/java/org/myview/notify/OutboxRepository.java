package org.myview.notify;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The outbox table. Each method is its own transaction unless called inside one (enqueue always is). */
@Singleton
class OutboxRepository {

    /** A claimed row: what the sender needs to deliver it. */
    record Claimed(long id, UUID reference, UUID claim, int attempts, Message message) {
    }

    /** A row as the staff page shows it. */
    record Row(long id, Instant createdAt, String state, Channel channel, String recipient, String templateKey,
               Map<String, String> personalisation, int attempts, Instant nextAttemptAt, String notifyId, String lastError,
               Instant finishedAt) {
    }

    private final JdbcOperations jdbc;
    private final JsonMapper json;

    OutboxRepository(JdbcOperations jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Transactional
    long insert(Message message, String subjectType, Long subjectId, Instant now) {
        return jdbc.prepareStatement("insert into notification_outbox (reference, channel, recipient, template_key, personalisation, "
                + "next_attempt_at, created_at, subject_type, subject_id) values (?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?) returning id", ps -> {
            ps.setObject(1, UUID.randomUUID());
            ps.setString(2, message.channel().name());
            ps.setString(3, message.recipient());
            ps.setString(4, message.templateKey());
            ps.setString(5, write(message.personalisation()));
            ps.setTimestamp(6, Timestamp.from(now));
            ps.setTimestamp(7, Timestamp.from(now));
            ps.setString(8, subjectType);
            ps.setObject(9, subjectId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** Whether this exact message (about the same thing, same channel and address) is already waiting or recorded. */
    @Transactional
    boolean queued(Message message, String subjectType, Long subjectId) {
        return jdbc.prepareStatement("select exists (select 1 from notification_outbox where subject_type = ? and subject_id = ? "
                + "and channel = ? and recipient = ? and template_key = ? and state in ('PENDING', 'SENDING', 'RECORDED'))", ps -> {
            ps.setString(1, subjectType);
            ps.setObject(2, subjectId);
            ps.setString(3, message.channel().name());
            ps.setString(4, message.recipient());
            ps.setString(5, message.templateKey());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        });
    }

    /**
     * Claims up to {@code limit} due rows in one statement: PENDING rows whose time has come, and SENDING
     * rows whose lease ran out (their sender died). SKIP LOCKED lets several senders claim side by side
     * without waiting for or taking each other's rows; the new claim id fences off a late sender.
     */
    @Transactional
    List<Claimed> claim(Instant now, java.time.Duration lease, int limit) {
        UUID claim = UUID.randomUUID();
        return jdbc.prepareStatement("update notification_outbox set state = 'SENDING', attempts = attempts + 1, claim = ?, "
                + "claimed_until = ? where id in (select id from notification_outbox where (state = 'PENDING' and next_attempt_at <= ?) "
                + "or (state = 'SENDING' and claimed_until < ?) order by next_attempt_at, id limit ? for update skip locked) "
                + "returning id, reference, attempts, channel, recipient, template_key, personalisation::text", ps -> {
            ps.setObject(1, claim);
            ps.setTimestamp(2, Timestamp.from(now.plus(lease)));
            ps.setTimestamp(3, Timestamp.from(now));
            ps.setTimestamp(4, Timestamp.from(now));
            ps.setInt(5, limit);
            List<Claimed> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Claimed(rs.getLong("id"), rs.getObject("reference", UUID.class), claim, rs.getInt("attempts"),
                            new Message(Channel.valueOf(rs.getString("channel")), rs.getString("recipient"),
                                    rs.getString("template_key"), read(rs.getString("personalisation")))));
                }
            }
            return rows;
        });
    }

    /** Sent: Notify's id kept; the address and the link are no longer needed, so they go. */
    @Transactional
    boolean markSent(Claimed row, String notifyId, Instant now) {
        return finish(row, "update notification_outbox set state = 'SENT', notify_id = ?, finished_at = ?, recipient = null, "
                + "personalisation = '{}', claim = null, claimed_until = null, last_error = null where id = ? and claim = ? and state = 'SENDING'",
                notifyId, now);
    }

    /** Not configured: kept whole so the staff page can show what would have been sent. */
    @Transactional
    boolean markRecorded(Claimed row, Instant now) {
        return finish(row, "update notification_outbox set state = 'RECORDED', finished_at = ?, claim = null, claimed_until = null "
                + "where id = ? and claim = ? and state = 'SENDING'", null, now);
    }

    @Transactional
    boolean markFailed(Claimed row, String reason, Instant now) {
        return finish(row, "update notification_outbox set state = 'FAILED', last_error = ?, finished_at = ?, recipient = null, "
                + "personalisation = '{}', claim = null, claimed_until = null where id = ? and claim = ? and state = 'SENDING'", reason, now);
    }

    @Transactional
    boolean markRetry(Claimed row, String reason, Instant next) {
        return finish(row, "update notification_outbox set state = 'PENDING', last_error = ?, next_attempt_at = ?, claim = null, "
                + "claimed_until = null where id = ? and claim = ? and state = 'SENDING'", reason, next);
    }

    private boolean finish(Claimed row, String sql, String text, Instant time) {
        return jdbc.prepareStatement(sql, ps -> {
            int i = 1;
            if (sql.contains("notify_id = ?") || sql.contains("last_error = ?")) {
                ps.setString(i++, text);
            }
            ps.setTimestamp(i++, Timestamp.from(time));
            ps.setLong(i++, row.id());
            ps.setObject(i, row.claim());
            return ps.executeUpdate() == 1;
        });
    }

    @Transactional(readOnly = true)
    List<Row> latest(int limit) {
        return jdbc.prepareStatement("select * from notification_outbox order by created_at desc, id desc limit ?", ps -> {
            ps.setInt(1, limit);
            List<Row> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getLong("id"), instant(rs, "created_at"), rs.getString("state"),
                            Channel.valueOf(rs.getString("channel")), rs.getString("recipient"), rs.getString("template_key"),
                            read(rs.getString("personalisation")), rs.getInt("attempts"), instant(rs, "next_attempt_at"),
                            rs.getString("notify_id"), rs.getString("last_error"), instant(rs, "finished_at")));
                }
            }
            return rows;
        });
    }

    /** Retention: recorded (never sent) messages hold an address and a link; they go after a while. */
    @Transactional
    int eraseRecordedBefore(Instant cutoff) {
        return jdbc.prepareStatement("update notification_outbox set recipient = null, personalisation = '{}' "
                + "where state = 'RECORDED' and finished_at < ? and recipient is not null", ps -> {
            ps.setTimestamp(1, Timestamp.from(cutoff));
            return ps.executeUpdate();
        });
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private String write(Map<String, String> map) {
        try {
            return json.writeValueAsString(map);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, String> read(String text) {
        try {
            return json.readValue(text, Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
