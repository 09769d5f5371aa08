package org.myview.received;

import io.micronaut.serde.annotation.Serdeable;
import org.myview.web.DateFields;
import org.myview.web.EnumNames;
import org.myview.web.FormErrors;
import org.myview.web.TextForm;
import org.myview.web.FormResult;

import java.time.LocalDate;

/**
 * "Views received another way": which way the child's views came and the date they were received. The date
 * cannot be in the future, nor more than a year before the review date (views are gathered for one review; a
 * year is twice the longest gap between two CLA reviews). A date after the review is allowed (it happens) but
 * does not count as a completion before the review: the review page says so.
 */
@Serdeable
record ViewsReceivedForm(String channel, String receivedDay, String receivedMonth,
                         String receivedYear) implements TextForm {

    /** The longest a child's views may have come before the review date. */
    static final int MAX_YEARS_BEFORE_REVIEW = 1;

    /** What to record. */
    record Received(OtherChannel channel, LocalDate receivedOn) {
    }

    /** An empty form: no channel chosen, the date left to type (the day the booklet came is not always today). */
    static ViewsReceivedForm empty() {
        return new ViewsReceivedForm("", "", "", "");
    }

    /** The form showing what is recorded, to change it. */
    static ViewsReceivedForm of(OtherChannel channel, LocalDate receivedOn) {
        return new ViewsReceivedForm(channel.name(), String.valueOf(receivedOn.getDayOfMonth()),
                String.valueOf(receivedOn.getMonthValue()), String.valueOf(receivedOn.getYear()));
    }

    FormResult<Received> check(LocalDate reviewDate, LocalDate today) {
        FormErrors errors = new FormErrors();
        OtherChannel chosen = EnumNames.exact(OtherChannel.class, channel).orElse(null);
        if (chosen == null) {
            errors.add("channel", "received.error.channel");
        }
        LocalDate on = date();
        if (on == null) {
            errors.add("received-day", receivedDay.isEmpty() && receivedMonth.isEmpty() && receivedYear.isEmpty()
                    ? "received.error.dateMissing" : "received.error.date");
        } else if (on.isAfter(today)) {
            errors.add("received-day", "received.error.future");
        } else if (on.isBefore(reviewDate.minusYears(MAX_YEARS_BEFORE_REVIEW))) {
            errors.add("received-day", "received.error.tooOld");
        }
        return FormResult.of(errors, () -> new Received(chosen, on));
    }

    private LocalDate date() {
        return DateFields.date(receivedDay, receivedMonth, receivedYear).orElse(null);
    }
}
