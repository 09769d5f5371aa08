package org.myview.consultation;

import org.myview.web.FormErrors;
import org.myview.web.FreeText;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * "Record a contact" on the concern page: who contacted the child, when (date and 24-hour time, Europe/London),
 * how, what happened, and a note. Everything is required; the time cannot be before the concern or in the future.
 */
record ConcernOutcomeForm(String contactedBy, String day, String month, String year, String time, String how,
                          String result, String note) {

    static final int MAX_NOTE = 2000;
    static final int MAX_NAME = 100;
    static final Set<String> HOWS = Set.of("PHONE", "TEXT", "FACE", "OTHER");
    static final Set<String> RESULTS = Set.of("SPOKE", "NOT_REACHED", "PASSED_ON");
    /** The results that close the concern: the child was spoken to, or someone with a duty to act has it now. */
    static final Set<String> CLOSING = Set.of("SPOKE", "PASSED_ON");
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    record Checked(String contactedBy, Instant contactedAt, String how, String result, String note) {
    }

    static ConcernOutcomeForm of(Map<String, String> body) {
        return new ConcernOutcomeForm(text(body, "contactedBy"), text(body, "contacted-day"), text(body, "contacted-month"), text(body, "contacted-year"),
                text(body, "time"), text(body, "how"), text(body, "result"), text(body, "note"));
    }

    /** An empty form with today's date and this person's name filled in. */
    static ConcernOutcomeForm start(String name, Instant now) {
        LocalDate today = now.atZone(LONDON).toLocalDate();
        return new ConcernOutcomeForm(name == null ? "" : name, String.valueOf(today.getDayOfMonth()),
                String.valueOf(today.getMonthValue()), String.valueOf(today.getYear()), "", "", "", "");
    }

    Optional<Checked> check(FormErrors errors, Instant raisedAt, Instant now) {
        if (contactedBy.isEmpty()) {
            errors.add("contactedBy", "consultation.concern.error.whoMissing");
        } else if (contactedBy.length() > MAX_NAME) {
            errors.add("contactedBy", "consultation.concern.error.whoTooLong", MAX_NAME);
        }
        Instant at = null;
        try {
            LocalDate date = LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
            if (!time.matches("([01]?\\d|2[0-3])[:.][0-5]\\d")) {
                errors.add("time", "consultation.concern.error.time");
            } else {
                String[] parts = time.split("[:.]");
                at = date.atTime(LocalTime.of(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]))).atZone(LONDON).toInstant();
                // Minutes count: a contact in the same minute as the concern is not before it.
                if (at.isBefore(raisedAt.minusSeconds(60)) || at.isAfter(now.plusSeconds(60))) {
                    errors.add("contacted-day", "consultation.concern.error.whenRange");
                }
            }
        } catch (NumberFormatException | DateTimeException e) {
            errors.add("contacted-day", "consultation.concern.error.date");
        }
        if (!HOWS.contains(how)) {
            errors.add("how", "consultation.concern.error.how");
        }
        if (!RESULTS.contains(result)) {
            errors.add("result", "consultation.concern.error.result");
        }
        if (note.isEmpty()) {
            errors.add("note", "consultation.concern.error.noteMissing");
        } else if (note.length() > MAX_NOTE) {
            errors.add("note", "consultation.concern.error.noteTooLong", MAX_NOTE);
        }
        return errors.isEmpty() ? Optional.of(new Checked(contactedBy, at, how, result, note)) : Optional.empty();
    }

    private static String text(Map<String, String> body, String name) {
        String value = body.get(name);
        return value == null ? "" : FreeText.clean(value).strip();
    }
}
