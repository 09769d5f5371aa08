package org.myview.review;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Ssda903RulesTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 11, 20);

    private static List<RuleViolation> check(String child, String dob, String review, String code) {
        return Ssda903Rules.checkRow(new Ssda903Rules.Row(child, dob, review, code), TODAY);
    }

    private static List<String> rules(List<RuleViolation> violations) {
        return violations.stream().map(RuleViolation::rule).toList();
    }

    private static RuleViolation only(List<RuleViolation> violations) {
        assertEquals(1, violations.size(), () -> "expected one problem, got " + violations);
        return violations.get(0);
    }

    // ---- rows that are right ----

    @Test
    void aChildOfFourOrOverWhoSpokeForThemselvesIsFine() {
        assertEquals(List.of(), check("C1234", "15/06/2015", "01/10/2025", "PN1"));
    }

    @Test
    void aChildUnderFourCodedPn0IsFine() {
        assertEquals(List.of(), check("C1234", "15/06/2023", "01/10/2025", "PN0"));
    }

    @ParameterizedTest
    @EnumSource(value = ParticipationMethod.class, names = "PN0", mode = EnumSource.Mode.EXCLUDE)
    void everyCodeButPn0IsFineForAChildOfFourOrOver(ParticipationMethod code) {
        assertEquals(List.of(), check("C1234", "15/06/2015", "01/10/2025", code.name()));
    }

    @Test
    void aReviewOnTheDayOfBirthIsAChildOfNoughtAndPn0() {
        assertEquals(List.of(), check("C1234", "01/10/2025", "01/10/2025", "PN0"));
    }

    @Test
    void aReviewTodayIsNotInTheFuture() {
        assertEquals(List.of(), check("C1234", "15/06/2015", "20/11/2025", "PN6"));
    }

    // ---- 440 and 441: the code against the age on the review date ----

    /**
     * Issue 21: on the fourth birthday exactly the DfE's own checks accept PN0 and PN1-PN7 alike (rule 441 fires
     * only before it, rule 440 only after it), so an import must not refuse either.
     */
    @Test
    void onTheFourthBirthdayPn0IsAcceptedAsTheDfeDoes() {
        assertEquals(List.of(), check("C1234", "01/10/2021", "01/10/2025", "PN0"));
        assertTrue(Ssda903Rules.onFourthBirthday(LocalDate.of(2021, 10, 1), LocalDate.of(2025, 10, 1)));
    }

    @Test
    void theDayAfterTheFourthBirthdayPn0BreaksRule440() {
        RuleViolation violation = only(check("C1234", "01/10/2021", "02/10/2025", "PN0"));
        assertEquals("440", violation.rule());
        assertEquals("REVIEW_CODE", violation.column());
        assertEquals("The code is PN0, which is only for a child under 4, but the child was 4 on the review date "
                + "02/10/2025 (date of birth 01/10/2021). Choose how the child took part (PN1 to PN7), or correct "
                + "the date of birth.", violation.message());
        assertFalse(Ssda903Rules.onFourthBirthday(LocalDate.of(2021, 10, 1), LocalDate.of(2025, 10, 2)));
        assertFalse(Ssda903Rules.onFourthBirthday(LocalDate.of(2021, 10, 1), LocalDate.of(2025, 9, 30)));
    }

    /** Born on 29 February: the fourth birthday falls on 29 February (a leap year), or on 1 March when it does not exist. */
    @Test
    void aLeapDayChildsFourthBirthdayAcceptsBothAndTheDaysAroundItDoNot() {
        assertEquals(List.of(), check("C1234", "29/02/2020", "29/02/2024", "PN0"));
        assertEquals(List.of(), check("C1234", "29/02/2020", "29/02/2024", "PN3"));
        assertEquals("441", only(check("C1234", "29/02/2020", "28/02/2024", "PN3")).rule());
        assertEquals("440", only(check("C1234", "29/02/2020", "01/03/2024", "PN0")).rule());
        // 2100 is not a leap year: a child born 29/02/2096 turns 4 on 1 March 2100 (as ChildAge counts in English law).
        assertTrue(Ssda903Rules.onFourthBirthday(LocalDate.of(2096, 2, 29), LocalDate.of(2100, 3, 1)));
        assertFalse(Ssda903Rules.onFourthBirthday(LocalDate.of(2096, 2, 29), LocalDate.of(2100, 2, 28)));
        assertFalse(Ssda903Rules.onFourthBirthday(LocalDate.of(2096, 2, 29), LocalDate.of(2100, 3, 2)));
        // A child born on 28 February or 1 March in a leap year is not affected by the leap day.
        assertTrue(Ssda903Rules.onFourthBirthday(LocalDate.of(2020, 3, 1), LocalDate.of(2024, 3, 1)));
        assertTrue(Ssda903Rules.onFourthBirthday(LocalDate.of(2020, 2, 28), LocalDate.of(2024, 2, 28)));
    }

    @Test
    void onTheFourthBirthdayPn1IsFine() {
        assertEquals(List.of(), check("C1234", "01/10/2021", "01/10/2025", "PN1"));
    }

    @Test
    void theDayBeforeTheFourthBirthdayPn0IsFine() {
        assertEquals(List.of(), check("C1234", "02/10/2021", "01/10/2025", "PN0"));
    }

    @Test
    void theDayBeforeTheFourthBirthdayPn1BreaksRule441() {
        RuleViolation violation = only(check("C1234", "02/10/2021", "01/10/2025", "PN1"));
        assertEquals("441", violation.rule());
        assertEquals("REVIEW_CODE", violation.column());
        assertEquals("The code is PN1, but the child was 3 on the review date 01/10/2025 (date of birth "
                + "02/10/2021), so the code must be PN0. Use PN0 for a child under 4, or correct the date of birth.",
                violation.message());
    }

    @ParameterizedTest
    @EnumSource(value = ParticipationMethod.class, names = "PN0", mode = EnumSource.Mode.EXCLUDE)
    void everyCodeButPn0BreaksRule441ForAChildUnderFour(ParticipationMethod code) {
        RuleViolation violation = only(check("C1234", "15/06/2023", "01/10/2025", code.name()));
        assertEquals("441", violation.rule());
        assertTrue(violation.message().startsWith("The code is " + code.name() + ", but the child was 2"),
                violation.message());
    }

    @Test
    void pn0ForATeenagerBreaksRule440AndSaysHowOldTheyWere() {
        RuleViolation violation = only(check("C1234", "15/06/2010", "01/10/2025", "PN0"));
        assertEquals("440", violation.rule());
        assertTrue(violation.message().contains("the child was 15 on the review date 01/10/2025"),
                violation.message());
    }

    @Test
    void aLeapDayChildIsUnderFourOn28February2024AndFourOn29February() {
        assertEquals(List.of(), check("C1234", "29/02/2020", "28/02/2024", "PN0"));
        assertEquals(List.of("441"), rules(check("C1234", "29/02/2020", "28/02/2024", "PN5")));
        assertEquals(List.of(), check("C1234", "29/02/2020", "29/02/2024", "PN5"));
        assertEquals(List.of(), check("C1234", "29/02/2020", "29/02/2024", "PN0"), "the fourth birthday: both are accepted");
        assertEquals(List.of("440"), rules(check("C1234", "29/02/2020", "01/03/2024", "PN0")));
    }

    // ---- 166: the review date ----

    @Test
    void aMissingReviewDateBreaksRule166() {
        RuleViolation violation = only(check("C1234", "15/06/2015", "", ""));
        assertEquals("166", violation.rule());
        assertEquals("REVIEW", violation.column());
        assertEquals("The review date is missing. Enter it as dd/mm/yyyy, for example 05/04/2025.",
                violation.message());
    }

    @Test
    void aNullReviewDateIsMissingToo() {
        assertEquals(List.of("166"), rules(check("C1234", "15/06/2015", null, null)));
    }

    @Test
    void thirtyFirstOfFebruaryIsNotARealDate() {
        RuleViolation violation = only(check("C1234", "15/06/2015", "31/02/2025", "PN1"));
        assertEquals("166", violation.rule());
        assertEquals("The review date '31/02/2025' is not a real date. Check the day and the month.",
                violation.message());
    }

    @Test
    void twentyNinthOfFebruaryIsRealOnlyInALeapYear() {
        assertEquals(List.of(), check("C1234", "15/06/2015", "29/02/2024", "PN1"));
        assertEquals(List.of("166"), rules(check("C1234", "15/06/2015", "29/02/2025", "PN1")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-10-01", "1/10/2025", "01/10/25", "01-10-2025", "01.10.2025", "1 October 2025",
            "01/10/2025 12:00", "00/10/2025", "01/13/2025", "32/01/2025", "１1/10/2025"})
    void aReviewDateNotWrittenAsARealDdMmYyyyDateBreaksRule166(String review) {
        RuleViolation violation = only(check("C1234", "15/06/2015", review, "PN1"));
        assertEquals("166", violation.rule());
        assertTrue(violation.message().contains("'" + review + "'"), violation.message());
    }

    @Test
    void theMessageForAWronglyWrittenDateShowsHowToWriteIt() {
        assertEquals("The review date '2025-10-01' is not written as dd/mm/yyyy. Write it like 05/04/2025.",
                only(check("C1234", "15/06/2015", "2025-10-01", "PN1")).message());
    }

    @Test
    void aDateWithSpacesAroundItSaysToRemoveThem() {
        assertEquals("The review date ' 01/10/2025' has spaces around it. Enter 01/10/2025 with no spaces.",
                only(check("C1234", "15/06/2015", " 01/10/2025", "PN1")).message());
    }

    // ---- 167: the participation code ----

    @Test
    void aReviewWithNoCodeBreaksRule167() {
        RuleViolation violation = only(check("C1234", "15/06/2015", "01/10/2025", ""));
        assertEquals("167", violation.rule());
        assertEquals("REVIEW_CODE", violation.column());
        assertEquals("The participation code is missing. Enter how the child took part in the review: PN0 to PN7.",
                violation.message());
    }

    @Test
    void aLowerCaseCodeBreaksRule167AndSaysToUseCapitals() {
        RuleViolation violation = only(check("C1234", "15/06/2015", "01/10/2025", "pn1"));
        assertEquals("167", violation.rule());
        assertEquals("The participation code 'pn1' is in lower case. Enter it in capital letters: PN1.",
                violation.message());
    }

    @Test
    void aPaddedCodeBreaksRule167AndSaysToRemoveTheSpaces() {
        RuleViolation violation = only(check("C1234", "15/06/2015", "01/10/2025", "PN1 "));
        assertEquals("167", violation.rule());
        assertEquals("The participation code 'PN1 ' has spaces around it. Enter PN1 with no spaces.",
                violation.message());
    }

    @ParameterizedTest
    @ValueSource(strings = {"PN8", "PN", "P1", "1", "child too young", "PN-1"})
    void anUnknownCodeBreaksRule167(String code) {
        RuleViolation violation = only(check("C1234", "15/06/2015", "01/10/2025", code));
        assertEquals("167", violation.rule());
        assertEquals("The participation code '" + code + "' is not one of PN0 to PN7. Enter the code for how the "
                + "child took part.", violation.message());
    }

    @Test
    void aCodeWithNoReviewDateBreaksBoth166And167() {
        List<RuleViolation> violations = check("C1234", "15/06/2015", "", "PN1");
        assertEquals(List.of("166", "167"), rules(violations));
        assertEquals("There is a participation code but no review date. Enter the review date, or remove the code "
                + "if there was no review.", violations.get(1).message());
    }

    @Test
    void theCodeIsStillCheckedWhenTheReviewDateIsPresentButWrong() {
        assertEquals(List.of("166", "167"), rules(check("C1234", "15/06/2015", "31/02/2025", "pn1")));
    }

    @Test
    void withNoUsableReviewDateTheAgeRulesCannotRun() {
        assertEquals(List.of("166"), rules(check("C1234", "15/06/2023", "31/02/2025", "PN1")));
    }

    // ---- DOB (local rule) ----

    @Test
    void aMissingDateOfBirthIsReported() {
        RuleViolation violation = only(check("C1234", "", "01/10/2025", "PN1"));
        assertEquals("DOB", violation.rule());
        assertEquals("DOB", violation.column());
        assertEquals("The date of birth is missing. Enter it as dd/mm/yyyy, for example 05/04/2015.",
                violation.message());
    }

    @Test
    void anImpossibleDateOfBirthIsReportedAndTheAgeRulesSkipped() {
        RuleViolation violation = only(check("C1234", "30/02/2020", "01/10/2025", "PN0"));
        assertEquals("DOB", violation.rule());
        assertEquals("The date of birth '30/02/2020' is not a real date. Check the day and the month.",
                violation.message());
    }

    @Test
    void aDateOfBirthAfterTheReviewIsReportedInsteadOfAnAgeRule() {
        RuleViolation violation = only(check("C1234", "02/10/2025", "01/10/2025", "PN0"));
        assertEquals("DOB", violation.rule());
        assertEquals("The date of birth 02/10/2025 is after the review date 01/10/2025. Check both dates.",
                violation.message());
    }

    // ---- FUTURE (local rule) ----

    @Test
    void aCodeForAReviewTomorrowIsInTheFuture() {
        RuleViolation violation = only(check("C1234", "15/06/2015", "21/11/2025", "PN1"));
        assertEquals("FUTURE", violation.rule());
        assertEquals("REVIEW", violation.column());
        assertEquals("The review date 21/11/2025 is in the future, so how the child took part cannot be known yet. "
                + "Record the participation code after the review, or correct the date.", violation.message());
    }

    @Test
    void anInvalidCodeForAFutureReviewIsStillACodeRecordedTooEarly() {
        assertEquals(List.of("FUTURE", "167"), rules(check("C1234", "15/06/2015", "21/11/2025", "PN9")));
    }

    @Test
    void theFutureIsJudgedAgainstTheTodayGivenNotTheClock() {
        Ssda903Rules.Row row = new Ssda903Rules.Row("C1234", "15/06/2015", "21/11/2025", "PN1");
        assertEquals(List.of(), Ssda903Rules.checkRow(row, LocalDate.of(2025, 11, 21)));
        assertEquals(List.of("FUTURE"), rules(Ssda903Rules.checkRow(row, LocalDate.of(2025, 11, 20))));
    }

    // ---- CHILD ----

    @Test
    void aMissingChildIdIsReported() {
        RuleViolation violation = only(check(" ", "15/06/2015", "01/10/2025", "PN1"));
        assertEquals("CHILD", violation.rule());
        assertEquals("CHILD", violation.column());
        assertEquals("The child ID is missing. Enter the child's ID from their case record.", violation.message());
    }

    @Test
    void aChildIdOfTwentyCharactersIsFineAndTwentyOneIsTooLong() {
        assertEquals(List.of(), check("A".repeat(20), "15/06/2015", "01/10/2025", "PN1"));
        RuleViolation violation = only(check("A".repeat(21), "15/06/2015", "01/10/2025", "PN1"));
        assertEquals("The child ID is 21 characters long. Check it: an ID can be at most 20 characters.",
                violation.message());
    }

    @Test
    void aChildIdMayUseLettersNumbersSlashUnderscoreAndHyphen() {
        assertEquals(List.of(), check("Ab/12_cd-9", "15/06/2015", "01/10/2025", "PN1"));
    }

    @Test
    void aChildIdWithOtherCharactersNamesThemWithoutRepeatingTheId() {
        RuleViolation violation = only(check("Jane Smith.", "15/06/2015", "01/10/2025", "PN1"));
        assertEquals("CHILD", violation.rule());
        assertEquals("The child ID contains characters that are not allowed ('.', space). Use only letters, "
                + "numbers, '/', '_' and '-'.", violation.message());
        assertFalse(violation.message().contains("Jane"), "a name typed as an ID must not be repeated");
    }

    @Test
    void invisibleCharactersInAChildIdAreCalledThat() {
        assertTrue(only(check("C12\t34", "15/06/2015", "01/10/2025", "PN1")).message()
                .contains("(an invisible character)"));
    }

    @Test
    void aLongChildIdWithBadCharactersGetsBothMessages() {
        assertEquals(List.of("CHILD", "CHILD"), rules(check("x".repeat(20) + "!", "15/06/2015", "01/10/2025", "PN1")));
    }

    // ---- the whole row ----

    @Test
    void everyProblemInARowIsReportedAtOnceInColumnOrder() {
        List<RuleViolation> violations = check("", "31/02/2015", "2025-10-01", "pn1");
        assertEquals(List.of("CHILD", "DOB", "166", "167"), rules(violations));
        assertEquals(List.of("CHILD", "DOB", "REVIEW", "REVIEW_CODE"),
                violations.stream().map(RuleViolation::column).toList());
    }

    @Test
    void aFutureReviewForAChildUnderFourWithTheWrongCodeGetsBothRules() {
        assertEquals(List.of("FUTURE", "441"), rules(check("C1234", "15/06/2024", "01/12/2025", "PN1")));
    }

    @Test
    void everyMessageIsASentenceThatSaysWhatToDo() {
        List<RuleViolation> all = new ArrayList<>();
        all.addAll(check("", "", "", "PN1"));
        all.addAll(check("a b", "2015", "31/02/2025", "pn1"));
        all.addAll(check("C1", "02/10/2025", "01/10/2025", "x"));
        all.addAll(check("C1", "15/06/2015", "01/12/2025", "PN0"));
        all.addAll(check("C1", "15/06/2024", "01/10/2025", "PN3"));
        all.addAll(check("C1", "15/06/2024", "01/10/2025", " PN0"));
        all.addAll(check("A".repeat(21), "15/06/2015", "01/10/2025", "Pn2"));
        assertEquals(List.of("CHILD", "DOB", "166", "167", "CHILD", "DOB", "166", "167", "DOB", "167", "FUTURE",
                "440", "441", "167", "CHILD", "167"), rules(all));
        assertAll(all.stream().map(v -> () -> {
            assertTrue(v.message().endsWith("."), v.message());
            assertTrue(Character.isUpperCase(v.message().charAt(0)), v.message());
            assertTrue(v.message().matches(".*\\b(Enter|Check|Choose|Use|Record|Write)\\b.*"),
                    "no action in: " + v.message());
        }));
    }

    @Test
    void theResultCannotBeChangedByTheCaller() {
        List<RuleViolation> violations = check("", "15/06/2015", "01/10/2025", "PN1");
        assertThrows(UnsupportedOperationException.class, violations::clear);
    }

    // ---- dates ----

    @Test
    void theDfeDateFormatIsStrictDdMmYyyy() {
        assertEquals(LocalDate.of(2024, 2, 29), LocalDate.parse("29/02/2024", Ssda903Rules.DFE_DATE));
        assertEquals("05/04/2025", Ssda903Rules.DFE_DATE.format(LocalDate.of(2025, 4, 5)));
        assertThrows(DateTimeParseException.class,
                () -> LocalDate.parse("31/04/2025", Ssda903Rules.DFE_DATE));
    }

    @Test
    void parseDateGivesNothingForBlankOrWrongText() {
        assertEquals(Optional.of(LocalDate.of(2025, 3, 31)), Ssda903Rules.parseDate("31/03/2025"));
        assertEquals(Optional.empty(), Ssda903Rules.parseDate(null));
        assertEquals(Optional.empty(), Ssda903Rules.parseDate(""));
        assertEquals(Optional.empty(), Ssda903Rules.parseDate("31/04/2025"));
        assertEquals(Optional.empty(), Ssda903Rules.parseDate("+2025/03/31"));
    }

    // ---- manual entry ----

    @Test
    void atEntryARightCodeHasNoProblems() {
        assertEquals(List.of(), Ssda903Rules.checkParticipation(LocalDate.of(2015, 6, 15), LocalDate.of(2025, 10, 1),
                ParticipationMethod.PN6, TODAY));
    }

    @Test
    void atEntryPn0OnTheFourthBirthdayBreaksRule440AsTheFormOffersOnlyPn1ToPn7() {
        assertEquals(List.of("440"), rules(Ssda903Rules.checkParticipation(LocalDate.of(2021, 10, 1),
                LocalDate.of(2025, 10, 1), ParticipationMethod.PN0, TODAY)));
        assertEquals(List.of("440"), rules(Ssda903Rules.checkParticipation(LocalDate.of(2021, 10, 1),
                LocalDate.of(2025, 10, 2), ParticipationMethod.PN0, TODAY)));
    }

    @Test
    void atEntryPn2TheDayBeforeTheFourthBirthdayBreaksRule441() {
        assertEquals(List.of("441"), rules(Ssda903Rules.checkParticipation(LocalDate.of(2021, 10, 2),
                LocalDate.of(2025, 10, 1), ParticipationMethod.PN2, TODAY)));
    }

    @Test
    void atEntryNoChosenCodeBreaksRule167ButNotTheFutureRule() {
        assertEquals(List.of("167"), rules(Ssda903Rules.checkParticipation(LocalDate.of(2015, 6, 15),
                LocalDate.of(2026, 1, 10), null, TODAY)));
    }

    @Test
    void atEntryACodeForAFutureReviewIsRefused() {
        assertEquals(List.of("FUTURE"), rules(Ssda903Rules.checkParticipation(LocalDate.of(2015, 6, 15),
                LocalDate.of(2025, 11, 21), ParticipationMethod.PN1, TODAY)));
    }

    @Test
    void atEntryABirthAfterTheReviewIsReportedWithoutGuessingAnAge() {
        assertEquals(List.of("DOB"), rules(Ssda903Rules.checkParticipation(LocalDate.of(2025, 10, 2),
                LocalDate.of(2025, 10, 1), ParticipationMethod.PN0, TODAY)));
    }

    @Test
    void atEntryTheSameRulesGiveTheSameMessagesAsImport() {
        assertEquals(check("C1", "02/10/2021", "01/10/2025", "PN4"),
                Ssda903Rules.checkParticipation(LocalDate.of(2021, 10, 2), LocalDate.of(2025, 10, 1),
                        ParticipationMethod.PN4, TODAY));
    }

    @Test
    void atEntryMissingDatesAreAProgrammingError() {
        assertThrows(NullPointerException.class,
                () -> Ssda903Rules.checkParticipation(null, TODAY, ParticipationMethod.PN1, TODAY));
        assertThrows(NullPointerException.class,
                () -> Ssda903Rules.checkParticipation(TODAY, TODAY, ParticipationMethod.PN1, null));
    }
}
