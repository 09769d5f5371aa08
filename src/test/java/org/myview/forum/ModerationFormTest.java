package org.myview.forum;

import org.junit.jupiter.api.Test;
import org.myview.web.FormFields;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.myview.web.FormResult;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The lead's decision on a child's answer: approve with words, or reject; one problem at a time. */
class ModerationFormTest {

    private static List<String> keys(FormResult<?> result) {
        return result.errors().all().stream().map(e -> e.field() + ":" + e.key()).toList();
    }

    @Test
    void approvingKeepsTheWordsAsEdited() {
        FormResult<ModerationForm.Decision> result = FormFields.clean(new ModerationForm("approve", "  More time with my sister.\n ")).check();
        assertTrue(result.isValid(), () -> keys(result).toString());
        assertTrue(result.value().approve());
        assertEquals("More time with my sister.", result.value().text());
    }

    @Test
    void rejectingNeedsNoWords() {
        FormResult<ModerationForm.Decision> result = FormFields.clean(new ModerationForm("reject", null)).check();
        assertTrue(result.isValid(), () -> keys(result).toString());
        assertFalse(result.value().approve());
    }

    @ParameterizedTest
    @CsvSource({"''", "APPROVE", "maybe", "' '"})
    void theDecisionMustBeOneOfTheTwo(String decision) {
        assertEquals(List.of("decision:forum.check.error.decision"), keys(FormFields.clean(new ModerationForm(decision, "words")).check()));
    }

    @Test
    void aMissingDecisionIsTheOnlyProblemShownEvenWithoutWords() {
        assertEquals(List.of("decision:forum.check.error.decision"), keys(FormFields.clean(new ModerationForm(null, null)).check()));
    }

    @ParameterizedTest
    @CsvSource({"''", "'   '", "'\u0000'"})
    void approvingBlankWordsIsExplained(String text) {
        assertEquals(List.of("text:forum.check.error.text"), keys(FormFields.clean(new ModerationForm("approve", text)).check()));
    }

    @Test
    void twoThousandCharactersAreTheLongestAndTheLimitIsInTheMessage() {
        assertTrue(FormFields.clean(new ModerationForm("approve", "a".repeat(2000))).check().isValid());
        FormResult<ModerationForm.Decision> tooLong = FormFields.clean(new ModerationForm("approve", "a".repeat(2001))).check();
        assertEquals(List.of("text:forum.check.error.long"), keys(tooLong));
        assertArrayEquals(new Object[]{2000}, tooLong.errors().all().get(0).args());
        assertTrue(FormFields.clean(new ModerationForm("reject", "a".repeat(2001))).check().isValid(), "words are not read for a rejection");
    }

    @Test
    void controlCharactersAreDroppedAndAMissingFieldIsEmpty() {
        ModerationForm form = FormFields.clean(new ModerationForm(" approve ", "Fine\u0007 words"));
        assertEquals("approve", form.decision());
        assertEquals("Fine words", form.text());
        assertEquals("", FormFields.clean(new ModerationForm(null, null)).text());
    }
}
