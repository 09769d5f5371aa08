package org.myview.consultation;

import io.micronaut.core.annotation.Introspected;
import jakarta.inject.Singleton;
import org.myview.review.Review;
import org.myview.staff.AuditAction;
import org.myview.staff.AuditEvent;
import org.myview.staff.AuditTrail;
import org.myview.staff.StaffUser;
import org.myview.system.Transactions;

import java.util.Locale;
import java.util.Optional;

/**
 * The child's sent form for their case file (issue 21, item 3). Only the child's own reviewing officer
 * files it, and every download is audited. The private answer is never in it: the form tells the child
 * that answer stays between them and their reviewing officer, and it does not ask whether it may be filed
 * (docs/consultation.md, "The child's words in their case file").
 */
@Singleton
record CaseFileService(ConsultationRepository repository, FormDefinitions definitions, FormWords words, AuditTrail audit,
                       Transactions transactions) {

    /** What goes into the PDF: the review, the sent form, its version and the answers as rows. */
    @Introspected
    public record CaseFile(Review review, ConsultationRepository.Form form, FormDefinition definition, AnswerRows answers) {
    }

    static boolean mayFile(StaffUser user, Review review) {
        return review.officerId() != null && review.officerId() == user.accountId();
    }

    /** Empty unless the user is the child's own officer and the form was sent and not erased since. */
    Optional<CaseFile> forOwnOfficer(StaffUser user, Review review) {
        return transactions.write(() -> {
            if (!mayFile(user, review)) {
                return Optional.empty();
            }
            Optional<ConsultationRepository.Form> sent = repository.sentForm(review.id())
                    .filter(form -> form.answersErasedAt() == null);
            if (sent.isEmpty()) {
                return Optional.empty();
            }
            ConsultationRepository.Form form = sent.get();
            FormDefinition definition = definitions.find(form.definitionId()).orElseThrow();
            AnswerRows rows = AnswerRows.of(definition, repository.answers(form.id(), form.definitionId()), words, true, Locale.UK);
            audit.record(AuditEvent.of(user, AuditAction.CONSULTATION_CASE_FILE_DOWNLOADED).child(review.child().id())
                    .review(review.id()).subject("consultation", form.id()));
            return Optional.of(new CaseFile(review, form, definition, rows));
        });
    }
}
