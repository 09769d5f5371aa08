package org.myview.staff;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The append-only audit trail (the database refuses updates and deletes). Written in the same
 * transaction as the change it describes, so a change is never without its line.
 */
@Singleton
public class AuditTrail {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final JdbcOperations jdbc;
    private final JsonMapper json;

    AuditTrail(JdbcOperations jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Transactional
    public void record(AuditEvent event) {
        recordAll(List.of(event));
    }

    /** Many lines at once (an import changes thousands of participation records), in one batch. */
    @Transactional
    public void recordAll(List<AuditEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        jdbc.prepareStatement("insert into audit_event (actor_id, actor_username, action, child_id, review_id, "
                + "subject_type, subject_id, detail) values (?, ?, ?, ?, ?, ?, ?, ?::jsonb)", ps -> {
            for (AuditEvent event : events) {
                setLong(ps, 1, event.actorId());
                ps.setString(2, event.actorUsername());
                ps.setString(3, event.action().name());
                setLong(ps, 4, event.childId());
                setLong(ps, 5, event.reviewId());
                ps.setString(6, event.subjectType());
                ps.setString(7, event.subjectId());
                ps.setString(8, json(event.detail()));
                ps.addBatch();
            }
            return ps.executeBatch();
        });
    }

    private String json(Map<String, Object> detail) {
        try {
            return json.writeValueAsString(detail == null ? Map.of() : detail);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Search by user (username), child case reference and date range; newest first, at most {@code limit}. */
    @Transactional(readOnly = true)
    public List<AuditEvent> search(String username, String childReference, LocalDate from, LocalDate to, int limit) {
        StringBuilder sql = new StringBuilder("select e.* from audit_event e where true");
        List<Object> args = new ArrayList<>();
        if (username != null && !username.isBlank()) {
            sql.append(" and lower(e.actor_username) = lower(?)");
            args.add(username.trim());
        }
        if (childReference != null && !childReference.isBlank()) {
            sql.append(" and e.child_id in (select id from child where upper(case_reference) = upper(?))");
            args.add(childReference.trim());
        }
        if (from != null) {
            sql.append(" and e.occurred_at >= ?");
            args.add(Timestamp.from(from.atStartOfDay(LONDON).toInstant()));
        }
        if (to != null) {
            sql.append(" and e.occurred_at < ?");
            args.add(Timestamp.from(to.plusDays(1).atStartOfDay(LONDON).toInstant()));
        }
        sql.append(" order by e.occurred_at desc, e.id desc limit ?");
        args.add(limit);
        return jdbc.prepareStatement(sql.toString(), ps -> {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            List<AuditEvent> events = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    events.add(map(rs));
                }
            }
            return events;
        });
    }

    @SuppressWarnings("unchecked")
    private AuditEvent map(ResultSet rs) throws java.sql.SQLException {
        Map<String, Object> detail;
        try {
            detail = json.readValue(rs.getString("detail"), Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new AuditEvent(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(),
                (Long) rs.getObject("actor_id"), rs.getString("actor_username"), AuditAction.valueOf(rs.getString("action")),
                (Long) rs.getObject("child_id"), (Long) rs.getObject("review_id"), rs.getString("subject_type"),
                rs.getString("subject_id"), detail);
    }

    private static void setLong(java.sql.PreparedStatement ps, int index, Long value) throws java.sql.SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }

}
