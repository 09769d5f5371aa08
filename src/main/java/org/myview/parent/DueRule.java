package org.myview.parent;

import java.time.LocalDate;

/**
 * Who is asked when: the rules of action 9 of the improvement plan, in one place.
 *
 * <p>A plan is <b>due</b> on a day when it is open that day and has been open between 3 and 6 months,
 * both ends included: from the day 3 calendar months after it started up to and including the day 6
 * calendar months after. A plan that started on 31 August reaches 3 months on 30 November (the
 * calendar has no 31 November). A plan that ended before the day is not due. A plan already asked in
 * the round is not due again in that round.
 */
public final class DueRule {

    private DueRule() {
    }

    public static boolean isDue(LocalDate start, LocalDate end, LocalDate day) {
        if (end != null && end.isBefore(day)) {
            return false;
        }
        return !day.isBefore(start.plusMonths(3)) && !day.isAfter(start.plusMonths(6));
    }

    /** The earliest day a plan that started on {@code start} can be due: for the SQL that selects candidates. */
    public static LocalDate latestStartDue(LocalDate day) {
        return day.minusMonths(3);
    }

    /** A follow-up goes {@code afterDays} days after the first answers, on that day or later. */
    public static boolean followUpDue(LocalDate answeredOn, int afterDays, LocalDate day) {
        return !day.isBefore(answeredOn.plusDays(afterDays));
    }

    /** The day a round started on {@code startedOn} repeats. */
    public static LocalDate repeatOn(LocalDate startedOn, int afterMonths) {
        return startedOn.plusMonths(afterMonths);
    }
}
