package org.myview.advocacy;

import io.micronaut.serde.annotation.Serdeable;
import org.myview.web.FormErrors;
import org.myview.web.TextForm;
import org.myview.web.FormResult;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/**
 * The participation lead's monthly figures from the advocacy service's report: the month (yyyy-MM, one of the
 * months offered: not in the future), issue-based advocacy cases and rights sessions (whole numbers, 0 to 10,000).
 */
@Serdeable
record MonthEntryForm(String month, String issueBased, String rightsSessions) implements TextForm {

    static final int MAX = 10_000;

    record Entry(YearMonth month, int issueBased, int rightsSessions) {
    }

    FormResult<Entry> check(YearMonth thisMonth) {
        FormErrors errors = new FormErrors();
        YearMonth chosen = null;
        try {
            chosen = YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            errors.add("month", "advocacy.month.error.month");
        }
        if (chosen != null && (chosen.isAfter(thisMonth) || chosen.getYear() < 2000)) {
            errors.add("month", "advocacy.month.error.month");
        }
        Integer issues = count(issueBased, "issueBased", errors);
        Integer rights = count(rightsSessions, "rightsSessions", errors);
        YearMonth at = chosen;
        return FormResult.of(errors, () -> new Entry(at, issues, rights));
    }

    private static Integer count(String value, String field, FormErrors errors) {
        if (!value.matches("\\d{1,5}") || Integer.parseInt(value) > MAX) {
            errors.add(field, "advocacy.month.error." + field, MAX);
            return null;
        }
        return Integer.parseInt(value);
    }
}
