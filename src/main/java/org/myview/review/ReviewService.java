package org.myview.review;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.myview.staff.AuditAction;
import org.myview.staff.AuditEvent;
import org.myview.staff.AuditTrail;
import org.myview.staff.StaffUser;
import org.myview.system.Transactions;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A reviewing officer's reviews and how each child took part: the rules at entry, the transaction,
 * the history and the audit trail. Officers see their own reviews; the manager sees every review.
 */
@Singleton
public record ReviewService(ReviewRepository reviews, ReviewListRepository lists, FormLengths formLengths, AuditTrail audit,
                            Clock clock, @Value("${myview.consultation.prompt-days:10}") int promptDays, Transactions transactions) {

    /** What an officer's review list shows, each review with its form status. */
    public record ReviewLists(List<ListedReview> heldNotRecorded, List<ListedReview> upcoming, List<ListedReview> recentlyRecorded) {
    }

    /** The lists' form filter (none: every review) and whether to sort by form status rather than date. */
    public record ListView(Optional<FormFilter> filter, boolean byFormStatus) {
    }

    /** Everything the review page shows. */
    public record ReviewPage(Review review, boolean firstOfType, List<Review> childsReviews, List<ParticipationChange> history) {
    }

    /** Reviews this many days ahead with no link yet are the ones to prompt about ({@code myview.consultation.prompt-days}). */
    public int promptDays() {
        return promptDays;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public ReviewLists listsFor(StaffUser user, Long officerFilter, ListView view) {
        return transactions.read(() -> {
            Long officer = user.seesAllReviews() ? officerFilter : Long.valueOf(user.accountId());
            LocalDate today = today();
            LocalDate soon = today.plusDays(promptDays);
            String form = view.filter().map(Enum::name).orElse("");
            String sort = view.byFormStatus() ? "form" : "date";
            return new ReviewLists(listed(lists.heldNotRecorded(officer, today, soon, form, sort)),
                    listed(lists.upcoming(officer, today, soon, form, sort, 50)),
                    listed(lists.recentlyRecorded(officer, today, soon, form, sort, 10)));
        });
    }

    /** The user's own reviews in the next prompt days with no My Review My View link yet (for their home page), soonest first. */
    public List<ListedReview> noLinkSoon(StaffUser user) {
        return transactions.read(() -> {
            LocalDate today = today();
            return listed(lists.upcoming(user.accountId(), today, today.plusDays(promptDays), FormFilter.NO_LINK_SOON.name(), "date", 50));
        });
    }

    private List<ListedReview> listed(List<ReviewListRepository.ListRow> rows) {
        return rows.stream().map(row -> row.listed(formLengths)).toList();
    }

    /** The review if this user may see it: their own, or any for the manager. */
    public Optional<Review> find(StaffUser user, long reviewId) {
        return transactions.read(() -> reviews.find(reviewId).filter(r -> mayOpen(user, r)));
    }

    public Optional<ReviewPage> page(StaffUser user, long reviewId) {
        return transactions.read(() -> find(user, reviewId).map(review -> new ReviewPage(review, reviews.isFirstOfType(review),
                reviews.ofChild(review.child().id()), reviews.history(review.id()))));
    }

    public static boolean mayOpen(StaffUser user, Review review) {
        return user.seesAllReviews() || (review.officerId() != null && review.officerId() == user.accountId());
    }

    /** The codes an officer may choose for this review: PN0 only under 4, PN1-PN7 only at 4 or over. */
    public static List<ParticipationMethod> codesFor(Review review) {
        boolean underFour = ChildAge.isUnderFour(review.child().dateOfBirth(), review.date());
        return java.util.Arrays.stream(ParticipationMethod.values()).filter(m -> m.forUnderFour() == underFour).toList();
    }

    /**
     * Saves a checked participation ({@link ParticipationForm#check}), with a history line and an audit line;
     * nothing when it is what was recorded already.
     */
    public void record(StaffUser user, long reviewId, ParticipationForm.Participation participation) {
        transactions.run(() -> {
            Review review = find(user, reviewId).orElseThrow(() -> new IllegalArgumentException("no such review"));
            ParticipationMethod code = participation.code();
            Advocate advocate = participation.advocate();
            Optional<ReviewRepository.ParticipationRow> before = reviews.participationForUpdate(reviewId);
            ReviewRepository.ParticipationRow after = new ReviewRepository.ParticipationRow(reviewId, code, advocate, participation.views());
            if (before.isPresent() && before.get().equals(after)) {
                return; // nothing changed: no history line, no audit line
            }
            reviews.saveParticipation(after, user.accountId(), before, "ENTRY");
            Map<String, Object> detail = new LinkedHashMap<>();
            before.ifPresent(b -> detail.put("from", b.code().name()));
            detail.put("to", code.name());
            detail.put("advocate", advocate.name());
            audit.record(AuditEvent.of(user, before.isPresent() ? AuditAction.PARTICIPATION_CHANGED : AuditAction.PARTICIPATION_RECORDED)
                    .child(review.child().id()).review(reviewId).detail(detail));
        });
    }
}
