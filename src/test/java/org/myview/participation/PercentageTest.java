package org.myview.participation;

import org.junit.jupiter.api.Test;

import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PercentageTest {

    @Test
    void oneOfEightIsTwelveAndAHalfRoundedUpToThirteen() {
        assertEquals(OptionalInt.of(13), Percentage.of(1, 8));
    }

    @Test
    void twoThirdsIsSixtySeven() {
        assertEquals(OptionalInt.of(67), Percentage.of(2, 3));
    }

    @Test
    void oneThirdIsThirtyThree() {
        assertEquals(OptionalInt.of(33), Percentage.of(1, 3));
    }

    @Test
    void exactHalvesAlwaysRoundUp() {
        assertEquals(OptionalInt.of(3), Percentage.of(1, 40)); // 2.5
        assertEquals(OptionalInt.of(38), Percentage.of(3, 8)); // 37.5
        assertEquals(OptionalInt.of(63), Percentage.of(5, 8)); // 62.5
        assertEquals(OptionalInt.of(88), Percentage.of(7, 8)); // 87.5
    }

    @Test
    void aHalfThatFloatingPointGetsWrongStillRoundsUp() {
        // 29 / 200 * 100 in doubles is 14.499999999999998, which Math.round makes 14.
        assertEquals(14, Math.round(29.0 / 200 * 100));
        assertEquals(OptionalInt.of(15), Percentage.of(29, 200));
    }

    @Test
    void justBelowAHalfRoundsDown() {
        assertEquals(OptionalInt.of(12), Percentage.of(1249, 10_000)); // 12.49
    }

    @Test
    void noneOfSomeIsZeroPercent() {
        assertEquals(OptionalInt.of(0), Percentage.of(0, 14));
    }

    @Test
    void allOfSomeIsOneHundredPercent() {
        assertEquals(OptionalInt.of(100), Percentage.of(14, 14));
    }

    @Test
    void noReviewsAtAllIsNoDataNotZeroPercent() {
        assertEquals(OptionalInt.empty(), Percentage.of(0, 0));
    }

    @Test
    void aTinyShareOfAHugeNumberCanRoundToZero() {
        assertEquals(OptionalInt.of(0), Percentage.of(1, 1000));
        assertEquals(OptionalInt.of(1), Percentage.of(5, 1000)); // 0.5
    }

    @Test
    void moreThanTheDenominatorIsOverOneHundredPercent() {
        // 39 NYAS referrals against an annual target of 100 is 39%; 30 against a quarterly 25 is 120%.
        assertEquals(OptionalInt.of(39), Percentage.of(39, 100));
        assertEquals(OptionalInt.of(120), Percentage.of(30, 25));
    }

    @Test
    void largeCountsDoNotOverflow() {
        assertEquals(OptionalInt.of(50), Percentage.of(Long.MAX_VALUE / 2, Long.MAX_VALUE - 1));
    }

    @Test
    void negativeCountsAreAnError() {
        assertThrows(IllegalArgumentException.class, () -> Percentage.of(-1, 8));
        assertThrows(IllegalArgumentException.class, () -> Percentage.of(1, -8));
    }

    @Test
    void everyFractionWithASmallDenominatorRoundsHalfUp() {
        for (int denominator = 1; denominator <= 400; denominator++) {
            for (int count = 0; count <= denominator; count++) {
                // Integer arithmetic: round(100c/d) half up = floor((200c + d) / 2d).
                int expected = (200 * count + denominator) / (2 * denominator);
                assertEquals(OptionalInt.of(expected), Percentage.of(count, denominator), count + "/" + denominator);
            }
        }
    }
}
