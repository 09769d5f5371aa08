package org.myview.parent;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which plans are due: open 3 to 6 calendar months, both ends included. */
class DueRuleTest {

    private static final LocalDate START = LocalDate.of(2026, 3, 15);

    @Test
    void aPlanOpenOneDayShortOfThreeMonthsIsNotDue() {
        assertFalse(DueRule.isDue(START, null, LocalDate.of(2026, 6, 14)));
    }

    @Test
    void aPlanOpenExactlyThreeMonthsIsDue() {
        assertTrue(DueRule.isDue(START, null, LocalDate.of(2026, 6, 15)));
    }

    @Test
    void aPlanOpenExactlySixMonthsIsStillDue() {
        assertTrue(DueRule.isDue(START, null, LocalDate.of(2026, 9, 15)));
    }

    @Test
    void aPlanOpenSixMonthsAndOneDayIsNoLongerDue() {
        assertFalse(DueRule.isDue(START, null, LocalDate.of(2026, 9, 16)));
    }

    @Test
    void aPlanThatEndedIsNotDueButOneEndingTodayIs() {
        assertFalse(DueRule.isDue(START, LocalDate.of(2026, 7, 1), LocalDate.of(2026, 7, 2)));
        assertTrue(DueRule.isDue(START, LocalDate.of(2026, 7, 2), LocalDate.of(2026, 7, 2)));
    }

    @Test
    void aPlanStartedOn31AugustReachesThreeMonthsOn30November() {
        LocalDate start = LocalDate.of(2026, 8, 31);
        assertFalse(DueRule.isDue(start, null, LocalDate.of(2026, 11, 29)));
        assertTrue(DueRule.isDue(start, null, LocalDate.of(2026, 11, 30)));
        assertTrue(DueRule.isDue(start, null, LocalDate.of(2027, 2, 28)), "six months on: 28 February");
        assertFalse(DueRule.isDue(start, null, LocalDate.of(2027, 3, 1)));
    }

    @Test
    void aFollowUpIsDueOnTheDaySetAfterTheAnswerAndNotBefore() {
        LocalDate answered = LocalDate.of(2026, 10, 1);
        assertFalse(DueRule.followUpDue(answered, 28, LocalDate.of(2026, 10, 28)));
        assertTrue(DueRule.followUpDue(answered, 28, LocalDate.of(2026, 10, 29)));
    }

    @Test
    void aRoundRepeatsSixMonthsAfterItStarted() {
        assertTrue(DueRule.repeatOn(LocalDate.of(2026, 8, 31), 6).equals(LocalDate.of(2027, 2, 28)));
    }
}
