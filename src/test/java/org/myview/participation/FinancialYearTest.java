package org.myview.participation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FinancialYearTest {

    private static final FinancialYear FY_2025 = new FinancialYear(2025);

    @Test
    void thirtyFirstMarchIsInThePreviousFinancialYear() {
        assertEquals(new FinancialYear(2024), FinancialYear.containing(LocalDate.of(2025, 3, 31)));
    }

    @Test
    void firstAprilStartsANewFinancialYear() {
        assertEquals(FY_2025, FinancialYear.containing(LocalDate.of(2025, 4, 1)));
    }

    @Test
    void januaryBelongsToTheYearThatStartedTheAprilBefore() {
        assertEquals(FY_2025, FinancialYear.containing(LocalDate.of(2026, 1, 15)));
        assertEquals(FY_2025, FinancialYear.containing(YearMonth.of(2026, 1)));
        assertEquals(FY_2025, FinancialYear.containing(LocalDate.of(2025, 12, 31)));
    }

    @Test
    void theYearRunsFrom1AprilTo31March() {
        assertEquals(LocalDate.of(2025, 4, 1), FY_2025.firstDay());
        assertEquals(LocalDate.of(2026, 3, 31), FY_2025.lastDay());
        assertTrue(FY_2025.contains(LocalDate.of(2025, 4, 1)));
        assertTrue(FY_2025.contains(LocalDate.of(2026, 3, 31)));
        assertFalse(FY_2025.contains(LocalDate.of(2025, 3, 31)));
        assertFalse(FY_2025.contains(LocalDate.of(2026, 4, 1)));
    }

    @Test
    void theLastDayIs31MarchEvenInALeapYear() {
        assertEquals(LocalDate.of(2024, 3, 31), new FinancialYear(2023).lastDay());
        assertEquals(new FinancialYear(2023), FinancialYear.containing(LocalDate.of(2024, 2, 29)));
    }

    @Test
    void everyDayOfAYearIsContainedInThatYearAndNoOther() {
        for (LocalDate day = FY_2025.firstDay(); !day.isAfter(FY_2025.lastDay()); day = day.plusDays(1)) {
            assertEquals(FY_2025, FinancialYear.containing(day), day.toString());
        }
    }

    @Test
    void theMonthsRunAprilToMarchLikeTheReportColumns() {
        List<YearMonth> months = FY_2025.months();
        assertEquals(12, months.size());
        assertEquals(YearMonth.of(2025, 4), months.get(0));
        assertEquals(YearMonth.of(2025, 12), months.get(8));
        assertEquals(YearMonth.of(2026, 1), months.get(9));
        assertEquals(YearMonth.of(2026, 3), months.get(11));
    }

    @Test
    void quarterOneIsAprilToJune() {
        assertEquals(1, FY_2025.quarterOf(YearMonth.of(2025, 4)));
        assertEquals(1, FY_2025.quarterOf(YearMonth.of(2025, 6)));
        assertEquals(List.of(YearMonth.of(2025, 4), YearMonth.of(2025, 5), YearMonth.of(2025, 6)),
                FY_2025.monthsOfQuarter(1));
    }

    @Test
    void quarterTwoIsJulyToSeptember() {
        assertEquals(2, FY_2025.quarterOf(YearMonth.of(2025, 7)));
        assertEquals(2, FY_2025.quarterOf(YearMonth.of(2025, 9)));
        assertEquals(List.of(YearMonth.of(2025, 7), YearMonth.of(2025, 8), YearMonth.of(2025, 9)),
                FY_2025.monthsOfQuarter(2));
    }

    @Test
    void quarterThreeIsOctoberToDecember() {
        assertEquals(3, FY_2025.quarterOf(YearMonth.of(2025, 10)));
        assertEquals(3, FY_2025.quarterOf(YearMonth.of(2025, 12)));
        assertEquals(List.of(YearMonth.of(2025, 10), YearMonth.of(2025, 11), YearMonth.of(2025, 12)),
                FY_2025.monthsOfQuarter(3));
    }

    @Test
    void quarterFourIsJanuaryToMarchOfTheNextCalendarYear() {
        assertEquals(4, FY_2025.quarterOf(YearMonth.of(2026, 1)));
        assertEquals(4, FY_2025.quarterOf(YearMonth.of(2026, 3)));
        assertEquals(List.of(YearMonth.of(2026, 1), YearMonth.of(2026, 2), YearMonth.of(2026, 3)),
                FY_2025.monthsOfQuarter(4));
    }

    @Test
    void everyMonthIsInTheQuarterThatListsIt() {
        for (int quarter = 1; quarter <= 4; quarter++) {
            for (YearMonth month : FY_2025.monthsOfQuarter(quarter)) {
                assertEquals(quarter, FY_2025.quarterOf(month), month.toString());
            }
        }
    }

    @Test
    void aMonthOfAnotherYearHasNoQuarterInThisOne() {
        assertThrows(IllegalArgumentException.class, () -> FY_2025.quarterOf(YearMonth.of(2025, 3)));
        assertThrows(IllegalArgumentException.class, () -> FY_2025.quarterOf(YearMonth.of(2026, 4)));
    }

    @Test
    void thereAreOnlyFourQuarters() {
        assertThrows(IllegalArgumentException.class, () -> FY_2025.monthsOfQuarter(0));
        assertThrows(IllegalArgumentException.class, () -> FY_2025.monthsOfQuarter(5));
    }

    @Test
    void theLabelIsWrittenAsTheTrustWritesIt() {
        assertEquals("2025-26", FY_2025.label());
        assertEquals("2019-20", new FinancialYear(2019).label());
    }

    @Test
    void theLabelAcrossACenturyKeepsTwoDigits() {
        assertEquals("1999-00", new FinancialYear(1999).label());
        assertEquals("2009-10", new FinancialYear(2009).label());
        assertEquals("2099-00", new FinancialYear(2099).label());
    }

    @Test
    void parseAcceptsTheLabelOrTheStartYear() {
        assertEquals(Optional.of(FY_2025), FinancialYear.parse("2025-26"));
        assertEquals(Optional.of(FY_2025), FinancialYear.parse("2025"));
        assertEquals(Optional.of(new FinancialYear(1999)), FinancialYear.parse("1999-00"));
    }

    @Test
    void parseAndLabelRoundTrip() {
        for (int year = 1990; year <= 2110; year++) {
            FinancialYear financialYear = new FinancialYear(year);
            assertEquals(Optional.of(financialYear), FinancialYear.parse(financialYear.label()));
        }
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"2025-27", "2025-25", "2025/26", "2025-2026", "25-26", "FY2025", " 2025-26",
            "2025-26 ", "2025-6", "202", "20255", "9999", "abcd"})
    void parseRefusesAnythingElse(String text) {
        assertEquals(Optional.empty(), FinancialYear.parse(text));
    }

    @Test
    void aFinancialYearStartsInAFourDigitYear() {
        assertThrows(IllegalArgumentException.class, () -> new FinancialYear(999));
        assertThrows(IllegalArgumentException.class, () -> new FinancialYear(9999));
    }

    @Test
    void previousAndNextAreTheNeighbouringYears() {
        assertEquals(new FinancialYear(2024), FY_2025.previous());
        assertEquals(new FinancialYear(2026), FY_2025.next());
        assertEquals(FY_2025.lastDay().plusDays(1), FY_2025.next().firstDay());
    }

    @Test
    void theMonthListCannotBeChangedByTheCaller() {
        assertThrows(UnsupportedOperationException.class, () -> FY_2025.months().clear());
        assertThrows(UnsupportedOperationException.class, () -> FY_2025.monthsOfQuarter(1).clear());
    }
}
