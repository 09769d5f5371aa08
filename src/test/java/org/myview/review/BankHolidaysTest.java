package org.myview.review;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** England and Wales bank holidays as GOV.UK publishes them (www.gov.uk/bank-holidays), 2019 to 2027. */
class BankHolidaysTest {

    static final Map<Integer, String> GOV_UK = Map.of(
            2019, "01-01 04-19 04-22 05-06 05-27 08-26 12-25 12-26",
            2020, "01-01 04-10 04-13 05-08 05-25 08-31 12-25 12-28",
            2021, "01-01 04-02 04-05 05-03 05-31 08-30 12-27 12-28",
            2022, "01-03 04-15 04-18 05-02 06-02 06-03 08-29 09-19 12-26 12-27",
            2023, "01-02 04-07 04-10 05-01 05-08 05-29 08-28 12-25 12-26",
            2024, "01-01 03-29 04-01 05-06 05-27 08-26 12-25 12-26",
            2025, "01-01 04-18 04-21 05-05 05-26 08-25 12-25 12-26",
            2026, "01-01 04-03 04-06 05-04 05-25 08-31 12-25 12-28",
            2027, "01-01 03-26 03-29 05-03 05-31 08-30 12-27 12-28");

    @Test
    void everyYearMatchesGovUksList() {
        GOV_UK.forEach((year, days) -> {
            Set<LocalDate> expected = Stream.of(days.split(" ")).map(d -> LocalDate.parse(year + "-" + d))
                    .collect(Collectors.toCollection(TreeSet::new));
            assertEquals(expected, new TreeSet<>(BankHolidays.of(year)), "bank holidays of " + year);
        });
    }

    @Test
    void workingDaysSkipWeekendsAndBankHolidays() {
        assertTrue(BankHolidays.isWorkingDay(LocalDate.of(2026, 4, 2)));
        assertFalse(BankHolidays.isWorkingDay(LocalDate.of(2026, 4, 3)), "Good Friday");
        assertFalse(BankHolidays.isWorkingDay(LocalDate.of(2026, 4, 4)), "Saturday");
        // Thursday 2 April 2026: Good Friday, the weekend and Easter Monday are not counted.
        assertEquals(LocalDate.of(2026, 4, 7), BankHolidays.addWorkingDays(LocalDate.of(2026, 4, 2), 1));
        // 20 working days from Monday 2 March 2026 (no holiday in between): Monday 30 March.
        assertEquals(LocalDate.of(2026, 3, 30), BankHolidays.addWorkingDays(LocalDate.of(2026, 3, 2), 20));
        // Across Easter 2026 (3 and 6 April): two days later.
        assertEquals(LocalDate.of(2026, 4, 29), BankHolidays.addWorkingDays(LocalDate.of(2026, 3, 30), 20));
        // Across Christmas 2026 (25 and 28 December) and New Year's Day 2027.
        assertEquals(LocalDate.of(2027, 1, 7), BankHolidays.addWorkingDays(LocalDate.of(2026, 12, 21), 10));
    }
}
