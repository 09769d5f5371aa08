package org.myview.review;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.myview.staff.Role;
import org.myview.staff.StaffAccount;
import org.myview.staff.StaffAccountService;
import org.myview.staff.StaffUser;
import org.myview.web.FormErrors;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Adding a review by hand (the import is the other way). The manager may add a review for any child
 * and creates a new child from the case reference, first name and date of birth; a known child must
 * have the same date of birth. A reviewing officer may add reviews only for children in their
 * caseload: any other case reference, known to MyView or not, gets the one same answer, so an
 * officer cannot learn which children exist (docs/architecture.md, "Caseloads").
 */
@Singleton
public class ScheduleService {

    /** The form as typed; dates in the GOV.UK three-field pattern. */
    public record ScheduleForm(String caseReference, String firstName, String dobDay, String dobMonth, String dobYear,
                               String type, String day, String month, String year, String officer) {

        static ScheduleForm empty(StaffUser user) {
            return new ScheduleForm("", "", "", "", "", "CLA", "", "", "", user.seesAllReviews() ? "" : user.username());
        }
    }

    public record Outcome(Long reviewId, FormErrors errors) {
    }

    private final ReviewRepository reviews;
    private final CaseloadRepository caseloads;
    private final StaffAccountService staff;

    ScheduleService(ReviewRepository reviews, CaseloadRepository caseloads, StaffAccountService staff) {
        this.reviews = reviews;
        this.caseloads = caseloads;
        this.staff = staff;
    }

    @Transactional
    public Outcome schedule(StaffUser user, ScheduleForm form) {
        FormErrors errors = new FormErrors();
        String reference = form.caseReference() == null ? "" : form.caseReference().trim();
        if (reference.isEmpty()) {
            errors.add("caseReference", "review.new.error.referenceMissing");
        } else if (!reference.matches("[A-Za-z0-9/_-]{1,20}")) {
            errors.add("caseReference", "review.new.error.referenceFormat");
        }
        Optional<Child> existing = errors.has("caseReference") ? Optional.empty()
                : user.seesAllReviews() ? reviews.findChild(reference)
                : caseloads.childInCaseload(reference, user.accountId()).flatMap(id -> reviews.findChild(reference));
        boolean officerWithoutChild = !user.seesAllReviews() && existing.isEmpty();
        if (officerWithoutChild && !errors.has("caseReference")) {
            // The same words for another officer's child and for a child MyView does not know.
            errors.add("caseReference", "review.new.error.notInCaseload");
        }
        String firstName = form.firstName() == null ? "" : form.firstName().trim();
        if (firstName.length() > 100) {
            errors.add("firstName", "review.new.error.firstNameTooLong");
        } else if (existing.isEmpty() && firstName.isEmpty() && !officerWithoutChild) {
            errors.add("firstName", "review.new.error.firstNameMissing");
        }
        boolean dobGiven = !(blank(form.dobDay()) && blank(form.dobMonth()) && blank(form.dobYear()));
        LocalDate dob = null;
        // An officer's date of birth is checked only against a child of their own caseload: for any
        // other reference it is not read at all, so it cannot tell whether the child exists.
        if (!officerWithoutChild && (existing.isEmpty() || dobGiven)) {
            dob = date(form.dobDay(), form.dobMonth(), form.dobYear());
            if (dob == null) {
                errors.add("dob-day", "review.new.error.dob");
            }
        }
        if (existing.isPresent() && dob != null && !dob.equals(existing.get().dateOfBirth())) {
            errors.add("dob-day", "review.new.error.dobContradicts");
        }
        Optional<ReviewType> type = ReviewType.parse(form.type() == null ? "" : form.type());
        if (type.isEmpty()) {
            errors.add("type", "review.new.error.type");
        }
        LocalDate date = date(form.day(), form.month(), form.year());
        if (date == null) {
            errors.add("date-day", "review.new.error.date");
        } else {
            LocalDate birth = existing.map(Child::dateOfBirth).orElse(dob);
            if (birth != null && date.isBefore(birth)) {
                errors.add("date-day", "review.new.error.dateBeforeBirth");
            }
        }
        Long officerId = user.accountId();
        if (user.seesAllReviews()) {
            Optional<StaffAccount> officer = form.officer() == null ? Optional.empty()
                    : staff.findByUsername(form.officer()).filter(a -> a.has(Role.REVIEWING_OFFICER) && !a.disabled());
            if (officer.isEmpty()) {
                errors.add("officer", "review.new.error.officer");
            } else {
                officerId = officer.get().id();
            }
        }
        if (!errors.isEmpty()) {
            return new Outcome(null, errors);
        }
        long childId;
        if (existing.isPresent()) {
            childId = existing.get().id();
            if (!firstName.isEmpty()) {
                reviews.setFirstNameIfMissing(childId, firstName);
            }
        } else {
            childId = reviews.insertChild(reference, firstName, dob);
        }
        return new Outcome(reviews.insertReview(childId, type.get().name(), date, officerId), errors);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    static LocalDate date(String day, String month, String year) {
        try {
            int y = Integer.parseInt(year.trim());
            if (y < 1900 || y > 2100) {
                return null;
            }
            return LocalDate.of(y, Integer.parseInt(month.trim()), Integer.parseInt(day.trim()));
        } catch (NumberFormatException | DateTimeException | NullPointerException e) {
            return null;
        }
    }
}
