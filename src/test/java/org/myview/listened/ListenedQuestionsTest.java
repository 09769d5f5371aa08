package org.myview.listened;

import org.junit.jupiter.api.Test;
import org.myview.web.FormResult;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The follow-up's question kinds and its answer form check themselves: no Micronaut context needed. */
class ListenedQuestionsTest {

    private static final ListenedQuestions.Question LISTENED = ListenedQuestions.number(1).orElseThrow();
    private static final ListenedQuestions.Question UNDERSTOOD = ListenedQuestions.number(2).orElseThrow();
    private static final ListenedQuestions.Question ANYTHING_ELSE = ListenedQuestions.number(3).orElseThrow();

    @Test
    void twoChoicesThenOneTextInOrder() {
        assertEquals(List.of("listened", "understood", "anything-else"), ListenedQuestions.ALL.stream().map(ListenedQuestions.Question::id).toList());
        assertEquals(List.of(1, 2, 3), ListenedQuestions.ALL.stream().map(ListenedQuestions.Question::number).toList());
        assertFalse(LISTENED.isText());
        assertFalse(UNDERSTOOD.isText());
        assertTrue(ANYTHING_ELSE.isText());
        assertEquals(new ListenedQuestions.Choice(List.of("yes", "partly", "no")), LISTENED.kind());
        assertEquals(new ListenedQuestions.Text(1000), ANYTHING_ELSE.kind());
    }

    @Test
    void onlyTheThreeQuestionsHaveNumbers() {
        assertTrue(ListenedQuestions.number(0).isEmpty());
        assertTrue(ListenedQuestions.number(4).isEmpty());
        assertTrue(ListenedQuestions.number(-1).isEmpty());
    }

    // --- choice -------------------------------------------------------------------------------------

    @Test
    void aChoiceKeepsAnOfferedOption() {
        for (String option : ListenedQuestions.OPTIONS) {
            FormResult<String> checked = LISTENED.kind().check(option, false);
            assertTrue(checked.isValid());
            assertEquals(option, checked.value());
        }
    }

    @Test
    void declinedIsStoredAsSkippedWhateverWasChosen() {
        assertEquals("skipped", LISTENED.kind().check(null, true).value());
        assertEquals("skipped", LISTENED.kind().check("yes", true).value());
    }

    @Test
    void nothingChosenOrAValueNotOnThePageCountsAsNotAnsweredWithoutAnError() {
        for (String value : new String[] {null, "", "maybe", "YES", " yes"}) {
            FormResult<String> checked = UNDERSTOOD.kind().check(value, false);
            assertTrue(checked.isValid(), value);
            assertNull(checked.value(), value);
        }
    }

    @Test
    void aChoicesOptionsCannotBeChanged() {
        assertThrows(UnsupportedOperationException.class, () -> new ListenedQuestions.Choice(List.of("yes")).options().add("no"));
    }

    // --- text ---------------------------------------------------------------------------------------

    @Test
    void wordsAreKeptWithoutSurroundingSpacesOrControlCharacters() {
        assertEquals("They listened\nmostly", ANYTHING_ELSE.kind().check("  They\u0000 listened\nmostly \t", false).value());
        assertEquals("a\tb", ANYTHING_ELSE.kind().check("a\tb\u0007", false).value());
    }

    @Test
    void noWordsAreFineAndStoreNothing() {
        for (String value : new String[] {null, "", "   ", "\u0000"}) {
            FormResult<String> checked = ANYTHING_ELSE.kind().check(value, false);
            assertTrue(checked.isValid());
            assertNull(checked.value());
        }
    }

    @Test
    void declinedWordsStoreNothingEvenWhenTooLong() {
        FormResult<String> checked = ANYTHING_ELSE.kind().check("x".repeat(5000), true);
        assertTrue(checked.isValid());
        assertNull(checked.value());
    }

    @Test
    void tooManyWordsAreTheOnlyProblemWithTheLimitAsItsArgument() {
        FormResult<String> refused = ANYTHING_ELSE.kind().check("x".repeat(1001), false);
        assertFalse(refused.isValid());
        assertNull(refused.value());
        assertEquals("answer", refused.errors().first().orElseThrow().field());
        assertEquals("listened.error.tooLong", refused.errors().of("answer").key());
        assertArrayEquals(new Object[] {1000}, refused.errors().of("answer").args());
        assertEquals("x".repeat(1000), ANYTHING_ELSE.kind().check(" " + "x".repeat(1000) + " ", false).value());
    }

    // --- the posted page ----------------------------------------------------------------------------

    @Test
    void thePostedPageSaysWhichButtonAndWhereFrom() {
        ListenedAnswerForm skip = new ListenedAnswerForm(null, "skip", "check");
        assertTrue(skip.declined());
        assertTrue(skip.fromCheck());
        assertEquals("", skip.typed());
        ListenedAnswerForm save = new ListenedAnswerForm("no", "save", null);
        assertFalse(save.declined());
        assertFalse(save.fromCheck());
        assertFalse(new ListenedAnswerForm("no", null, "elsewhere").fromCheck());
    }

    @Test
    void thePostedPageIsCheckedByItsQuestionsKind() {
        assertEquals("partly", new ListenedAnswerForm("partly", "save", null).check(LISTENED).value());
        assertEquals("skipped", new ListenedAnswerForm("partly", "skip", null).check(UNDERSTOOD).value());
        assertEquals("Thanks", new ListenedAnswerForm(" Thanks ", "save", null).check(ANYTHING_ELSE).value());
        assertFalse(new ListenedAnswerForm("x".repeat(1001), "save", null).check(ANYTHING_ELSE).isValid());
    }

    @Test
    void refusedWordsAreShownAgainExactlyAsTyped() {
        String typed = "  " + "x".repeat(1001) + "  ";
        assertEquals(typed, new ListenedAnswerForm(typed, "save", null).typed());
    }
}
