package org.myview.review;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Objects;

/**
 * A child's age on a date: the one place it is computed, so that import, manual entry and the dashboard
 * can never disagree about whether a child was under 4 at a review.
 */
public final class ChildAge {

    /** PN0 is for children under this age on the review date (DfE SSDA903). */
    public static final int PN0_AGE_LIMIT = 4;

    private ChildAge() {
    }

    /**
     * Age in completed years on {@code date}. A child is a year older from the start of their birthday
     * (Family Law Reform Act 1969, s.9), so on the 4th birthday the child is 4. A child born on 29 February
     * has no birthday in a common year and, as in English law, is a year older from 1 March.
     *
     * @throws IllegalArgumentException if {@code date} is before the date of birth: there is no age to give,
     *                                  and callers check "born after the review" as a rule of its own
     */
    public static int yearsOn(LocalDate dateOfBirth, LocalDate date) {
        Objects.requireNonNull(dateOfBirth, "dateOfBirth");
        Objects.requireNonNull(date, "date");
        if (date.isBefore(dateOfBirth)) {
            throw new IllegalArgumentException("date " + date + " is before the date of birth " + dateOfBirth);
        }
        int years = date.getYear() - dateOfBirth.getYear();
        // Comparing month and day directly gives the 29 February rule for free: in a common year
        // 28 February sorts before 02-29 (not yet) and 1 March after it (birthday passed).
        if (MonthDay.from(date).isBefore(MonthDay.from(dateOfBirth))) {
            years--;
        }
        return years;
    }

    /** True when the child had not reached their 4th birthday on {@code on}: the test for PN0. */
    public static boolean isUnderFour(LocalDate dateOfBirth, LocalDate on) {
        return yearsOn(dateOfBirth, on) < PN0_AGE_LIMIT;
    }
}
