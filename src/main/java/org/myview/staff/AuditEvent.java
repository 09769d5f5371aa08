package org.myview.staff;

import java.time.Instant;
import java.util.Map;

/**
 * One line of the audit trail: who, when, what, and the ids it concerned. Never names or answers:
 * {@code detail} holds ids, codes and counts only.
 */
public record AuditEvent(Long id, Instant occurredAt, Long actorId, String actorUsername, AuditAction action,
                         Long childId, Long reviewId, String subjectType, String subjectId, Map<String, Object> detail) {

    public static AuditEvent of(StaffUser actor, AuditAction action) {
        return new AuditEvent(null, null, actor == null ? null : actor.accountId(),
                actor == null ? null : actor.username(), action, null, null, null, null, Map.of());
    }

    public AuditEvent child(Long id) {
        return new AuditEvent(this.id, occurredAt, actorId, actorUsername, action, id, reviewId, subjectType, subjectId, detail);
    }

    public AuditEvent review(Long id) {
        return new AuditEvent(this.id, occurredAt, actorId, actorUsername, action, childId, id, subjectType, subjectId, detail);
    }

    public AuditEvent subject(String type, Object id) {
        return new AuditEvent(this.id, occurredAt, actorId, actorUsername, action, childId, reviewId, type,
                id == null ? null : String.valueOf(id), detail);
    }

    public AuditEvent detail(Map<String, Object> values) {
        return new AuditEvent(this.id, occurredAt, actorId, actorUsername, action, childId, reviewId, subjectType, subjectId, values);
    }
}
