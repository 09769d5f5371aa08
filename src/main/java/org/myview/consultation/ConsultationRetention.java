package org.myview.consultation;

import jakarta.inject.Singleton;
import org.myview.staff.AuditAction;
import org.myview.staff.AuditEvent;
import org.myview.staff.AuditTrail;
import org.myview.system.Transactions;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

/**
 * Retention of a child's words (docs/runbook.md, "Retention"). A sent form's answers stay until the review's
 * record has been written and kept on the child's case file ({@code answer-retention-days} after the review;
 * the officer reads them on the review page until then); a form never sent goes as soon as its link stops
 * working, since nobody ever reads it. A talk-now concern keeps what the child chose and wrote, and the
 * contacts' notes, until {@code retention-days} after it was closed; an open concern is never erased. The
 * rows stay (dates, results, escalations), so the figures still count them. Each erasure is one set-based
 * statement (instances running at once erase each row once) and is audited as counts, never content.
 */
@Singleton
record ConsultationRetention(ConsultationRepository consultations, ConcernRepository concerns, ConsultationSettings settings,
                             TalkNowSettings talkNow, AuditTrail audit, Clock clock, Transactions transactions) {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    /** How many forms lost their answers (and how many answers that was), and how many concerns their words. */
    record Erased(int forms, int answers, int concerns, int contacts) {
    }

    Erased eraseExpired() {
        return transactions.write(() -> {
            Instant now = clock.instant();
            LocalDate today = now.atZone(LONDON).toLocalDate();
            int forms = consultations.markAnswersErased(today.minusDays(settings.answerRetentionDays()), now);
            int answers = consultations.deleteErasedAnswers();
            int closed = concerns.eraseClosedBefore(now.minus(java.time.Duration.ofDays(talkNow.retentionDays())), now);
            int contacts = concerns.eraseContactsOfErased();
            if (forms > 0 || answers > 0) {
                audit.record(AuditEvent.of(null, AuditAction.RETENTION_ERASED).subject("consultation_answer", "answers")
                        .detail(Map.of("forms", forms, "rows", answers)));
            }
            if (closed > 0 || contacts > 0) {
                audit.record(AuditEvent.of(null, AuditAction.RETENTION_ERASED).subject("consultation_concern", "words")
                        .detail(Map.of("rows", closed, "contacts", contacts,
                                "fields", "message,contact_ways,safe_time,not_through_carer,contact.note,contact.contacted_by")));
            }
            return new Erased(forms, answers, closed, contacts);
        });
    }
}
