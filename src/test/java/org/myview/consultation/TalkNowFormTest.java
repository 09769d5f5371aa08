package org.myview.consultation;

import org.junit.jupiter.api.Test;
import org.myview.web.FormResult;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The talk-now page checks itself: no Micronaut context needed. */
class TalkNowFormTest {

    @Test
    void nothingChosenIsFine() {
        FormResult<TalkNowChoices> checked = new TalkNowForm(null, null, null, null).check();
        assertTrue(checked.isValid());
        assertEquals(TalkNowChoices.empty(), checked.value());
    }

    @Test
    void everythingChosenIsKept() {
        FormResult<TalkNowChoices> checked = new TalkNowForm(List.of("PHONE", "SCHOOL"), "EVENING", "yes", "Please ring after 6").check();
        assertTrue(checked.isValid());
        TalkNowChoices choices = checked.value();
        assertEquals(EnumSet.of(TalkNowChoices.Way.PHONE, TalkNowChoices.Way.SCHOOL), choices.ways());
        assertEquals(TalkNowChoices.SafeTime.EVENING, choices.safeTime());
        assertTrue(choices.notThroughCarer());
        assertEquals("Please ring after 6", choices.message());
        assertEquals("PHONE,SCHOOL", choices.waysText());
        assertTrue(choices.has("PHONE"));
        assertFalse(choices.has("HOME"));
    }

    @Test
    void valuesThePageDoesNotOfferAreDropped() {
        TalkNowChoices choices = new TalkNowForm(List.of("PIGEON", "TEXT", "phone"), "MIDNIGHT", "maybe", "").check().value();
        assertEquals(Set.of(TalkNowChoices.Way.TEXT), choices.ways());
        assertNull(choices.safeTime());
        assertFalse(choices.notThroughCarer());
    }

    @Test
    void aWayTickedTwiceIsOneWay() {
        assertEquals(Set.of(TalkNowChoices.Way.HOME), new TalkNowForm(List.of("HOME", "HOME"), null, null, null).choices().ways());
    }

    @Test
    void theMessageIsCleanedAndTrimmed() {
        assertEquals("help\nplease", new TalkNowForm(null, null, null, "  help\u0000\nplease \t").choices().message());
        assertEquals("", new TalkNowForm(null, null, null, null).message());
    }

    @Test
    void aMessageUpToTheLimitIsFine() {
        assertTrue(new TalkNowForm(null, null, null, "m".repeat(TalkNowChoices.MAX_MESSAGE)).check().isValid());
        assertTrue(new TalkNowForm(null, null, null, " " + "m".repeat(TalkNowChoices.MAX_MESSAGE) + " ").check().isValid());
    }

    @Test
    void aMessageTooLongIsTheOnlyProblemAndTheChoicesAreKeptToShowAgain() {
        TalkNowForm form = new TalkNowForm(List.of("TEXT"), "ANY", "yes", "m".repeat(TalkNowChoices.MAX_MESSAGE + 1));
        FormResult<TalkNowChoices> checked = form.check();
        assertFalse(checked.isValid());
        assertNull(checked.value());
        assertEquals(1, checked.errors().all().size());
        assertEquals("consultation.talkNow.error.tooLong", checked.errors().of("message").key());
        assertArrayEquals(new Object[] {TalkNowChoices.MAX_MESSAGE}, checked.errors().of("message").args());
        TalkNowChoices shownAgain = form.choices();
        assertEquals(Set.of(TalkNowChoices.Way.TEXT), shownAgain.ways());
        assertEquals(TalkNowChoices.SafeTime.ANY, shownAgain.safeTime());
        assertTrue(shownAgain.notThroughCarer());
    }

    @Test
    void theTickedWaysCannotBeChangedAfterwards() {
        TalkNowForm form = new TalkNowForm(new java.util.ArrayList<>(List.of("PHONE")), null, null, null);
        assertThrows(UnsupportedOperationException.class, () -> form.ways().add("HOME"));
    }
}
