package org.myview.review;

import org.junit.jupiter.api.Test;
import org.myview.review.ReviewTimescales.ChildReview;
import org.myview.review.ReviewTimescales.Rule;
import org.myview.review.ReviewTimescales.Status;
import org.myview.review.ReviewTimescales.Verdict;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The statutory timescales at each boundary: the day before the due date, the day itself and the day after. */
class ReviewTimescalesTest {

    private static long ids;

    private static ChildReview review(ReviewType type, LocalDate date) {
        return new ChildReview(++ids, 1, type, date, null);
    }

    private static Verdict last(ChildReview... reviews) {
        List<Verdict> verdicts = ReviewTimescales.assess(List.of(reviews));
        return verdicts.get(verdicts.size() - 1);
    }

    @Test
    void theFirstClaReviewIsDue20WorkingDaysAfterTheChildBecameLookedAfter() {
        LocalDate since = LocalDate.of(2026, 3, 30); // 20 working days across Easter 2026: 29 April
        for (int offset = -1; offset <= 1; offset++) {
            ChildReview first = new ChildReview(++ids, 1, ReviewType.CLA, LocalDate.of(2026, 4, 29).plusDays(offset), since);
            Verdict verdict = ReviewTimescales.assess(List.of(first)).get(0);
            assertEquals(Rule.CLA_FIRST, verdict.rule());
            assertEquals(LocalDate.of(2026, 4, 29), verdict.dueBy());
            assertEquals(offset <= 0 ? Status.TIMELY : Status.LATE, verdict.status(), "offset " + offset);
        }
    }

    @Test
    void withoutTheStartDateTheFirstRecordedClaReviewStartsTheChainUnassessed() {
        Verdict first = ReviewTimescales.assess(List.of(review(ReviewType.CLA, LocalDate.of(2026, 1, 10)))).get(0);
        assertEquals(Status.NOT_ASSESSED, first.status());
        assertEquals(Rule.CLA_FIRST_UNKNOWN_START, first.rule());
        assertNull(first.dueBy());
    }

    @Test
    void theSecondClaReviewWithinThreeMonthsThenEverySixMonths() {
        LocalDate first = LocalDate.of(2026, 1, 10);
        assertEquals(Status.TIMELY, last(review(ReviewType.CLA, first), review(ReviewType.CLA, LocalDate.of(2026, 4, 9))).status());
        assertEquals(Status.TIMELY, last(review(ReviewType.CLA, first), review(ReviewType.CLA, LocalDate.of(2026, 4, 10))).status());
        Verdict late = last(review(ReviewType.CLA, first), review(ReviewType.CLA, LocalDate.of(2026, 4, 11)));
        assertEquals(Status.LATE, late.status());
        assertEquals(1, late.daysLate());
        assertEquals(Rule.CLA_SECOND, late.rule());

        ChildReview a = review(ReviewType.CLA, first);
        ChildReview b = review(ReviewType.CLA, LocalDate.of(2026, 4, 1));
        assertEquals(Status.TIMELY, last(a, b, review(ReviewType.CLA, LocalDate.of(2026, 10, 1))).status());
        Verdict third = last(a, b, review(ReviewType.CLA, LocalDate.of(2026, 10, 2)));
        assertEquals(Status.LATE, third.status());
        assertEquals(Rule.CLA_LATER, third.rule());
        assertEquals(LocalDate.of(2026, 10, 1), third.dueBy());
    }

    @Test
    void monthsEndOnTheLastDayOfAShorterMonthLeapYearsIncluded() {
        // 30 November 2027 + 3 months: 29 February 2028 (a leap year); 31 August + 3 months: 30 November.
        assertEquals(LocalDate.of(2028, 2, 29), last(review(ReviewType.CLA, LocalDate.of(2027, 11, 29)),
                review(ReviewType.CLA, LocalDate.of(2028, 3, 1))).dueBy());
        assertEquals(LocalDate.of(2027, 2, 28), last(review(ReviewType.CLA, LocalDate.of(2026, 11, 30)),
                review(ReviewType.CLA, LocalDate.of(2027, 3, 1))).dueBy());
        assertEquals(LocalDate.of(2026, 11, 30), last(review(ReviewType.CLA, LocalDate.of(2026, 8, 31)),
                review(ReviewType.CLA, LocalDate.of(2026, 11, 30))).dueBy());
        assertEquals(Status.TIMELY, last(review(ReviewType.CLA, LocalDate.of(2026, 8, 31)),
                review(ReviewType.CLA, LocalDate.of(2026, 11, 30))).status());
        assertEquals(Status.LATE, last(review(ReviewType.CLA, LocalDate.of(2026, 8, 31)),
                review(ReviewType.CLA, LocalDate.of(2026, 12, 1))).status());
    }

    @Test
    void childProtectionReviewWithinThreeMonthsOfTheInitialConferenceThenEverySixMonths() {
        ChildReview initial = review(ReviewType.CP_INITIAL, LocalDate.of(2026, 2, 5));
        assertEquals(Status.NOT_ASSESSED, ReviewTimescales.assess(List.of(initial)).get(0).status());
        for (int offset = -1; offset <= 1; offset++) {
            Verdict v = last(initial, review(ReviewType.CP_REVIEW, LocalDate.of(2026, 5, 5).plusDays(offset)));
            assertEquals(Rule.CP_FIRST_REVIEW, v.rule());
            assertEquals(offset <= 0 ? Status.TIMELY : Status.LATE, v.status(), "offset " + offset);
        }
        ChildReview firstReview = review(ReviewType.CP_REVIEW, LocalDate.of(2026, 5, 1));
        for (int offset = -1; offset <= 1; offset++) {
            Verdict v = last(initial, firstReview, review(ReviewType.CP_REVIEW, LocalDate.of(2026, 11, 1).plusDays(offset)));
            assertEquals(Rule.CP_LATER, v.rule());
            assertEquals(offset <= 0 ? Status.TIMELY : Status.LATE, v.status(), "offset " + offset);
        }
    }

    @Test
    void aNewInitialConferenceStartsANewChainAndCinIsNeverAssessed() {
        List<ChildReview> reviews = new ArrayList<>(List.of(
                review(ReviewType.CP_INITIAL, LocalDate.of(2025, 1, 6)),
                review(ReviewType.CP_REVIEW, LocalDate.of(2025, 4, 1)),
                review(ReviewType.CP_INITIAL, LocalDate.of(2026, 6, 1)),  // a new plan after the first ended
                review(ReviewType.CP_REVIEW, LocalDate.of(2026, 9, 1)),
                review(ReviewType.CIN, LocalDate.of(2026, 10, 1))));
        List<Verdict> verdicts = ReviewTimescales.assess(reviews);
        assertEquals(List.of(Status.NOT_ASSESSED, Status.TIMELY, Status.NOT_ASSESSED, Status.TIMELY, Status.NOT_ASSESSED),
                verdicts.stream().map(Verdict::status).toList());
        assertEquals(Rule.CP_FIRST_REVIEW, verdicts.get(3).rule());
        assertEquals(Rule.CIN, verdicts.get(4).rule());
        assertEquals(Rule.CP_NO_INITIAL, ReviewTimescales.assess(List.of(review(ReviewType.CP_REVIEW, LocalDate.of(2026, 1, 1)))).get(0).rule());
    }

    @Test
    void claAndChildProtectionChainsOfOneChildDoNotMix() {
        List<Verdict> verdicts = ReviewTimescales.assess(List.of(
                review(ReviewType.CLA, LocalDate.of(2026, 1, 5)),
                review(ReviewType.CP_INITIAL, LocalDate.of(2026, 2, 5)),
                review(ReviewType.CLA, LocalDate.of(2026, 4, 5)),
                review(ReviewType.CP_REVIEW, LocalDate.of(2026, 5, 6))));
        assertEquals(List.of(Status.NOT_ASSESSED, Status.NOT_ASSESSED, Status.TIMELY, Status.LATE),
                verdicts.stream().map(Verdict::status).toList());
    }
}
