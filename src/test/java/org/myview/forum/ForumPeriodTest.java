package org.myview.forum;

import org.junit.jupiter.api.Test;
import org.myview.participation.FinancialYear;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ForumPeriodTest {

    @Test
    void onlyFinishedQuartersAndYearsAreOfferedNewestFirst() {
        List<ForumPeriod> offered = ForumPeriod.offered(LocalDate.of(2026, 5, 10));

        assertEquals("2025-26-q4", offered.get(0).key(), "January to March 2026 has finished; April to June 2026 has not");
        assertEquals(YearMonth.of(2026, 1), offered.get(0).from());
        assertEquals(YearMonth.of(2026, 3), offered.get(0).to());
        assertEquals("2024-25-q1", offered.get(7).key());
        assertEquals(List.of("2025-26", "2024-25", "2023-24"), offered.subList(8, 11).stream().map(ForumPeriod::key).toList());
        assertTrue(offered.stream().allMatch(p -> p.finishedBy(LocalDate.of(2026, 5, 10))));
    }

    @Test
    void onTheFirstOfAprilTheYearJustEndedIsOffered() {
        List<ForumPeriod> offered = ForumPeriod.offered(LocalDate.of(2026, 4, 1));
        assertEquals("2025-26-q4", offered.get(0).key());
        assertEquals("2025-26", offered.get(8).key());
        List<ForumPeriod> dayBefore = ForumPeriod.offered(LocalDate.of(2026, 3, 31));
        assertEquals("2025-26-q3", dayBefore.get(0).key(), "31 March: the last quarter has not finished yet");
        assertEquals("2024-25", dayBefore.get(8).key());
    }

    @Test
    void unfinishedPeriodsSingleMonthsAndNonsenseAreRefused() {
        LocalDate today = LocalDate.of(2026, 5, 10);
        assertTrue(ForumPeriod.parse("2025-26-q2", today).isPresent());
        assertTrue(ForumPeriod.parse("2025-26", today).isPresent());
        assertFalse(ForumPeriod.parse("2026-27-q1", today).isPresent(), "not finished");
        assertFalse(ForumPeriod.parse("2026-27", today).isPresent(), "not finished");
        assertFalse(ForumPeriod.parse("2025-05", today).isPresent(), "a single month");
        assertFalse(ForumPeriod.parse("2019-20", today).isPresent(), "older than offered");
        assertFalse(ForumPeriod.parse("2025-26-q5", today).isPresent());
        assertFalse(ForumPeriod.parse("x", today).isPresent());
        assertFalse(ForumPeriod.parse(null, today).isPresent());
        assertEquals(ForumPeriod.quarter(new FinancialYear(2025), 4), ForumPeriod.latest(today));
    }
}
