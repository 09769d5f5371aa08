package org.myview.review;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import org.myview.staff.StaffUser;
import org.myview.web.DateFields;
import org.myview.web.FormErrors;
import org.myview.web.TextForm;
import org.myview.web.FormResult;

import java.time.LocalDate;
import java.util.Optional;

/**
 * "Add a review": the child's case reference (with a first name and date of birth for a child new to MyView), the
 * type, the date, and for the manager the reviewing officer. Dates are the GOV.UK three fields. The caller looks up
 * the child (for an officer, only in their caseload) and the officer and passes what it found; the check reads no
 * database. An officer's date of birth is checked only against a child of their own caseload: for any other
 * reference it is not read at all, so the answer cannot tell whether the child exists (docs/architecture.md, "Caseloads").
 */
@Serdeable
record ScheduleForm(String caseReference, String firstName,
                    String dobDay, String dobMonth, String dobYear, String type,
                    String dateDay, String dateMonth, String dateYear, String officer) implements TextForm {

    static final int MAX_FIRST_NAME = 100;

    /** A review ready to add: for a known child, or for a new one with its reference, first name and date of birth. */
    record NewReview(Optional<Child> known, String caseReference, String firstName, @Nullable LocalDate dateOfBirth,
                     ReviewType type, LocalDate date, long officerId) {
    }

    /** The empty form: a CLA review, and an officer's own name as the officer. */
    static ScheduleForm start(StaffUser user) {
        return new ScheduleForm("", "", "", "", "", ReviewType.CLA.name(), "", "", "", user.seesAllReviews() ? "" : user.username());
    }

    /**
     * @param known       the child with this reference that the user may add a review for (any child for the manager,
     *                    a child of their caseload for an officer)
     * @param seesAll     the manager, who chooses the officer and may add a new child
     * @param officerId   the active reviewing officer chosen (the manager), or the officer themselves
     */
    FormResult<NewReview> check(Optional<Child> known, boolean seesAll, Optional<Long> officerId) {
        FormErrors errors = new FormErrors();
        boolean referenceRight = CaseloadForm.referenceWellFormed(caseReference, errors);
        Optional<Child> existing = referenceRight ? known : Optional.empty();
        boolean officerWithoutChild = !seesAll && existing.isEmpty();
        if (officerWithoutChild && referenceRight) {
            // The same words for another officer's child and for a child MyView does not know.
            errors.add("caseReference", "review.new.error.notInCaseload");
        }
        if (firstName.length() > MAX_FIRST_NAME) {
            errors.add("firstName", "review.new.error.firstNameTooLong");
        } else if (existing.isEmpty() && firstName.isEmpty() && !officerWithoutChild) {
            errors.add("firstName", "review.new.error.firstNameMissing");
        }
        boolean dobGiven = !(dobDay.isEmpty() && dobMonth.isEmpty() && dobYear.isEmpty());
        LocalDate dob = null;
        if (!officerWithoutChild && (existing.isEmpty() || dobGiven)) {
            dob = date(dobDay, dobMonth, dobYear);
            if (dob == null) {
                errors.add("dob-day", "review.new.error.dob");
            }
        }
        if (existing.isPresent() && dob != null && !dob.equals(existing.get().dateOfBirth())) {
            errors.add("dob-day", "review.new.error.dobContradicts");
        }
        Optional<ReviewType> reviewType = ReviewType.parse(type);
        if (reviewType.isEmpty()) {
            errors.add("type", "review.new.error.type");
        }
        LocalDate date = date(dateDay, dateMonth, dateYear);
        if (date == null) {
            errors.add("date-day", "review.new.error.date");
        } else {
            LocalDate birth = existing.map(Child::dateOfBirth).orElse(dob);
            if (birth != null && date.isBefore(birth)) {
                errors.add("date-day", "review.new.error.dateBeforeBirth");
            }
        }
        if (officerId.isEmpty()) {
            errors.add("officer", "review.new.error.officer");
        }
        LocalDate born = dob;
        return FormResult.of(errors, () -> new NewReview(existing, caseReference, firstName, born, reviewType.orElseThrow(), date,
                officerId.orElseThrow()));
    }

    /** A real date from the three fields, with a year from 1900 to 2100; null otherwise. */
    static LocalDate date(String day, String month, String year) {
        return DateFields.date(day, month, year).filter(d -> d.getYear() >= 1900 && d.getYear() <= 2100).orElse(null);
    }
}
