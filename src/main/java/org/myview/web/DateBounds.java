package org.myview.web;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * The dates a request may name: 1900 to 2199. Java parses years like -4713 or 0999 that PostgreSQL cannot
 * store or that no review of a living child has; outside these bounds a parameter is a bad request (400), never
 * a query that fails with a 500 (issue 22, item 7).
 */
public final class DateBounds {

    public static final int FIRST_YEAR = 1900;
    public static final int LAST_YEAR = 2199;

    private DateBounds() {
    }

    public static boolean within(int year) {
        return year >= FIRST_YEAR && year <= LAST_YEAR;
    }

    /** An ISO date (2025-04-01) within the bounds, or empty. */
    public static Optional<LocalDate> isoDate(String text) {
        return within(text, LocalDate::parse, LocalDate::getYear);
    }

    /** An ISO month (2025-04) within the bounds, or empty. */
    public static Optional<YearMonth> isoMonth(String text) {
        return within(text, YearMonth::parse, YearMonth::getYear);
    }

    private static <T> Optional<T> within(String text, Function<String, T> parse, ToIntFunction<T> year) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            T value = parse.apply(text.trim());
            return within(year.applyAsInt(value)) ? Optional.of(value) : Optional.empty();
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
