package org.myview.forum;

import org.junit.jupiter.api.Test;
import org.myview.web.FormFields;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.myview.web.FormResult;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** "You said, we did": what was asked and when, the status, what was done, and the dates. */
class ActionFormTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 20);

    private static List<String> keys(FormResult<?> result) {
        return result.errors().all().stream().map(e -> e.field() + ":" + e.key()).toList();
    }

    private static ActionForm form(String asked, String askedOn, String response, String status, String updatedOn) {
        return FormFields.clean(new ActionForm(asked, askedOn, response, status, updatedOn));
    }

    @Test
    void aNewRequestNotStartedNeedsNoResponse() {
        FormResult<ActionForm.Entry> result = form(" More trips out ", "1/3/2026", "", "NOT_STARTED", "").check(TODAY);
        assertTrue(result.isValid(), () -> keys(result).toString());
        assertEquals(new ActionForm.Entry("More trips out", LocalDate.of(2026, 3, 1), null, ActionStatus.NOT_STARTED, null), result.value());
    }

    @Test
    void aDoneRequestKeepsItsResponseAndUpdateDate() {
        FormResult<ActionForm.Entry> result = form("More trips out", "01/03/2026", " Two trips booked ", "DONE", "20/3/2026").check(TODAY);
        assertTrue(result.isValid(), () -> keys(result).toString());
        assertEquals(new ActionForm.Entry("More trips out", LocalDate.of(2026, 3, 1), "Two trips booked", ActionStatus.DONE,
                LocalDate.of(2026, 3, 20)), result.value());
    }

    @ParameterizedTest
    @CsvSource({"IN_PROGRESS", "DONE", "NOT_POSSIBLE"})
    void onceWorkHasStartedWhatWasDoneIsNeeded(String status) {
        assertEquals(List.of("response:forum.action.error.response"), keys(form("Trips", "1/3/2026", "  ", status, "").check(TODAY)));
    }

    @Test
    void everyProblemIsReportedInPageOrder() {
        assertEquals(List.of("asked:forum.action.error.asked", "askedOn:forum.action.error.askedOn", "status:forum.action.error.status"),
                keys(FormFields.clean(new ActionForm(null, null, null, null, null)).check(TODAY)));
    }

    @ParameterizedTest
    @CsvSource({"''", "'   '", "'\u0000'"})
    void blankWhatWasAskedIsExplained(String asked) {
        assertEquals(List.of("asked:forum.action.error.asked"), keys(form(asked, "1/3/2026", "", "NOT_STARTED", "").check(TODAY)));
    }

    @Test
    void twoThousandCharactersAreTheLongestForBothTexts() {
        String longest = "a".repeat(2000);
        assertTrue(form(longest, "1/3/2026", longest, "DONE", "").check(TODAY).isValid());
        FormResult<ActionForm.Entry> tooLong = form(longest + "a", "1/3/2026", longest + "a", "DONE", "").check(TODAY);
        assertEquals(List.of("asked:forum.action.error.long", "response:forum.action.error.long"), keys(tooLong));
        assertArrayEquals(new Object[]{2000}, tooLong.errors().all().get(0).args());
        assertArrayEquals(new Object[]{2000}, tooLong.errors().all().get(1).args());
    }

    @ParameterizedTest
    @CsvSource({"''", "21/3/2026", "31/2/2026", "29/2/2025", "2026-03-01", "1/13/2026", "a/3/2026", "1/3/26"})
    void theDateAskedMustBeARealDateNotInTheFuture(String askedOn) {
        assertEquals(List.of("askedOn:forum.action.error.askedOn"), keys(form("Trips", askedOn, "", "NOT_STARTED", "").check(TODAY)));
    }

    @ParameterizedTest
    @CsvSource({"21/3/2026", "28/2/2026", "31/4/2026", "2026-03-10", "x"})
    void theUpdateDateMustBeRealNotInTheFutureAndNotBeforeTheRequest(String updatedOn) {
        assertEquals(List.of("updatedOn:forum.action.error.updatedOn"),
                keys(form("Trips", "1/3/2026", "Booked", "DONE", updatedOn).check(TODAY)));
    }

    @Test
    void theEdgeDatesAreAllowed() {
        FormResult<ActionForm.Entry> result = form("Trips", "20/3/2026", "Booked", "DONE", "20/3/2026").check(TODAY);
        assertTrue(result.isValid(), () -> keys(result).toString());
        assertTrue(form("Trips", "1/3/2026", "Booked", "DONE", "1/3/2026").check(TODAY).isValid(), "updated on the day asked");
    }

    @Test
    void anUpdateDateIsStillCheckedWhenTheRequestDateIsWrong() {
        assertEquals(List.of("askedOn:forum.action.error.askedOn", "updatedOn:forum.action.error.updatedOn"),
                keys(form("Trips", "31/2/2026", "Booked", "DONE", "21/3/2026").check(TODAY)));
        assertEquals(List.of("askedOn:forum.action.error.askedOn"),
                keys(form("Trips", "31/2/2026", "Booked", "DONE", "1/1/2020").check(TODAY)), "no request date to be before");
    }

    @ParameterizedTest
    @CsvSource({"''", "done", "FINISHED", "' '"})
    void theStatusMustBeOneOfTheChoices(String status) {
        assertEquals(List.of("status:forum.action.error.status"), keys(form("Trips", "1/3/2026", "Booked", status, "").check(TODAY)));
    }

    @Test
    void theEditPageShowsTheSavedItem() {
        ActionForm form = ActionForm.of(new ForumRepository.Action(7, "Trips", LocalDate.of(2026, 3, 1), null, ActionStatus.NOT_STARTED, null));
        assertEquals(FormFields.clean(new ActionForm("Trips", "1/3/2026", "", "NOT_STARTED", "")), form);
        ActionForm done = ActionForm.of(new ForumRepository.Action(7, "Trips", LocalDate.of(2026, 3, 1), "Booked", ActionStatus.DONE,
                LocalDate.of(2026, 3, 5)));
        assertEquals(FormFields.clean(new ActionForm("Trips", "1/3/2026", "Booked", "DONE", "5/3/2026")), done);
        assertTrue(done.check(TODAY).isValid());
        assertEquals(FormFields.clean(new ActionForm("", "", "", "", "")), ActionForm.empty());
    }

    @Test
    void theDateReaderTakesOnlyRealDayMonthYearDates() {
        assertEquals(LocalDate.of(2028, 2, 29), ActionForm.date("29/2/2028"));
        assertEquals(LocalDate.of(2026, 3, 5), ActionForm.date("05/03/2026"));
        assertNull(ActionForm.date(""));
        assertNull(ActionForm.date("29/2/2027"));
    }
}
