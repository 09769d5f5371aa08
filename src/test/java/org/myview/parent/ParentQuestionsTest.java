package org.myview.parent;

import org.myview.web.LanguageSwitchForm;
import org.junit.jupiter.api.Test;
import org.myview.web.FieldError;
import org.myview.web.FormErrors;
import org.myview.web.FormResult;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The parent's question kinds and the posted page check themselves: no Micronaut context needed. */
class ParentQuestionsTest {

    private static final ParentQuestions.Question UNDERSTAND = ParentQuestions.FIRST.get(0);
    private static final ParentQuestions.Question BARRIERS = ParentQuestions.FIRST.get(2);
    private static final ParentQuestions.Question RATING = ParentQuestions.FIRST.get(3);
    private static final ParentQuestions.Question ANYTHING_ELSE = ParentQuestions.FIRST.get(6);

    @Test
    void theFormsAreTheSameQuestionsAsBefore() {
        assertEquals(List.of("understandWhy", "knowWhatChange", "barriers", "supportRating", "understoodConcerns", "madeDifference",
                "anythingElse"), ParentQuestions.FIRST.stream().map(ParentQuestions.Question::name).toList());
        assertEquals(List.of("understandWhy", "anythingElse"), ParentQuestions.FOLLOW_UP.stream().map(ParentQuestions.Question::name).toList());
        assertEquals(ParentQuestions.FOLLOW_UP, ParentQuestions.form("FOLLOW_UP"));
        assertEquals(ParentQuestions.FIRST, ParentQuestions.form("FIRST"));
        assertEquals(ParentQuestions.FIRST, ParentQuestions.form(null));
    }

    @Test
    void eachQuestionSaysHowItIsDrawn() {
        assertTrue(UNDERSTAND.isOneOf());
        assertFalse(UNDERSTAND.isSomeOf() || UNDERSTAND.isText());
        assertTrue(BARRIERS.isSomeOf());
        assertEquals("barriersOther", BARRIERS.textName());
        assertEquals(ParentQuestions.BARRIERS, BARRIERS.options());
        assertEquals(ParentQuestions.RATING, RATING.options());
        assertTrue(ANYTHING_ELSE.isText());
        assertEquals(List.of(), ANYTHING_ELSE.options());
        assertNull(ANYTHING_ELSE.textName());
        assertNull(UNDERSTAND.textName());
    }

    @Test
    void theWordsAreTypedInTheQuestionsOwnFieldOrBesideTheChoices() {
        assertNull(UNDERSTAND.kind().textField("understandWhy"));
        assertEquals("barriersOther", BARRIERS.kind().textField("barriers"));
        assertEquals("anythingElse", ANYTHING_ELSE.kind().textField("anythingElse"));
    }

    // --- one of -------------------------------------------------------------------------------------

    @Test
    void oneOfTakesNothingOrOneOfItsOptions() {
        assertTrue(check(UNDERSTAND, List.of(), null).isEmpty());
        assertTrue(check(UNDERSTAND, List.of("PARTLY"), null).isEmpty());
        assertTrue(check(RATING, List.of("1"), null).isEmpty());
    }

    @Test
    void oneOfRefusesAnOptionNotShownOrTwoAnswers() {
        assertChoiceError("understandWhy", check(UNDERSTAND, List.of("MAYBE"), null));
        assertChoiceError("understandWhy", check(UNDERSTAND, List.of("YES", "NO"), null));
        assertChoiceError("supportRating", check(RATING, List.of("6"), null));
    }

    @Test
    void oneOfKeepsTheChoiceAndNothingChosenTakesTheOldAnswerAway() {
        Map<String, Object> draft = new HashMap<>(Map.of("understandWhy", "NO", "other", "kept"));
        UNDERSTAND.kind().save(draft, "understandWhy", List.of("YES"), null);
        assertEquals(Map.of("understandWhy", "YES", "other", "kept"), draft);
        UNDERSTAND.kind().save(draft, "understandWhy", List.of(), null);
        assertEquals(Map.of("other", "kept"), draft);
    }

    // --- some of, with text -------------------------------------------------------------------------

    @Test
    void someOfTakesAnyOfItsOptions() {
        assertTrue(check(BARRIERS, List.of(), null).isEmpty());
        assertTrue(check(BARRIERS, List.of("TIME", "MONEY", "NOTHING"), "buses").isEmpty());
    }

    @Test
    void someOfRefusesAnOptionNotShown() {
        assertChoiceError("barriers", check(BARRIERS, List.of("TIME", "WEATHER"), null));
    }

    @Test
    void someOfKeepsTheChoicesAndTheWordsCleaned() {
        Map<String, Object> draft = new HashMap<>();
        BARRIERS.kind().save(draft, "barriers", List.of("TIME", "MONEY"), "  the\u0000 buses ");
        assertEquals(List.of("TIME", "MONEY"), draft.get("barriers"));
        assertEquals("the buses", draft.get("barriersOther"));
        BARRIERS.kind().save(draft, "barriers", List.of(), "   ");
        assertEquals(List.of(), draft.get("barriers"), "none ticked is kept as none ticked");
        assertFalse(draft.containsKey("barriersOther"), "blank words take the old words away");
    }

    @Test
    void theDraftDoesNotShareTheListItWasGiven() {
        List<String> ticked = new ArrayList<>(List.of("TIME"));
        Map<String, Object> draft = new HashMap<>();
        BARRIERS.kind().save(draft, "barriers", ticked, null);
        ticked.add("MONEY");
        assertEquals(List.of("TIME"), draft.get("barriers"));
    }

    // --- text ---------------------------------------------------------------------------------------

    @Test
    void wordsUpToTheLimitAreFineCountedAsCharactersPeopleSee() {
        assertTrue(check(ANYTHING_ELSE, List.of(), "a".repeat(1000)).isEmpty());
        assertTrue(check(ANYTHING_ELSE, List.of(), "  " + "a".repeat(1000) + "\n").isEmpty(), "spaces around do not count");
        assertTrue(check(ANYTHING_ELSE, List.of(), "\uD83D\uDE00".repeat(1000)).isEmpty(), "an emoji is one character");
        assertTrue(check(ANYTHING_ELSE, List.of(), null).isEmpty());
    }

    @Test
    void tooManyWordsSayTheLimitAndHowManyWereWritten() {
        FormErrors errors = check(ANYTHING_ELSE, List.of(), "a".repeat(1001));
        FieldError error = errors.of("anythingElse");
        assertEquals("parent.form.error.tooLong", error.key());
        assertArrayEquals(new Object[] {"1,000", "1,001"}, error.args());
        assertEquals(1, errors.all().size());
    }

    @Test
    void tooManyWordsBesideTheChoicesAreTheTextFieldsError() {
        FormErrors errors = check(BARRIERS, List.of("UNKNOWN"), "b".repeat(1200));
        assertEquals(List.of("barriers", "barriersOther"), errors.all().stream().map(FieldError::field).toList());
        assertArrayEquals(new Object[] {"1,000", "1,200"}, errors.of("barriersOther").args());
    }

    @Test
    void textKeepsTheWordsAndBlankTakesThemAway() {
        Map<String, Object> draft = new HashMap<>();
        ANYTHING_ELSE.kind().save(draft, "anythingElse", List.of(), " Thank you ");
        assertEquals(Map.of("anythingElse", "Thank you"), draft);
        ANYTHING_ELSE.kind().save(draft, "anythingElse", List.of(), "");
        assertEquals(Map.of(), draft);
        ANYTHING_ELSE.kind().save(draft, "anythingElse", List.of(), null);
        assertEquals(Map.of(), draft);
    }

    @Test
    void theServicesCheckIsTheKinds() {
        assertEquals(check(UNDERSTAND, List.of("MAYBE"), null).all().size(),
                ParentFormService.check(UNDERSTAND, List.of("MAYBE"), null).all().size());
        assertTrue(ParentFormService.check(ANYTHING_ELSE, List.of(), "fine").isEmpty());
    }

    // --- the posted page ----------------------------------------------------------------------------

    @Test
    void everyNameTheFormsPostHasAFieldInThePostedPage() {
        Set<String> fields = Stream.of(ParentAnswerForm.class.getRecordComponents()).map(c -> c.getName()).collect(Collectors.toSet());
        for (ParentQuestions.Question q : Stream.concat(ParentQuestions.FIRST.stream(), ParentQuestions.FOLLOW_UP.stream()).toList()) {
            assertTrue(fields.contains(q.name()), q.name());
            String textField = q.kind().textField(q.name());
            if (textField != null) {
                assertTrue(fields.contains(textField), textField);
            }
        }
    }

    @Test
    void eachQuestionReadsOnlyItsOwnFields() {
        ParentAnswerForm form = new ParentAnswerForm(List.of("YES"), List.of("NO"), List.of("TIME", "MONEY"), "buses",
                List.of("4"), List.of("PARTLY"), List.of("YES"), "Thanks", null);
        assertEquals(new ParentAnswerForm.Answer(List.of("YES"), null), form.answer(UNDERSTAND));
        assertEquals(new ParentAnswerForm.Answer(List.of("NO"), null), form.answer(ParentQuestions.FIRST.get(1)));
        assertEquals(new ParentAnswerForm.Answer(List.of("TIME", "MONEY"), "buses"), form.answer(BARRIERS));
        assertEquals(new ParentAnswerForm.Answer(List.of("4"), null), form.answer(RATING));
        assertEquals(new ParentAnswerForm.Answer(List.of("PARTLY"), null), form.answer(ParentQuestions.FIRST.get(4)));
        assertEquals(new ParentAnswerForm.Answer(List.of("YES"), null), form.answer(ParentQuestions.FIRST.get(5)));
        assertEquals(new ParentAnswerForm.Answer(List.of(), "Thanks"), form.answer(ANYTHING_ELSE));
    }

    @Test
    void aSkippedPageIsAnEmptyAnswer() {
        ParentAnswerForm skipped = new ParentAnswerForm(null, null, null, null, null, null, null, null, null);
        for (ParentQuestions.Question q : ParentQuestions.FIRST) {
            FormResult<ParentAnswerForm.Answer> checked = skipped.check(q);
            assertTrue(checked.isValid(), q.name());
            assertEquals(new ParentAnswerForm.Answer(List.of(), null), checked.value(), q.name());
        }
        assertFalse(skipped.fromCheck());
    }

    @Test
    void emptyValuesAreNotAnswers() {
        List<String> withBlanks = new ArrayList<>();
        withBlanks.add("");
        withBlanks.add(null);
        withBlanks.add("TIME");
        ParentAnswerForm form = new ParentAnswerForm(List.of(""), null, withBlanks, "", null, null, null, "", "check");
        assertEquals(new ParentAnswerForm.Answer(List.of(), null), form.answer(UNDERSTAND));
        assertEquals(new ParentAnswerForm.Answer(List.of("TIME"), null), form.answer(BARRIERS));
        assertEquals(new ParentAnswerForm.Answer(List.of(), null), form.answer(ANYTHING_ELSE));
        assertTrue(form.fromCheck());
    }

    @Test
    void thePostedPageIsCheckedByItsQuestionsKind() {
        ParentAnswerForm twoAnswers = new ParentAnswerForm(List.of("YES", "NO"), null, null, null, null, null, null, null, null);
        FormResult<ParentAnswerForm.Answer> refused = twoAnswers.check(UNDERSTAND);
        assertFalse(refused.isValid());
        assertNull(refused.value());
        assertEquals("parent.form.error.choice", refused.errors().of("understandWhy").key());
        ParentAnswerForm long1 = new ParentAnswerForm(null, null, null, null, null, null, null, "a".repeat(1001), null);
        assertEquals("parent.form.error.tooLong", long1.check(ANYTHING_ELSE).errors().of("anythingElse").key());
        // The words typed are kept as typed, so the page shown again holds them.
        assertEquals("a".repeat(1001), long1.answer(ANYTHING_ELSE).text());
    }

    // --- the language switch ------------------------------------------------------------------------

    @Test
    void anOfferedLanguageAndAPageOfTheFormAreKept() {
        LanguageSwitchForm.Choice choice = new LanguageSwitchForm("cy", "/parent/form/3").check(Set.of("en", "cy")::contains, ParentFormController.PAGES).value();
        assertEquals(new LanguageSwitchForm.Choice("cy", "/parent/form/3"), choice);
        for (String page : List.of("/parent/form", "/parent/check", "/parent/done")) {
            assertEquals(page, new LanguageSwitchForm("en", page).check(l -> true, ParentFormController.PAGES).value().back());
        }
    }

    @Test
    void aLanguageNotOfferedIsEnglishAndTheSwitchIsNeverRefused() {
        for (String language : new String[] {null, "", "xx", "pl"}) {
            FormResult<LanguageSwitchForm.Choice> checked = new LanguageSwitchForm(language, null).check(Set.of("en", "cy")::contains, ParentFormController.PAGES);
            assertTrue(checked.isValid());
            assertEquals("en", checked.value().language());
        }
    }

    @Test
    void aPageOutsideTheFormGoesBackToItsStart() {
        for (String back : new String[] {null, "", "https://evil.example/", "//evil.example", "/parent/form/../../staff", "/parent/formx",
                "/parent/form/3?x=1", "/staff/home", "/parent/done/"}) {
            assertEquals("/parent/form", new LanguageSwitchForm("en", back).check(l -> true, ParentFormController.PAGES).value().back(), String.valueOf(back));
        }
    }

    private static FormErrors check(ParentQuestions.Question q, List<String> values, String text) {
        return q.kind().check(q.name(), values, text);
    }

    private static void assertChoiceError(String field, FormErrors errors) {
        assertEquals(1, errors.all().size());
        assertEquals(field, errors.all().get(0).field());
        assertEquals("parent.form.error.choice", errors.all().get(0).key());
    }
}
