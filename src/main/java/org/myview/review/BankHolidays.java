package org.myview.review;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * England and Wales bank holidays, worked out from the rules in the Banking and Financial Dealings Act 1971
 * and the annual proclamations (New Year's Day, Good Friday, Easter Monday, early May, spring and summer bank
 * holidays, Christmas and Boxing Day, with substitute days when they fall at a weekend), plus the one-off
 * changes of recent years. A new one-off (a coronation, a state funeral) is added to {@link #ONE_OFF}; a day
 * moved away is in {@link #MOVED_AWAY}. Checked against GOV.UK's published list for 2019 to 2027
 * (docs/timeliness.md).
 */
public final class BankHolidays {

    /** Extra days: VE Day 75 (2020), the Platinum Jubilee (2022), the Queen's funeral (2022), the coronation (2023). */
    static final List<LocalDate> ONE_OFF = List.of(LocalDate.of(2020, 5, 8), LocalDate.of(2022, 6, 3),
            LocalDate.of(2022, 9, 19), LocalDate.of(2023, 5, 8));
    /** Usual days that were moved to a one-off day: early May 2020 (to VE Day), spring 2022 (to 2 June). */
    static final List<LocalDate> MOVED_AWAY = List.of(LocalDate.of(2020, 5, 4), LocalDate.of(2022, 5, 30));
    /** Where a usual day went instead of being lost. */
    static final List<LocalDate> MOVED_TO = List.of(LocalDate.of(2022, 6, 2));

    private BankHolidays() {
    }

    public static boolean isBankHoliday(LocalDate date) {
        return of(date.getYear()).contains(date);
    }

    public static boolean isWorkingDay(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !isBankHoliday(date);
    }

    /** The date {@code days} working days after {@code start} (start itself not counted). */
    public static LocalDate addWorkingDays(LocalDate start, int days) {
        LocalDate date = start;
        int counted = 0;
        while (counted < days) {
            date = date.plusDays(1);
            if (isWorkingDay(date)) {
                counted++;
            }
        }
        return date;
    }

    static Set<LocalDate> of(int year) {
        Set<LocalDate> days = new HashSet<>();
        days.add(weekdayOnOrAfter(LocalDate.of(year, 1, 1)));
        LocalDate easter = easterSunday(year);
        days.add(easter.minusDays(2));
        days.add(easter.plusDays(1));
        days.add(LocalDate.of(year, Month.MAY, 1).with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY)));
        days.add(LocalDate.of(year, Month.MAY, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)));
        days.add(LocalDate.of(year, Month.AUGUST, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)));
        LocalDate christmas = LocalDate.of(year, 12, 25);
        LocalDate christmasHoliday = weekdayOnOrAfter(christmas);
        days.add(christmasHoliday);
        // Boxing Day: the next weekday after Christmas's holiday (Saturday Christmas: Monday and Tuesday).
        LocalDate boxing = LocalDate.of(year, 12, 26);
        days.add(boxing.isAfter(christmasHoliday) ? weekdayOnOrAfter(boxing) : weekdayOnOrAfter(christmasHoliday.plusDays(1)));
        days.removeAll(MOVED_AWAY);
        for (LocalDate day : ONE_OFF) {
            if (day.getYear() == year) {
                days.add(day);
            }
        }
        for (LocalDate day : MOVED_TO) {
            if (day.getYear() == year) {
                days.add(day);
            }
        }
        return days;
    }

    private static LocalDate weekdayOnOrAfter(LocalDate date) {
        LocalDate day = date;
        while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            day = day.plusDays(1);
        }
        return day;
    }

    /** Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm, "Meeus/Jones/Butcher"). */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = ((h + l - 7 * m + 114) % 31) + 1;
        return LocalDate.of(year, month, day);
    }
}
