package org.myview.review;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Whether each review was held within the statutory timescale for its type (docs/timeliness.md has the rules
 * and their sources):
 * <ul>
 *   <li>CLA (Care Planning, Placement and Case Review (England) Regulations 2010, reg. 33): the first review
 *   within 20 working days of the child becoming looked after, the second within 3 months of the first, then
 *   every 6 months. MyView does not hold the date the child became looked after, so the first recorded CLA
 *   review of a child starts the chain and is not assessed.</li>
 *   <li>Child protection (Working Together to Safeguard Children 2023): the first review conference within 3
 *   months of the initial conference, then every 6 months. An initial conference starts a new chain and is not
 *   assessed (its own timescale runs from a strategy discussion MyView does not hold); a review conference with
 *   no initial conference before it starts the chain and is not assessed.</li>
 *   <li>CIN reviews have no statutory timescale and are not assessed.</li>
 * </ul>
 * "Within 3 months" means on or before the same day of the month three months later (the last day of a
 * shorter month when that day does not exist: 30 November for 31 August); working days leave out weekends and
 * England's bank holidays ({@link BankHolidays}).
 */
public final class ReviewTimescales {

    public enum Status { TIMELY, LATE, NOT_ASSESSED }

    /** Why a review is due when it is: a message key suffix, for the page and the CSV. */
    public enum Rule { CLA_FIRST_UNKNOWN_START, CLA_FIRST, CLA_SECOND, CLA_LATER, CP_INITIAL, CP_FIRST_REVIEW, CP_LATER, CP_NO_INITIAL, CIN }

    /** One review of a child, as the rules need it; {@code lookedAfterSince} is null when unknown. */
    public record ChildReview(long reviewId, long childId, ReviewType type, LocalDate date, LocalDate lookedAfterSince) {
    }

    /** The verdict on one review: the date it was due by (null when not assessed) and whether it kept to it. */
    public record Verdict(ChildReview review, Rule rule, LocalDate dueBy, Status status) {

        public long daysLate() {
            return status == Status.LATE ? java.time.temporal.ChronoUnit.DAYS.between(dueBy, review.date()) : 0;
        }
    }

    private ReviewTimescales() {
    }

    /** Verdicts for every review of ONE child, in date order. */
    public static List<Verdict> assess(List<ChildReview> reviewsOfOneChild) {
        List<ChildReview> sorted = new ArrayList<>(reviewsOfOneChild);
        sorted.sort(Comparator.comparing(ChildReview::date).thenComparing(ChildReview::reviewId));
        List<Verdict> verdicts = new ArrayList<>();
        ChildReview previousCla = null;
        int claCount = 0;
        ChildReview previousCp = null;
        boolean cpHadReview = false;
        for (ChildReview review : sorted) {
            switch (review.type()) {
                case CLA -> {
                    claCount++;
                    if (claCount == 1) {
                        verdicts.add(review.lookedAfterSince() == null
                                ? new Verdict(review, Rule.CLA_FIRST_UNKNOWN_START, null, Status.NOT_ASSESSED)
                                : judged(review, Rule.CLA_FIRST, BankHolidays.addWorkingDays(review.lookedAfterSince(), 20)));
                    } else if (claCount == 2) {
                        verdicts.add(judged(review, Rule.CLA_SECOND, previousCla.date().plusMonths(3)));
                    } else {
                        verdicts.add(judged(review, Rule.CLA_LATER, previousCla.date().plusMonths(6)));
                    }
                    previousCla = review;
                }
                case CP_INITIAL -> {
                    verdicts.add(new Verdict(review, Rule.CP_INITIAL, null, Status.NOT_ASSESSED));
                    previousCp = review;
                    cpHadReview = false;
                }
                case CP_REVIEW -> {
                    if (previousCp == null) {
                        verdicts.add(new Verdict(review, Rule.CP_NO_INITIAL, null, Status.NOT_ASSESSED));
                        cpHadReview = true;
                    } else if (!cpHadReview) {
                        verdicts.add(judged(review, Rule.CP_FIRST_REVIEW, previousCp.date().plusMonths(3)));
                        cpHadReview = true;
                    } else {
                        verdicts.add(judged(review, Rule.CP_LATER, previousCp.date().plusMonths(6)));
                    }
                    previousCp = review;
                }
                case CIN -> verdicts.add(new Verdict(review, Rule.CIN, null, Status.NOT_ASSESSED));
            }
        }
        return verdicts;
    }

    private static Verdict judged(ChildReview review, Rule rule, LocalDate dueBy) {
        return new Verdict(review, rule, dueBy, review.date().isAfter(dueBy) ? Status.LATE : Status.TIMELY);
    }
}
