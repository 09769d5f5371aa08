package org.myview.forum;

import org.myview.participation.FinancialYear;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A period the forum may look at: a whole financial-year quarter or a whole financial year, and only once it has
 * finished. No single month and no part of a period, so the groups stay as large as the data allows and the
 * figures never change under the forum's eyes.
 *
 * @param key  "2025-26-q2" or "2025-26" (in links, CSV names and the API)
 * @param from first month
 * @param to   last month
 */
public record ForumPeriod(String key, FinancialYear year, int quarter, YearMonth from, YearMonth to) {

    /** How many finished quarters and years the forum can choose from. */
    static final int QUARTERS_OFFERED = 8;
    static final int YEARS_OFFERED = 3;

    private static final Pattern KEY = Pattern.compile("(\\d{4}-\\d{2})(?:-q([1-4]))?");

    public static ForumPeriod quarter(FinancialYear year, int quarter) {
        List<YearMonth> months = year.monthsOfQuarter(quarter);
        return new ForumPeriod(year.label() + "-q" + quarter, year, quarter, months.get(0), months.get(2));
    }

    public static ForumPeriod wholeYear(FinancialYear year) {
        return new ForumPeriod(year.label(), year, 0, year.months().get(0), year.months().get(11));
    }

    public boolean isWholeYear() {
        return quarter == 0;
    }

    /** Finished when its last day is before today. */
    public boolean finishedBy(LocalDate today) {
        return to.atEndOfMonth().isBefore(today);
    }

    /** The finished quarters (newest first), then the finished years (newest first). */
    public static List<ForumPeriod> offered(LocalDate today) {
        List<ForumPeriod> periods = new ArrayList<>();
        FinancialYear year = FinancialYear.containing(today);
        int quarter = year.quarterOf(YearMonth.from(today));
        while (periods.size() < QUARTERS_OFFERED) {
            quarter--;
            if (quarter == 0) {
                year = year.previous();
                quarter = 4;
            }
            periods.add(quarter(year, quarter));
        }
        FinancialYear finished = FinancialYear.containing(today).previous();
        for (int i = 0; i < YEARS_OFFERED; i++) {
            periods.add(wholeYear(finished));
            finished = finished.previous();
        }
        return List.copyOf(periods);
    }

    /** The latest finished quarter: what the forum sees first. */
    public static ForumPeriod latest(LocalDate today) {
        return offered(today).get(0);
    }

    /** A period from its key, only if it is one of those offered on {@code today}. */
    public static Optional<ForumPeriod> parse(String key, LocalDate today) {
        if (key == null) {
            return Optional.empty();
        }
        Matcher matcher = KEY.matcher(key);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        Optional<FinancialYear> year = FinancialYear.parse(matcher.group(1));
        if (year.isEmpty() || !year.get().label().equals(matcher.group(1))) {
            return Optional.empty();
        }
        ForumPeriod period = matcher.group(2) == null ? wholeYear(year.get()) : quarter(year.get(), Integer.parseInt(matcher.group(2)));
        return offered(today).contains(period) ? Optional.of(period) : Optional.empty();
    }
}
