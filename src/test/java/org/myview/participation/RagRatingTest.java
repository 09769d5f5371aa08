package org.myview.participation;

import org.junit.jupiter.api.Test;
import org.myview.participation.RagRating.Direction;
import org.myview.participation.RagRating.Measure;
import org.myview.participation.RagRating.Unit;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RagRatingTest {

    /** Participation of children aged 4+: target 50%, within 5 points is tolerable. */
    private static final Measure PARTICIPATION =
            new Measure(new BigDecimal("50"), new BigDecimal("5"), Direction.HIGHER_IS_BETTER, Unit.PERCENT);

    /** NYAS referrals: target 25 a quarter (seed 004), tolerance 3. */
    private static final Measure NYAS_REFERRALS =
            new Measure(new BigDecimal("25"), new BigDecimal("3"), Direction.HIGHER_IS_BETTER, Unit.NUMBER);

    /** Reviews held late: at most 5%, with 2 points' tolerance; fewer is better. */
    private static final Measure LATE_REVIEWS =
            new Measure(new BigDecimal("5"), new BigDecimal("2"), Direction.LOWER_IS_BETTER, Unit.PERCENT);

    private static RagResult rate(Measure measure, String current, String previous) {
        return RagRating.rate(measure, current == null ? null : new BigDecimal(current),
                previous == null ? null : new BigDecimal(previous));
    }

    @Test
    void outsideToleranceButUpOnLastPeriodIsYellow() {
        RagResult result = rate(PARTICIPATION, "43", "38");
        assertEquals(Rag.YELLOW, result.rag());
        assertEquals("43% is below the target of 50% by 7 points, outside the tolerance of 5; up from 38% last "
                + "period, so YELLOW.", result.reason());
    }

    @Test
    void outsideToleranceAndDownOnLastPeriodIsRed() {
        RagResult result = rate(PARTICIPATION, "43", "45");
        assertEquals(Rag.RED, result.rag());
        assertEquals("43% is below the target of 50% by 7 points, outside the tolerance of 5; down from 45% last "
                + "period, so RED.", result.reason());
    }

    @Test
    void outsideToleranceAndNoChangeIsRedBecauseNothingImproved() {
        RagResult result = rate(PARTICIPATION, "43", "43");
        assertEquals(Rag.RED, result.rag());
        assertEquals("43% is below the target of 50% by 7 points, outside the tolerance of 5; the same as last "
                + "period, so RED.", result.reason());
    }

    @Test
    void outsideToleranceWithNoPreviousFigureIsRedBecauseNoImprovementCanBeShown() {
        RagResult result = rate(PARTICIPATION, "43", null);
        assertEquals(Rag.RED, result.rag());
        assertEquals("43% is below the target of 50% by 7 points, outside the tolerance of 5; there is no previous "
                + "figure to show an improvement, so RED.", result.reason());
    }

    @Test
    void belowTargetButWithinToleranceIsAmber() {
        RagResult result = rate(PARTICIPATION, "47", "60");
        assertEquals(Rag.AMBER, result.rag());
        assertEquals("47% is below the target of 50% by 3 points, within the tolerance of 5, so AMBER.",
                result.reason());
    }

    @Test
    void exactlyAtTheEdgeOfToleranceIsStillWithinItSoAmber() {
        assertEquals(Rag.AMBER, rate(PARTICIPATION, "45", null).rag());
        assertEquals(Rag.RED, rate(PARTICIPATION, "44.9", null).rag());
    }

    @Test
    void oneBelowTargetSaysOnePointNotOnePoints() {
        assertEquals("49% is below the target of 50% by 1 point, within the tolerance of 5, so AMBER.",
                rate(PARTICIPATION, "49", null).reason());
    }

    @Test
    void meetingTheTargetExactlyIsGreen() {
        RagResult result = rate(PARTICIPATION, "50", "20");
        assertEquals(Rag.GREEN, result.rag());
        assertEquals("50% meets the target of 50%, so GREEN.", result.reason());
    }

    @Test
    void exceedingTheTargetIsGreenEvenIfLowerThanLastPeriod() {
        RagResult result = rate(PARTICIPATION, "55", "90");
        assertEquals(Rag.GREEN, result.rag());
        assertEquals("55% is above the target of 50% by 5 points, so GREEN.", result.reason());
    }

    @Test
    void noCurrentFigureIsGreyWhateverCameBefore() {
        RagResult result = rate(PARTICIPATION, null, "43");
        assertEquals(Rag.GREY, result.rag());
        assertEquals("There is no figure for this period yet, so GREY.", result.reason());
    }

    @Test
    void zeroIsAFigureNotAMissingOne() {
        assertEquals(Rag.RED, rate(PARTICIPATION, "0", null).rag());
    }

    @Test
    void aZeroToleranceMakesAnyShortfallOutsideIt() {
        Measure strict = new Measure(new BigDecimal("50"), BigDecimal.ZERO, Direction.HIGHER_IS_BETTER, Unit.PERCENT);
        assertEquals(Rag.YELLOW, rate(strict, "49.9", "49").rag());
        assertEquals(Rag.GREEN, rate(strict, "50", "49").rag());
    }

    @Test
    void theSeedsBaselinesRateAsTheyRead() {
        // "Increase physical attendance of children 4+ at CP reviews from 10.2%": say the target is 20%.
        Measure attendance =
                new Measure(new BigDecimal("20"), new BigDecimal("5"), Direction.HIGHER_IS_BETTER, Unit.PERCENT);
        RagResult result = rate(attendance, "12.5", "10.2");
        assertEquals(Rag.YELLOW, result.rag());
        assertEquals("12.5% is below the target of 20% by 7.5 points, outside the tolerance of 5; up from 10.2% "
                + "last period, so YELLOW.", result.reason());
    }

    @Test
    void countsAreShownWithoutPercentSignsOrPoints() {
        RagResult result = rate(NYAS_REFERRALS, "18", "12");
        assertEquals(Rag.YELLOW, result.rag());
        assertEquals("18 is below the target of 25 by 7, outside the tolerance of 3; up from 12 last period, "
                + "so YELLOW.", result.reason());
        assertEquals("39 is above the target of 25 by 14, so GREEN.", rate(NYAS_REFERRALS, "39", null).reason());
    }

    @Test
    void whenLowerIsBetterBeingBelowTargetIsGreen() {
        RagResult result = rate(LATE_REVIEWS, "3", "9");
        assertEquals(Rag.GREEN, result.rag());
        assertEquals("3% is below the target of 5% by 2 points, so GREEN.", result.reason());
    }

    @Test
    void whenLowerIsBetterSlightlyAboveTargetIsAmber() {
        RagResult result = rate(LATE_REVIEWS, "6", "3");
        assertEquals(Rag.AMBER, result.rag());
        assertEquals("6% is above the target of 5% by 1 point, within the tolerance of 2, so AMBER.", result.reason());
    }

    @Test
    void whenLowerIsBetterFallingIsTheImprovementThatMakesYellow() {
        RagResult result = rate(LATE_REVIEWS, "12", "15");
        assertEquals(Rag.YELLOW, result.rag());
        assertEquals("12% is above the target of 5% by 7 points, outside the tolerance of 2; down from 15% last "
                + "period, so YELLOW.", result.reason());
    }

    @Test
    void whenLowerIsBetterRisingIsRed() {
        RagResult result = rate(LATE_REVIEWS, "12", "10");
        assertEquals(Rag.RED, result.rag());
        assertEquals("12% is above the target of 5% by 7 points, outside the tolerance of 2; up from 10% last "
                + "period, so RED.", result.reason());
    }

    @Test
    void numbersAreWrittenWithoutTrailingZerosOrExponents() {
        assertEquals("100% is above the target of 50% by 50 points, so GREEN.",
                rate(PARTICIPATION, "100.00", null).reason());
        assertEquals("4.3% is below the target of 50% by 45.7 points, outside the tolerance of 5; up from 4% last "
                + "period, so YELLOW.", rate(PARTICIPATION, "4.30", "4.0").reason());
    }

    @Test
    void theSameValueWrittenDifferentlyIsNoChange() {
        assertEquals(Rag.RED, rate(PARTICIPATION, "43.0", "43").rag());
    }

    @Test
    void figuresNeverComeOutBlue() {
        String[][] cases = {{null, null}, {"0", null}, {"43", "38"}, {"43", "50"}, {"48", null}, {"50", null},
                {"99", "1"}};
        for (Measure measure : new Measure[] {PARTICIPATION, NYAS_REFERRALS, LATE_REVIEWS}) {
            for (String[] figures : cases) {
                assertNotEquals(Rag.BLUE, rate(measure, figures[0], figures[1]).rag());
            }
        }
    }

    @Test
    void aNegativeToleranceIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Measure(BigDecimal.TEN, new BigDecimal("-1"),
                Direction.HIGHER_IS_BETTER, Unit.PERCENT));
    }

    @Test
    void aMeasureNeedsEveryPart() {
        assertThrows(NullPointerException.class,
                () -> new Measure(null, BigDecimal.ONE, Direction.HIGHER_IS_BETTER, Unit.PERCENT));
        assertThrows(NullPointerException.class,
                () -> new Measure(BigDecimal.TEN, BigDecimal.ONE, null, Unit.PERCENT));
        assertThrows(NullPointerException.class, () -> RagRating.rate(null, BigDecimal.ONE, null));
    }

    @Test
    void theRatingsAreTheTrustsSixInItsOwnOrder() {
        assertEquals("[RED, YELLOW, AMBER, GREEN, BLUE, GREY]", java.util.Arrays.toString(Rag.values()));
    }
}
