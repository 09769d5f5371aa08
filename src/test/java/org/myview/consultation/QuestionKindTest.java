package org.myview.consultation;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each kind of the child's question checks, reads and words its own answers: no Micronaut context needed. */
class QuestionKindTest {

    private static final int MAX = 10;
    private static final List<String> PEOPLE = List.of("mum", "dad", "pets");
    /** Words as the bundles would give them, so a label shows which keys were looked up. */
    private static final UnaryOperator<String> WORD = key -> "<" + key + ">";

    // --- which kind a definition's type names -------------------------------------------------------

    @Test
    void eachTypeOfTheDefinitionsNamesItsKind() {
        assertSame(TextQuestion.INSTANCE, QuestionKind.of("text", null));
        assertEquals(new ChoiceQuestion(List.of("yes", "no"), false), QuestionKind.of("choice", List.of("yes", "no")));
        assertSame(ChoiceQuestion.FACES, QuestionKind.of("faces", null));
        assertEquals(new PicturesQuestion(PEOPLE), QuestionKind.of("pictures", PEOPLE));
    }

    @Test
    void anUnknownTypeIsAMistakeInTheDefinition() {
        assertThrows(IllegalArgumentException.class, () -> QuestionKind.of("date", List.of()));
        assertThrows(IllegalArgumentException.class, () -> new FormDefinition.Question("q", "slider", null));
    }

    @Test
    void aQuestionOfTheDefinitionsKnowsItsKind() {
        FormDefinition.Question text = new FormDefinition.Question("worries", "text", null);
        FormDefinition.Question faces = new FormDefinition.Question("feel", "faces", null);
        FormDefinition.Question pictures = new FormDefinition.Question("who", "pictures", PEOPLE);
        assertTrue(text.isText());
        assertFalse(text.isPictures());
        assertEquals(List.of(), text.allowed());
        assertEquals(List.of("happy", "ok", "sad", "worried"), faces.allowed());
        assertEquals(FormDefinition.Question.FACES, faces.allowed());
        assertFalse(faces.isText());
        assertTrue(pictures.isPictures());
        assertEquals(PEOPLE, pictures.allowed());
    }

    @Test
    void everyQuestionOfTheRealFormsHasAKnownKind() {
        for (String id : FormDefinitions.IDS) {
            FormDefinition definition = new FormDefinitions(io.micronaut.json.JsonMapper.createDefault()).find(id).orElseThrow();
            for (FormDefinition.Question question : definition.questions()) {
                QuestionKind kind = question.kind();
                if (!(kind instanceof TextQuestion)) {
                    assertFalse(kind.allowed().isEmpty(), id + " " + question.id() + " offers nothing to choose");
                }
            }
        }
    }

    // --- text ---------------------------------------------------------------------------------------

    @Test
    void textKeepsTheChildsWordsWithoutSurroundingSpaces() {
        GivenAnswer given = TextQuestion.INSTANCE.check("  My dog\nis called Rex  ", 100);
        assertNull(given.problem());
        assertEquals("My dog\nis called Rex", given.stored());
    }

    @Test
    void textDropsControlCharactersNoKeyboardTypes() {
        assertEquals("ab\tc", TextQuestion.INSTANCE.check("a\u0000b\tc\u0007", MAX).stored());
    }

    @Test
    void emptyTextIsRefusedAsTextNotAsAChoice() {
        for (String empty : new String[] {null, "", "   ", "\n\t", "\u0000"}) {
            GivenAnswer given = TextQuestion.INSTANCE.check(empty, MAX);
            assertNotNull(given.problem());
            assertNull(given.stored());
            assertEquals("consultation.question.errorText", given.problem());
        }
    }

    @Test
    void textLongerThanTheFormAllowsIsRefusedAndAtTheLimitIsKept() {
        assertEquals("consultation.question.tooLong", TextQuestion.INSTANCE.check("x".repeat(MAX + 1), MAX).problem());
        assertEquals("x".repeat(MAX), TextQuestion.INSTANCE.check("x".repeat(MAX), MAX).stored());
        // Spaces around the words do not count against the child.
        assertEquals("x".repeat(MAX), TextQuestion.INSTANCE.check("  " + "x".repeat(MAX) + "  ", MAX).stored());
    }

    @Test
    void textIsReadFromTheAnswerFieldAndShownAsTyped() {
        assertEquals("hello", TextQuestion.INSTANCE.posted(Map.of("answer", "hello", "words", "not this")));
        assertNull(TextQuestion.INSTANCE.posted(Map.of()));
        assertEquals("Line one\nline two", TextQuestion.INSTANCE.label("Line one\nline two", WORD));
        assertEquals(List.of(), TextQuestion.INSTANCE.allowed());
        assertNull(TextQuestion.INSTANCE.picture("anything"));
    }

    // --- choice and faces ---------------------------------------------------------------------------

    @Test
    void aChoiceKeepsOneOfItsOptions() {
        ChoiceQuestion choice = ChoiceQuestion.of(List.of("yes", "help", "no"));
        assertEquals("help", choice.check("help", MAX).stored());
        assertEquals("no", choice.check(" no ", MAX).stored());
    }

    @Test
    void aChoiceRefusesNothingChosenAndAnythingItDoesNotOffer() {
        ChoiceQuestion choice = ChoiceQuestion.of(List.of("yes", "no"));
        for (String refused : new String[] {null, "", " ", "maybe", "YES", "yes no", "happy"}) {
            GivenAnswer given = choice.check(refused, MAX);
            assertEquals("consultation.question.errorChoice", given.problem(), refused);
            assertNull(given.stored());
        }
    }

    @Test
    void aChoiceIsNotLimitedByTheTextLength() {
        ChoiceQuestion choice = ChoiceQuestion.of(List.of("not-sure"));
        assertEquals("not-sure", choice.check("not-sure", 1).stored());
    }

    @Test
    void aChoiceWithoutOptionsInTheDefinitionOffersNothing() {
        ChoiceQuestion choice = ChoiceQuestion.of(null);
        assertEquals(List.of(), choice.allowed());
        assertEquals("consultation.question.errorChoice", choice.check("yes", MAX).problem());
    }

    @Test
    void facesOfferTheFourFacesOnly() {
        assertEquals(List.of("happy", "ok", "sad", "worried"), ChoiceQuestion.FACES.allowed());
        assertTrue(ChoiceQuestion.FACES.faces());
        assertEquals("worried", ChoiceQuestion.FACES.check("worried", MAX).stored());
        assertEquals("consultation.question.errorChoice", ChoiceQuestion.FACES.check("angry", MAX).problem());
        assertEquals("consultation.question.errorChoice", ChoiceQuestion.FACES.check("", MAX).problem());
    }

    @Test
    void aChoicesWordsAreItsOptionsWordsAndFacesHaveTheirOwn() {
        ChoiceQuestion choice = ChoiceQuestion.of(List.of("yes"));
        assertEquals("consultation.option.yes", choice.optionKey("yes"));
        assertEquals("<consultation.option.yes>", choice.label("yes", WORD));
        assertEquals("consultation.face.sad", ChoiceQuestion.FACES.optionKey("sad"));
        assertEquals("<consultation.face.sad>", ChoiceQuestion.FACES.label("sad", WORD));
        assertNull(ChoiceQuestion.FACES.picture("sad"), "a face is drawn by the page, not a picture file");
    }

    @Test
    void aChoiceIsReadFromTheAnswerField() {
        assertEquals("yes", ChoiceQuestion.of(List.of("yes")).posted(Map.of("answer", "yes")));
        assertNull(ChoiceQuestion.FACES.posted(Map.of("pick.happy", "yes")));
    }

    @Test
    void theOptionsCannotBeChangedAfterwards() {
        List<String> options = new java.util.ArrayList<>(List.of("yes"));
        ChoiceQuestion choice = ChoiceQuestion.of(options);
        options.add("no");
        assertEquals(List.of("yes"), choice.allowed());
        assertThrows(UnsupportedOperationException.class, () -> choice.allowed().add("no"));
    }

    // --- pictures -----------------------------------------------------------------------------------

    @Test
    void picturesKeepThePicksAndTheWordsToldToAGrownUp() {
        PicturesQuestion pictures = new PicturesQuestion(PEOPLE);
        GivenAnswer given = pictures.check("mum pets\n  My cat  ", MAX);
        assertEquals("mum pets\nMy cat", given.stored());
        assertEquals(new PictureAnswer(List.of("mum", "pets"), "My cat"), PictureAnswer.parse(given.stored()));
    }

    @Test
    void picturesAloneOrWordsAloneAreAnAnswer() {
        PicturesQuestion pictures = new PicturesQuestion(PEOPLE);
        assertEquals("dad", pictures.check("dad", MAX).stored());
        assertEquals("\nNan", pictures.check("\nNan", MAX).stored());
    }

    @Test
    void nothingPickedAndNothingToldIsRefused() {
        PicturesQuestion pictures = new PicturesQuestion(PEOPLE);
        for (String empty : new String[] {null, "", "\n", "\n   ", "\n\u0000"}) {
            assertEquals("consultation.question.errorPictures", pictures.check(empty, MAX).problem(), String.valueOf(empty));
        }
    }

    @Test
    void aPictureNotOfferedOrPickedTwiceIsRefused() {
        PicturesQuestion pictures = new PicturesQuestion(PEOPLE);
        assertEquals("consultation.question.errorPictures", pictures.check("unicorn", MAX).problem());
        assertEquals("consultation.question.errorPictures", pictures.check("mum unicorn\nhi", MAX).problem());
        assertEquals("consultation.question.errorPictures", pictures.check("mum mum", MAX).problem());
    }

    @Test
    void tooManyWordsToldToAGrownUpAreRefused() {
        PicturesQuestion pictures = new PicturesQuestion(PEOPLE);
        assertEquals("consultation.question.tooLong", pictures.check("mum\n" + "x".repeat(MAX + 1), MAX).problem());
        assertEquals("mum\n" + "x".repeat(MAX), pictures.check("mum\n" + "x".repeat(MAX), MAX).stored());
    }

    @Test
    void controlCharactersAreDroppedFromTheWords() {
        assertEquals("mum\nhi there", new PicturesQuestion(PEOPLE).check("mum\nhi\u0000 there", MAX).stored());
    }

    @Test
    void picturesAreReadFromOneCheckboxEachInTheOrderOffered() {
        PicturesQuestion pictures = new PicturesQuestion(PEOPLE);
        String posted = pictures.posted(Map.of("pick.pets", "yes", "pick.mum", "yes", "pick.unicorn", "yes", "words", "Rex"));
        assertEquals("mum pets\nRex", posted);
        assertEquals("", pictures.posted(Map.of()));
        assertEquals("dad", pictures.posted(Map.of("pick.dad", "yes", "answer", "ignored")));
    }

    @Test
    void picturesAreDrawnAndWordedAsPictures() {
        PicturesQuestion pictures = new PicturesQuestion(PEOPLE);
        assertEquals("consultation.picture.mum", pictures.optionKey("mum"));
        assertEquals(AudioFiles.picture("mum"), pictures.picture("mum"));
        assertEquals("<consultation.picture.mum>, <consultation.picture.pets>", pictures.label("mum pets", WORD));
        assertEquals("<consultation.picture.dad>\n<consultation.young.toldGrownUp> My nan", pictures.label("dad\nMy nan", WORD));
        assertEquals("<consultation.young.toldGrownUp> My nan", pictures.label("\nMy nan", WORD));
    }

    @Test
    void aPicturesQuestionWithoutOptionsOffersNothing() {
        PicturesQuestion pictures = new PicturesQuestion(null);
        assertEquals(List.of(), pictures.allowed());
        assertEquals("consultation.question.errorPictures", pictures.check("mum", MAX).problem());
    }

    // --- the result ---------------------------------------------------------------------------------

    @Test
    void aGivenAnswerIsEitherKeptOrRefused() {
        GivenAnswer kept = GivenAnswer.kept("yes");
        GivenAnswer refused = GivenAnswer.refused("consultation.question.errorChoice");
        assertNull(kept.problem());
        assertEquals("yes", kept.stored());
        assertEquals("consultation.question.errorChoice", refused.problem());
        assertNull(refused.stored());
    }
}
