package org.myview.review;

import jakarta.inject.Singleton;
import org.myview.staff.Role;
import org.myview.staff.StaffAccount;
import org.myview.staff.StaffAccountService;
import org.myview.staff.StaffUser;
import org.myview.system.Transactions;
import org.myview.web.FormErrors;
import org.myview.web.FormResult;

import java.util.Optional;

/**
 * Adding a review by hand (the import is the other way). The manager may add a review for any child
 * and creates a new child from the case reference, first name and date of birth; a known child must
 * have the same date of birth. A reviewing officer may add reviews only for children in their
 * caseload: any other case reference, known to MyView or not, gets the one same answer, so an
 * officer cannot learn which children exist (docs/architecture.md, "Caseloads").
 */
@Singleton
public record ScheduleService(ReviewRepository reviews, CaseloadRepository caseloads, StaffAccountService staff,
                              Transactions transactions) {

    public record Outcome(Long reviewId, FormErrors errors) {
    }

    public Outcome schedule(StaffUser user, ScheduleForm form) {
        return transactions.write(() -> {
            String reference = form.caseReference();
            // An ill-formed reference is not looked up; an officer finds only the children of their caseload.
            Optional<Child> known = !reference.matches(CaseloadForm.REFERENCE) ? Optional.empty()
                    : user.seesAllReviews() ? reviews.findChild(reference)
                    : caseloads.childInCaseload(reference, user.accountId()).flatMap(id -> reviews.findChild(reference));
            Optional<Long> officerId = !user.seesAllReviews() ? Optional.of(user.accountId())
                    : form.officer().isEmpty() ? Optional.empty()
                    : staff.findByUsername(form.officer()).filter(a -> a.has(Role.REVIEWING_OFFICER) && !a.disabled()).map(StaffAccount::id);
            FormResult<ScheduleForm.NewReview> checked = form.check(known, user.seesAllReviews(), officerId);
            if (!checked.isValid()) {
                return new Outcome(null, checked.errors());
            }
            ScheduleForm.NewReview review = checked.value();
            long childId;
            if (review.known().isPresent()) {
                childId = review.known().get().id();
                if (!review.firstName().isEmpty()) {
                    reviews.setFirstNameIfMissing(childId, review.firstName());
                }
            } else {
                childId = reviews.insertChild(review.caseReference(), review.firstName(), review.dateOfBirth());
            }
            return new Outcome(reviews.insertReview(childId, review.type().name(), review.date(), review.officerId()), checked.errors());
        });
    }
}
