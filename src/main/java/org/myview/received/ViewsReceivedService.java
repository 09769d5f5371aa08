package org.myview.received;

import jakarta.inject.Singleton;
import org.myview.review.Review;
import org.myview.review.ReviewService;
import org.myview.staff.AuditAction;
import org.myview.staff.AuditEvent;
import org.myview.staff.AuditTrail;
import org.myview.staff.StaffUser;
import org.myview.system.Transactions;
import org.myview.web.FormResult;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A child's views that reached their review another way (issue 15, item 4): recorded and removed by whoever may
 * record the review's participation (its own reviewing officer, or the manager), one per review, each change
 * audited with the channel's code only. The dashboard counts them through the shared read model
 * {@code views_received} (participation/, docs/architecture.md).
 */
@Singleton
public record ViewsReceivedService(ViewsReceivedRepository repository, ReviewService reviews, AuditTrail audit, Clock clock,
                                   Transactions transactions) {

    static final String SUBJECT = "views_received";
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    LocalDate today() {
        return LocalDate.now(clock.withZone(LONDON));
    }

    /** The review if this person may record its participation, else empty (another officer's review answers 404). */
    Optional<Review> review(StaffUser user, long reviewId) {
        return reviews.find(user, reviewId);
    }

    /** What is recorded for a review the person may open. */
    public Optional<ViewsReceivedRepository.Row> forReview(StaffUser user, Review review) {
        return transactions.read(() -> ReviewService.mayOpen(user, review) ? repository.find(review.id()) : Optional.empty());
    }

    /** Whether anything is recorded for the review (for the participation form's hint: the caller has checked access). */
    boolean received(long reviewId) {
        return transactions.read(() -> repository.find(reviewId).isPresent());
    }

    /** Checks the form and records it (or replaces what was recorded); the errors when it cannot, and then nothing changes. */
    FormResult<ViewsReceivedForm.Received> record(StaffUser user, Review review, ViewsReceivedForm form) {
        return transactions.write(() -> {
            FormResult<ViewsReceivedForm.Received> checked = form.check(review.date(), today());
            if (!checked.isValid()) {
                return checked;
            }
            boolean replaced = repository.find(review.id()).isPresent();
            long id = repository.save(review.id(), checked.value().channel().name(), checked.value().receivedOn(), user.accountId(),
                    clock.instant());
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("channel", checked.value().channel().name());
            detail.put("replaced", replaced);
            audit.record(AuditEvent.of(user, AuditAction.VIEWS_RECEIVED_RECORDED).child(review.child().id()).review(review.id())
                    .subject(SUBJECT, id).detail(detail));
            return checked;
        });
    }

    /** Removes what was recorded (a mistake): audited; nothing to remove changes nothing. */
    void remove(StaffUser user, Review review) {
        transactions.run(() -> {
            repository.find(review.id()).ifPresent(row -> {
                repository.remove(review.id());
                audit.record(AuditEvent.of(user, AuditAction.VIEWS_RECEIVED_REMOVED).child(review.child().id()).review(review.id())
                        .subject(SUBJECT, row.id()).detail(Map.of("channel", row.channel())));
            });
        });
    }
}
