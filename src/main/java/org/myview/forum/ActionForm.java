package org.myview.forum;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import org.myview.web.EnumNames;
import org.myview.web.FormErrors;
import org.myview.web.TextForm;
import org.myview.web.FormResult;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;

/**
 * One "You said, we did" item as the participation lead types it: what the forum asked for and when (not in the
 * future), the status, and what was done (needed once work has started); dates as d/m/yyyy. {@code today} is passed
 * in so the check stays plain Java.
 */
@Serdeable
record ActionForm(String asked, String askedOn, String response, String status,
                  String updatedOn) implements TextForm {

    /** The same limit as an answer's words on the forum. */
    static final int MAX_TEXT = ModerationForm.MAX_TEXT;
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT);

    /** An item ready to save; {@code response} and {@code updatedOn} may be left out. */
    record Entry(String asked, LocalDate askedOn, @Nullable String response, ActionStatus status, @Nullable LocalDate updatedOn) {
    }

    static ActionForm empty() {
        return new ActionForm("", "", "", "", "");
    }

    /** The saved item, as the edit page shows it. */
    static ActionForm of(ForumRepository.Action action) {
        return new ActionForm(action.asked(), DATE.format(action.askedOn()), action.response() == null ? "" : action.response(), action.status().name(),
                action.updatedOn() == null ? "" : DATE.format(action.updatedOn()));
    }

    FormResult<Entry> check(LocalDate today) {
        FormErrors errors = new FormErrors();
        if (asked.isEmpty()) {
            errors.add("asked", "forum.action.error.asked");
        } else if (asked.length() > MAX_TEXT) {
            errors.add("asked", "forum.action.error.long", MAX_TEXT);
        }
        LocalDate askedDate = date(askedOn);
        if (askedDate == null || askedDate.isAfter(today)) {
            errors.add("askedOn", "forum.action.error.askedOn");
        }
        if (response.length() > MAX_TEXT) {
            errors.add("response", "forum.action.error.long", MAX_TEXT);
        }
        Optional<ActionStatus> chosen = EnumNames.exact(ActionStatus.class, status);
        if (chosen.isEmpty()) {
            errors.add("status", "forum.action.error.status");
        }
        LocalDate updated = null;
        if (!updatedOn.isEmpty()) {
            updated = date(updatedOn);
            if (updated == null || updated.isAfter(today) || (askedDate != null && updated.isBefore(askedDate))) {
                errors.add("updatedOn", "forum.action.error.updatedOn");
            }
        }
        if (chosen.isPresent() && chosen.get() != ActionStatus.NOT_STARTED && response.isEmpty()) {
            errors.add("response", "forum.action.error.response");
        }
        LocalDate updatedDate = updated;
        return FormResult.of(errors, () -> new Entry(asked, askedDate, response.isEmpty() ? null : response, chosen.orElseThrow(),
                updatedDate));
    }

    /** A real d/m/yyyy date; null otherwise. */
    static LocalDate date(String value) {
        try {
            return value.isEmpty() ? null : LocalDate.parse(value, DATE);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
