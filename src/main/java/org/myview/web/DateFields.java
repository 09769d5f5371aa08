package org.myview.web;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/** The GOV.UK date input: a day, a month and a year typed in three fields. */
public final class DateFields {

    private DateFields() {
    }

    /** The real date the three fields make; empty when one is not a number or the date does not exist (31 April). */
    public static Optional<LocalDate> date(String day, String month, String year) {
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day)));
        } catch (NumberFormatException | DateTimeException e) {
            return Optional.empty();
        }
    }
}
