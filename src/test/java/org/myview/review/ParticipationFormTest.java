package org.myview.review;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.myview.web.FormErrors;
import org.myview.web.FormResult;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The participation form's own rules: the PN code for the child's age, the advocate, the ticked ways. */
class ParticipationFormTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
    private static final LocalDate HELD = LocalDate.of(2026, 3, 5);

    private static Review review(LocalDate dob, LocalDate on) {
        return new Review(7, new Child(3, "PF001", "Ash", dob), ReviewType.CLA, on, 1L, "Officer", null);
    }

    private static final Review ELEVEN = review(LocalDate.of(2014, 5, 1), HELD);

    private static FormResult<ParticipationForm.Participation> check(Review review, String code, String advocate, String... views) {
        return new ParticipationForm(code, advocate, views.length == 0 ? null : Arrays.asList(views)).check(review, TODAY);
    }

    private static List<String> keys(FormResult<?> result) {
        return result.errors().all().stream().map(e -> e.field() + ":" + e.key()).toList();
    }

    @Test
    void aChildOfElevenWhoSpokeForThemselvesIsSavedAsTheEnumNotItsName() {
        FormResult<ParticipationForm.Participation> result = check(ELEVEN, "PN1", "NONE", "SPOKE");
        assertTrue(result.isValid(), () -> keys(result).toString());
        assertSame(ParticipationMethod.PN1, result.value().code());
        assertSame(Advocate.NONE, result.value().advocate());
        assertEquals(EnumSet.of(ViewsReachedBy.SPOKE), result.value().views());
    }

    @ParameterizedTest
    @EnumSource(value = ParticipationMethod.class, names = {"PN1", "PN3", "PN4", "PN6", "PN7"})
    void everyCodeForAChildOfFourOrOverNeedsNoAdvocate(ParticipationMethod code) {
        FormResult<ParticipationForm.Participation> result = check(ELEVEN, code.name(), "NONE");
        assertTrue(result.isValid(), () -> keys(result).toString());
        assertSame(code, result.value().code());
        assertEquals(Set.of(), result.value().views(), "nothing ticked: no ways");
    }

    @ParameterizedTest
    @EnumSource(value = ParticipationMethod.class, names = {"PN2", "PN5"})
    void anAdvocateSpokeSoNoneIsWrongButNyasOrOtherIsRight(ParticipationMethod code) {
        assertEquals(List.of("advocate:review.participation.error.advocateNeeded"), keys(check(ELEVEN, code.name(), "NONE")));
        assertSame(Advocate.NYAS, check(ELEVEN, code.name(), "NYAS").value().advocate());
        assertSame(Advocate.OTHER, check(ELEVEN, code.name(), "OTHER").value().advocate());
    }

    @Test
    void noCodeChosenIsRule167OnTheCodeField() {
        assertEquals(List.of("code:review.rule.167"), keys(check(ELEVEN, null, "NONE")));
        assertEquals(List.of("code:review.rule.167"), keys(check(ELEVEN, "", "NONE")));
        assertEquals(List.of("code:review.rule.167"), keys(check(ELEVEN, "   ", "NONE")), "blank is nothing chosen");
    }

    @ParameterizedTest
    @ValueSource(strings = {"PN8", "pn1", "PN", "P N1", "PN1x", "1", "PN01", "<b>PN1</b>"})
    void aCodeThatIsNotExactlyOneOfPn0ToPn7IsNotAChoice(String code) {
        FormResult<ParticipationForm.Participation> result = check(ELEVEN, code, "NONE");
        assertFalse(result.isValid());
        assertNull(result.value());
        assertEquals("code", result.errors().first().orElseThrow().field());
    }

    @Test
    void spacesAroundACodeAreDroppedAsEveryFormFieldDoes() {
        assertSame(ParticipationMethod.PN7, check(ELEVEN, "  PN7 ", " NONE ").value().code());
    }

    @Test
    void pn0IsForAChildUnderFourOnly() {
        Review baby = review(HELD.minusYears(4).plusDays(1), HELD);
        assertSame(ParticipationMethod.PN0, check(baby, "PN0", "NONE").value().code());
        assertEquals(List.of("code:review.rule.441"), keys(check(baby, "PN1", "NONE")));
        assertEquals(List.of("code:review.rule.440"), keys(check(ELEVEN, "PN0", "NONE")));
    }

    @Test
    void onTheFourthBirthdayTheChildIsFourSoPn0IsWrong() {
        Review birthday = review(HELD.minusYears(4), HELD);
        assertEquals(List.of("code:review.rule.440"), keys(check(birthday, "PN0", "NONE")));
        assertTrue(check(birthday, "PN1", "NONE").isValid());
    }

    @Test
    void aReviewAfterTodayCannotBeRecordedButOneTodayCan() {
        Review tomorrow = review(LocalDate.of(2014, 5, 1), TODAY.plusDays(1));
        assertEquals(List.of("code:review.rule.FUTURE"), keys(check(tomorrow, "PN1", "NONE")));
        assertTrue(check(review(LocalDate.of(2014, 5, 1), TODAY), "PN1", "NONE").isValid());
    }

    @Test
    void aDateOfBirthAfterTheReviewIsExplained() {
        Review impossible = review(HELD.plusDays(1), HELD);
        assertTrue(keys(check(impossible, "PN1", "NONE")).contains("code:review.rule.DOB"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "none", "NYAS ADVOCATE", "SOMEONE"})
    void theAdvocateMustBeOneOfTheChoices(String advocate) {
        assertEquals(List.of("advocate:review.participation.error.advocate"), keys(check(ELEVEN, "PN1", advocate)));
    }

    @Test
    void aMissingAdvocateIsAnErrorEvenWithAnAdvocateCode() {
        assertEquals(List.of("advocate:review.participation.error.advocate"), keys(check(ELEVEN, "PN5", null)));
    }

    @Test
    void everyWayMayBeTickedAndRepeatsCountOnce() {
        FormResult<ParticipationForm.Participation> result = check(ELEVEN, "PN2", "NYAS",
                "SPOKE", "ADVOCATE", "CONSULTATION_FORM", "OTHER_MEDIUM", "SPOKE");
        assertEquals(EnumSet.allOf(ViewsReachedBy.class), result.value().views());
    }

    @Test
    void anEmptyTickIsNoChoiceNotAWrongOne() {
        assertEquals(Set.of(), check(ELEVEN, "PN7", "NONE", "", " ").value().views());
        assertEquals(List.of(), new ParticipationForm("PN7", "NONE", Arrays.asList("", null, " \t")).viewsReachedBy());
    }

    @Test
    void aWayNotOnTheListIsOneErrorHoweverManyThereAre() {
        assertEquals(List.of("viewsReachedBy:review.participation.error.views"),
                keys(check(ELEVEN, "PN1", "NONE", "SPOKE", "spoke", "CARRIER_PIGEON")));
    }

    @Test
    void everyWrongFieldIsReportedTogetherInPageOrder() {
        assertEquals(List.of("code:review.rule.167", "advocate:review.participation.error.advocate", "viewsReachedBy:review.participation.error.views"),
                keys(check(ELEVEN, "PN9", "MAYBE", "NOPE")));
    }

    @Test
    void theFormOpensWithWhatWasRecordedOrWithNothingChosenAndNoAdvocate() {
        ParticipationForm fresh = ParticipationForm.of(null);
        assertEquals("", fresh.code());
        assertEquals("NONE", fresh.advocate());
        assertEquals(List.of(), fresh.viewsReachedBy());

        ReviewParticipation recorded = new ReviewParticipation(ParticipationMethod.PN5, Advocate.NYAS, EnumSet.of(ViewsReachedBy.ADVOCATE),
                "Officer", Instant.EPOCH, null, null);
        ParticipationForm again = ParticipationForm.of(recorded);
        assertEquals("PN5", again.code());
        assertEquals("NYAS", again.advocate());
        assertEquals(List.of("ADVOCATE"), again.viewsReachedBy());
        assertTrue(again.check(ELEVEN, TODAY).isValid(), "what was recorded checks again as it was");
    }

    @Test
    void controlCharactersAreDroppedFromWhatWasTyped() {
        ParticipationForm form = new ParticipationForm("PN\u00071", "NO\u0000NE", List.of("SPO\u001bKE"));
        assertEquals("PN1", form.code());
        assertEquals("NONE", form.advocate());
        assertEquals(List.of("SPOKE"), form.viewsReachedBy());
        FormErrors none = form.check(ELEVEN, TODAY).errors();
        assertTrue(none.isEmpty());
    }
}
