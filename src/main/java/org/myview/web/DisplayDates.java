package org.myview.web;

import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates and times as GOV.UK writes them ("5 January 2026", "2:30pm"), on the Europe/London clock. */
@Singleton
public class DisplayDates {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter SHORT_DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mma", Locale.UK);

    public String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    /** The date in the page's language (month names translated), for the pages children and parents read. */
    public String date(LocalDate date, String languageTag) {
        if (date == null) {
            return "";
        }
        if (languageTag == null || languageTag.isBlank() || languageTag.equals("en")) {
            return DATE.format(date);
        }
        return DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag(languageTag)).format(date);
    }

    public String shortDate(LocalDate date) {
        return date == null ? "" : SHORT_DATE.format(date);
    }

    public String dateTime(Instant instant) {
        if (instant == null) {
            return "";
        }
        var local = instant.atZone(LONDON);
        return DATE.format(local) + ", " + TIME.format(local).toLowerCase(Locale.UK);
    }

    public String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant.atZone(LONDON)).toLowerCase(Locale.UK);
    }
}
