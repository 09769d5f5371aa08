package org.myview.consultation;

import org.junit.jupiter.api.Test;
import org.myview.web.FormFields;
import org.myview.web.FieldError;
import org.myview.web.FormResult;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The staff forms of talk-now and the child's link check themselves: the clean value, or the field errors. */
class StaffFormsTest {

    private static final Instant RAISED = Instant.parse("2026-03-10T09:00:00Z");
    private static final Instant NOW = Instant.parse("2026-03-10T10:30:00Z");

    private static List<String> fields(FormResult<?> result) {
        return result.errors().all().stream().map(FieldError::field).toList();
    }

    @Test
    void aContactWithEverythingRightGivesTheTimeOnTheLondonCalendar() {
        FormResult<ConcernOutcomeForm.Contact> result = FormFields.clean(new ConcernOutcomeForm(" Duty worker ", "10", "3", "2026", "10.12",
                "PHONE", "SPOKE", "Spoke to her")).check(RAISED, NOW);
        assertTrue(result.isValid());
        assertEquals("Duty worker", result.value().contactedBy(), "spaces around a name go");
        assertEquals(Instant.parse("2026-03-10T10:12:00Z"), result.value().contactedAt(), "GMT in March: London time is UTC");
    }

    @Test
    void inBritishSummerTimeTheTypedTimeIsLondonTime() {
        Instant raised = Instant.parse("2026-07-01T08:00:00Z");
        FormResult<ConcernOutcomeForm.Contact> result = FormFields.clean(new ConcernOutcomeForm("Duty worker", "1", "7", "2026", "10:00",
                "TEXT", "NOT_REACHED", "No answer")).check(raised, Instant.parse("2026-07-01T12:00:00Z"));
        assertEquals(Instant.parse("2026-07-01T09:00:00Z"), result.value().contactedAt());
    }

    @Test
    void anEmptyContactNamesEveryMissingFieldInPageOrder() {
        FormResult<ConcernOutcomeForm.Contact> result = FormFields.clean(new ConcernOutcomeForm(null, null, null, null, null, null, null, null))
                .check(RAISED, NOW);
        assertFalse(result.isValid());
        assertNull(result.value(), "no value when a field is wrong");
        assertEquals(List.of("contactedBy", "contacted-day", "how", "result", "note"), fields(result));
    }

    @Test
    void aTimeOfDayThatDoesNotExistIsATimeError() {
        assertEquals(List.of("time"), fields(FormFields.clean(new ConcernOutcomeForm("A", "10", "3", "2026", "24:00", "PHONE", "SPOKE", "n")).check(RAISED, NOW)));
        assertEquals(List.of("contacted-day"), fields(FormFields.clean(new ConcernOutcomeForm("A", "31", "2", "2026", "10:00", "PHONE", "SPOKE", "n")).check(RAISED, NOW)),
                "31 February is a date error, and the time is not looked at");
    }

    @Test
    void theContactMayBeInTheMinuteOfTheConcernButNotBeforeItNorInTheFuture() {
        assertTrue(FormFields.clean(new ConcernOutcomeForm("A", "10", "3", "2026", "9:00", "PHONE", "SPOKE", "n")).check(RAISED, NOW).isValid());
        assertEquals(List.of("contacted-day"), fields(FormFields.clean(new ConcernOutcomeForm("A", "10", "3", "2026", "8:58", "PHONE", "SPOKE", "n")).check(RAISED, NOW)));
        assertEquals(List.of("contacted-day"), fields(FormFields.clean(new ConcernOutcomeForm("A", "10", "3", "2026", "10:32", "PHONE", "SPOKE", "n")).check(RAISED, NOW)));
    }

    @Test
    void aNameOrNoteTooLongAndAnUnknownWayAreRefused() {
        FormResult<ConcernOutcomeForm.Contact> result = FormFields.clean(new ConcernOutcomeForm("x".repeat(ConcernOutcomeForm.MAX_NAME + 1), "10", "3", "2026",
                "10:00", "CARRIER_PIGEON", "MAYBE", "n".repeat(ConcernOutcomeForm.MAX_NOTE + 1))).check(RAISED, NOW);
        assertEquals(List.of("contactedBy", "how", "result", "note"), fields(result));
        assertEquals("consultation.concern.error.noteTooLong", result.errors().of("note").key());
    }

    @Test
    void controlCharactersAreDroppedFromWhatIsTyped() {
        ConcernOutcomeForm form = FormFields.clean(new ConcernOutcomeForm("Duty\u0000 worker", "10", "3", "2026", "10:00", "PHONE", "SPOKE", "line\none\u0007"));
        assertEquals("Duty worker", form.contactedBy());
        assertEquals("line\none", form.note(), "line breaks stay");
    }

    @Test
    void theStartingFormHasTodayInLondonAndTheStaffName() {
        ConcernOutcomeForm form = ConcernOutcomeForm.start("Pat Duty", Instant.parse("2026-06-30T23:30:00Z"));
        assertEquals(List.of("1", "7", "2026"), List.of(form.day(), form.month(), form.year()), "half past midnight in London is 1 July");
        assertEquals("Pat Duty", form.contactedBy());
    }

    @Test
    void aLinkMessageNeedsAMobileOrAnEmail() {
        FormResult<LinkMessageForm.Message> none = new LinkMessageForm("t", " ", "", null).check();
        assertEquals(List.of("mobile"), fields(none));
        assertEquals("consultation.send.error.none", none.errors().of("mobile").key());
    }

    @Test
    void aLinkMessageTakesAUkMobileInNotifysFormAndAnEmail() {
        FormResult<LinkMessageForm.Message> result = new LinkMessageForm("t", " Sam ", "07700 900123", "carer@example.org").check();
        assertTrue(result.isValid(), result.errors().all().toString());
        assertEquals("Sam", result.value().greeting());
        assertEquals("carer@example.org", result.value().email());
        assertTrue(result.value().mobile() != null && result.value().mobile().replaceAll("\\D", "").endsWith("7700900123"));
    }

    @Test
    void aGreetingThatIsNotANameAndBadAddressesAreEachNamed() {
        FormResult<LinkMessageForm.Message> result = new LinkMessageForm("t", "sam@example.org", "12345", "not an email").check();
        assertEquals(List.of("greeting", "mobile", "email"), fields(result));
        assertFalse(new LinkMessageForm("t", "x".repeat(LinkMessageForm.MAX_GREETING + 1), null, "a@example.org").check().isValid());
        assertTrue(new LinkMessageForm("t", null, null, "a@example.org").check().isValid(), "no greeting is fine");
        assertEquals("", new LinkMessageForm("t", null, null, "a@example.org").check().value().greeting());
    }
}
