package org.myview.participation;

import org.myview.web.DateBounds;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A UK financial year, 1 April to 31 March, named by the calendar year it starts in: the year the
 * participation report runs over (seed 004: months Apr to Mar, Q1 = Apr-Jun).
 */
public record FinancialYear(int startYear) {

    private static final Pattern LABEL = Pattern.compile("(\\d{4})(?:-(\\d{2}))?");

    public FinancialYear {
        // Four-digit years keep label() and parse() exact inverses of each other.
        if (startYear < 1000 || startYear > 9998) {
            throw new IllegalArgumentException("A financial year must start in a four-digit year, not " + startYear);
        }
    }

    /** The financial year a date falls in: 31 March belongs to the year before, 1 April starts a new one. */
    public static FinancialYear containing(LocalDate date) {
        Objects.requireNonNull(date, "date");
        return new FinancialYear(date.getMonthValue() >= Month.APRIL.getValue() ? date.getYear() : date.getYear() - 1);
    }

    /** The financial year a month falls in. */
    public static FinancialYear containing(YearMonth month) {
        Objects.requireNonNull(month, "month");
        return containing(month.atDay(1));
    }

    /** "2025-26", as the trust's reports write it; "2025" is accepted too. Anything else is empty. */
    public static Optional<FinancialYear> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher matcher = LABEL.matcher(text);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        int start = Integer.parseInt(matcher.group(1));
        if (!DateBounds.within(start) || !DateBounds.within(start + 1)) {
            return Optional.empty();
        }
        // "2025-27" names no year: refuse it rather than guess which half was meant.
        if (matcher.group(2) != null && Integer.parseInt(matcher.group(2)) != (start + 1) % 100) {
            return Optional.empty();
        }
        return Optional.of(new FinancialYear(start));
    }

    /** "2025-26"; the end year is always two digits, so 1999 gives "1999-00". */
    public String label() {
        return String.format("%d-%02d", startYear, (startYear + 1) % 100);
    }

    public LocalDate firstDay() {
        return LocalDate.of(startYear, Month.APRIL, 1);
    }

    public LocalDate lastDay() {
        return LocalDate.of(startYear + 1, Month.MARCH, 31);
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(firstDay()) && !date.isAfter(lastDay());
    }

    public boolean contains(YearMonth month) {
        return contains(month.atDay(1));
    }

    /** April to March, in the order the report's columns run. */
    public List<YearMonth> months() {
        List<YearMonth> months = new ArrayList<>(12);
        YearMonth month = YearMonth.of(startYear, Month.APRIL);
        for (int i = 0; i < 12; i++) {
            months.add(month.plusMonths(i));
        }
        return List.copyOf(months);
    }

    /**
     * Quarter 1 to 4 of this year: Q1 April-June, Q2 July-September, Q3 October-December, Q4 January-March.
     *
     * @throws IllegalArgumentException if the month is in another financial year, which would give a quarter
     *                                  of the wrong year without anyone noticing
     */
    public int quarterOf(YearMonth month) {
        Objects.requireNonNull(month, "month");
        if (!contains(month)) {
            throw new IllegalArgumentException(month + " is not in the financial year " + label());
        }
        int monthsSinceApril = (month.getMonthValue() - Month.APRIL.getValue() + 12) % 12;
        return monthsSinceApril / 3 + 1;
    }

    /** The three months of quarter {@code quarter} (1 to 4). */
    public List<YearMonth> monthsOfQuarter(int quarter) {
        if (quarter < 1 || quarter > 4) {
            throw new IllegalArgumentException("A quarter is 1 to 4, not " + quarter);
        }
        return months().subList((quarter - 1) * 3, quarter * 3);
    }

    public FinancialYear previous() {
        return new FinancialYear(startYear - 1);
    }

    public FinancialYear next() {
        return new FinancialYear(startYear + 1);
    }

    /** The year containing {@code today} and the nine before it, newest first: what the year filters offer. */
    public static List<FinancialYear> recent(LocalDate today) {
        FinancialYear current = containing(today);
        List<FinancialYear> years = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            years.add(new FinancialYear(current.startYear() - i));
        }
        return years;
    }
}
