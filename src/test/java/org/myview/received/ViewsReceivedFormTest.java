package org.myview.received;

import org.junit.jupiter.api.Test;
import org.myview.web.FormFields;
import org.myview.web.FormResult;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The "views received another way" form's rules, with their boundaries. */
class ViewsReceivedFormTest {

    private static final LocalDate REVIEW = LocalDate.of(2026, 3, 20);
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 25);

    private static FormResult<ViewsReceivedForm.Received> check(String channel, String day, String month, String year) {
        return FormFields.clean(new ViewsReceivedForm(channel, day, month, year)).check(REVIEW, TODAY);
    }

    private static String error(FormResult<?> result, String field) {
        return result.errors().of(field) == null ? null : result.errors().of(field).key();
    }

    @Test
    void aBookletReceivedBeforeTheReviewIsClean() {
        var result = check(" PAPER_BOOKLET ", " 18 ", "3", "2026");
        assertTrue(result.isValid());
        assertEquals(OtherChannel.PAPER_BOOKLET, result.value().channel());
        assertEquals(LocalDate.of(2026, 3, 18), result.value().receivedOn());
    }

    @Test
    void todayIsTheLastDayAndTomorrowIsInTheFuture() {
        assertTrue(check("WITH_WORKER", "25", "3", "2026").isValid());
        assertEquals("received.error.future", error(check("WITH_WORKER", "26", "3", "2026"), "received-day"));
    }

    @Test
    void aYearBeforeTheReviewDateIsTheEarliest() {
        assertTrue(check("OTHER_APP", "20", "3", "2025").isValid());
        assertEquals("received.error.tooOld", error(check("OTHER_APP", "19", "3", "2025"), "received-day"));
        assertEquals("received.error.tooOld", error(check("OTHER_APP", "1", "1", "0001"), "received-day"));
    }

    @Test
    void afterTheReviewIsAllowedToRecord() {
        assertTrue(check("LETTER_OR_DRAWING", "22", "3", "2026").isValid(), "it is recorded; it just does not count");
    }

    @Test
    void missingAndImpossibleDatesAndUnknownChannels() {
        var empty = check(null, null, null, null);
        assertFalse(empty.isValid());
        assertEquals("received.error.channel", error(empty, "channel"));
        assertEquals("received.error.dateMissing", error(empty, "received-day"));
        assertEquals("received.error.date", error(check("PAPER_BOOKLET", "29", "2", "2026"), "received-day"), "2026 has no 29 February");
        assertEquals("received.error.date", error(check("PAPER_BOOKLET", "1", "13", "2026"), "received-day"));
        assertEquals("received.error.date", error(check("PAPER_BOOKLET", "1", "1", "99999999999"), "received-day"));
        assertEquals("received.error.date", error(check("PAPER_BOOKLET", "", "3", "2026"), "received-day"));
        assertEquals("received.error.channel", error(check("paper_booklet", "18", "3", "2026"), "channel"), "names exactly");
        assertEquals("received.error.channel", error(check("ONLINE_FORM", "18", "3", "2026"), "channel"), "the online form is not recorded here");
    }
}
