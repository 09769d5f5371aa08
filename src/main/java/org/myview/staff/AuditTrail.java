package org.myview.staff;

import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import org.myview.system.BulkSql;
import org.myview.system.Transactions;
import org.myview.web.JsonMaps;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The append-only audit trail (the database refuses updates and deletes). Written in the same
 * transaction as the change it describes, so a change is never without its line.
 */
@Singleton
public record AuditTrail(BulkSql sql, AuditRepository repository, JsonMapper json, Transactions transactions) {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    public void record(AuditEvent event) {
        transactions.run(() -> recordAll(List.of(event)));
    }

    /** Many lines at once (an import changes thousands of participation records), in one batch. */
    public void recordAll(List<AuditEvent> events) {
        transactions.run(() -> {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (AuditEvent event : events) {
                Map<String, Object> row = new HashMap<>();
                row.put("actorId", event.actorId());
                row.put("actorUsername", event.actorUsername());
                row.put("action", event.action());
                row.put("childId", event.childId());
                row.put("reviewId", event.reviewId());
                row.put("subjectType", event.subjectType());
                row.put("subjectId", event.subjectId());
                row.put("detail", json(event.detail()));
                rows.add(row);
            }
            sql.batch("""
                    insert into audit_event (actor_id, actor_username, action, child_id, review_id, subject_type, subject_id, detail)
                    values (:actorId::bigint, :actorUsername, :action, :childId::bigint, :reviewId::bigint, :subjectType, :subjectId,
                      :detail::jsonb)
                    """, rows);
        });
    }

    private String json(Map<String, Object> detail) {
        return JsonMaps.text(json, detail == null ? Map.of() : detail);
    }

    /** Search by user (username), child case reference and date range; newest first, at most {@code limit}. */
    public List<AuditEvent> search(String username, String childReference, LocalDate from, LocalDate to, int limit) {
        return transactions.read(() -> repository.search(blankToNull(username), blankToNull(childReference),
                from == null ? null : from.atStartOfDay(LONDON).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(LONDON).toInstant(), limit)
                .stream().map(this::event).toList());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private AuditEvent event(AuditRepository.Row row) {
        Map<String, Object> detail = JsonMaps.map(json, row.detail());
        return new AuditEvent(row.id(), row.occurredAt(), row.actorId(), row.actorUsername(), row.action(), row.childId(),
                row.reviewId(), row.subjectType(), row.subjectId(), detail);
    }
}
