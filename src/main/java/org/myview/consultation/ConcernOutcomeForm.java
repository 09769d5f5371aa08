package org.myview.consultation;

import io.micronaut.serde.annotation.Serdeable;
import org.myview.web.DateFields;
import org.myview.web.FormErrors;
import org.myview.web.TextForm;
import org.myview.web.FormResult;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;

/**
 * "Record a contact" on the concern page: who contacted the child, when (date and 24-hour time, Europe/London),
 * how, what happened, and a note. Everything is required; the time cannot be before the concern or in the future.
 */
@Serdeable
record ConcernOutcomeForm(String contactedBy, String contactedDay, String contactedMonth, String contactedYear,
                          String time, String how, String result, String note) implements TextForm {

    static final int MAX_NOTE = 2000;
    static final int MAX_NAME = 100;
    static final Set<String> HOWS = Set.of("PHONE", "TEXT", "FACE", "OTHER");
    static final Set<String> RESULTS = Set.of("SPOKE", "NOT_REACHED", "PASSED_ON");
    /** The results that close the concern: the child was spoken to, or someone with a duty to act has it now. */
    static final Set<String> CLOSING = Set.of("SPOKE", "PASSED_ON");
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    /** A contact ready to record. */
    record Contact(String contactedBy, Instant contactedAt, String how, String result, String note) {
    }

    // The page's fields are contacted-day, -month and -year: Micronaut binds a hyphenated name to its camel case.
    public String day() {
        return contactedDay;
    }

    public String month() {
        return contactedMonth;
    }

    public String year() {
        return contactedYear;
    }

    /** An empty form with today's date and this person's name filled in. */
    static ConcernOutcomeForm start(String name, Instant now) {
        LocalDate today = now.atZone(LONDON).toLocalDate();
        return new ConcernOutcomeForm(name, String.valueOf(today.getDayOfMonth()),
                String.valueOf(today.getMonthValue()), String.valueOf(today.getYear()), "", "", "", "");
    }

    FormResult<Contact> check(Instant raisedAt, Instant now) {
        FormErrors errors = new FormErrors();
        if (contactedBy.isEmpty()) {
            errors.add("contactedBy", "consultation.concern.error.whoMissing");
        } else if (contactedBy.length() > MAX_NAME) {
            errors.add("contactedBy", "consultation.concern.error.whoTooLong", MAX_NAME);
        }
        Instant at = contactedAt(errors, raisedAt, now);
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
        return FormResult.of(errors, () -> new Contact(contactedBy, at, how, result, note));
    }

    private Instant contactedAt(FormErrors errors, Instant raisedAt, Instant now) {
        LocalDate date = DateFields.date(contactedDay, contactedMonth, contactedYear).orElse(null);
        if (date == null) {
            errors.add("contacted-day", "consultation.concern.error.date");
            return null;
        }
        if (!time.matches("([01]?\\d|2[0-3])[:.][0-5]\\d")) {
            errors.add("time", "consultation.concern.error.time");
            return null;
        }
        String[] parts = time.split("[:.]");
        Instant at = date.atTime(LocalTime.of(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]))).atZone(LONDON).toInstant();
        // Minutes count: a contact in the same minute as the concern is not before it.
        if (at.isBefore(raisedAt.minusSeconds(60)) || at.isAfter(now.plusSeconds(60))) {
            errors.add("contacted-day", "consultation.concern.error.whenRange");
        }
        return at;
    }
}
