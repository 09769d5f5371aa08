package org.myview.parent;

import org.junit.jupiter.api.Test;
import org.myview.web.FormFields;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.myview.web.FormResult;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** "Add a plan": the plan, its children and one parent with a way to reach them, as the lead types it. */
class PlanFormTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 20);

    private static List<String> keys(FormResult<?> result) {
        return result.errors().all().stream().map(e -> e.field() + ":" + e.key()).toList();
    }

    private static PlanForm form(String reference, String type, String start, String end, String children, String name, String email,
                                 String mobile, String language) {
        return FormFields.clean(new PlanForm(reference, type, start, end, children, name, email, mobile, language));
    }

    private static PlanForm valid() {
        return form("cp/2026-1", "CP", "1/3/2026", "", "child1, CHILD2; child1", "Sam Parent", "sam@example.org", "", "");
    }

    @Test
    void aPlanWithOneParentIsReadyToSave() {
        FormResult<PlanEntry.Checked> result = valid().check(TODAY);
        assertTrue(result.isValid(), () -> keys(result).toString());
        PlanEntry.Checked plan = result.value();
        assertEquals("CP/2026-1", plan.planReference());
        assertEquals(PlanType.CP, plan.type());
        assertEquals(LocalDate.of(2026, 3, 1), plan.start());
        assertNull(plan.end());
        assertEquals(List.of("CHILD1", "CHILD2"), plan.children(), "upper case, each child once");
        assertEquals("Sam Parent", plan.parentName());
        assertEquals("sam@example.org", plan.email());
        assertNull(plan.mobile());
        assertEquals("en", plan.language(), "English when no language is typed");
    }

    @Test
    void aMobileAloneIsEnoughAndIsKeptInOneForm() {
        FormResult<PlanEntry.Checked> result = form("P1", "cp", "2026-03-01", "31/3/2026", "C1", "Sam", "", "+44 7700 900123", "CY").check(TODAY);
        assertTrue(result.isValid(), () -> keys(result).toString());
        assertEquals("07700900123", result.value().mobile());
        assertNull(result.value().email());
        assertEquals("cy", result.value().language());
        assertEquals(LocalDate.of(2026, 3, 31), result.value().end());
    }

    @Test
    void theEmptyFormHasEveryProblemInPageOrder() {
        assertEquals(List.of("planReference:parent.plan.error.referenceMissing", "planType:parent.plan.error.type",
                        "startDate:parent.plan.error.startMissing", "childReferences:parent.plan.error.childrenMissing",
                        "parentName:parent.plan.error.nameMissing", "email:parent.plan.error.contactMissing"),
                keys(PlanForm.empty().check(TODAY)));
        assertEquals(keys(PlanForm.empty().check(TODAY)),
                keys(FormFields.clean(new PlanForm(null, null, null, null, null, null, null, null, null)).check(TODAY)), "a missing field is a blank one");
    }

    @ParameterizedTest
    @CsvSource({"'CP 1', referenceFormat", "CP*1, referenceFormat", "ABCDEFGHIJKLMNOPQRSTUVWXYZ12345, referenceFormat",
            "'  ', referenceMissing"})
    void theReferenceMustBeUpTo30LettersDigitsOrSlashDashUnderscore(String reference, String key) {
        assertEquals(List.of("planReference:parent.plan.error." + key),
                keys(form(reference, "CP", "1/3/2026", "", "C1", "Sam", "sam@example.org", "", "").check(TODAY)));
        assertTrue(form("A".repeat(30), "CP", "1/3/2026", "", "C1", "Sam", "sam@example.org", "", "").check(TODAY).isValid());
    }

    @ParameterizedTest
    @CsvSource({"''", "XX", "C P"})
    void theTypeMustBeOneOfTheChoices(String type) {
        assertEquals(List.of("planType:parent.plan.error.type"),
                keys(form("P1", type, "1/3/2026", "", "C1", "Sam", "sam@example.org", "", "").check(TODAY)));
    }

    @ParameterizedTest
    @CsvSource({"31/2/2026, startDate:parent.plan.error.dateFormat", "2026-02-30, startDate:parent.plan.error.dateFormat",
            "1/3/26x, startDate:parent.plan.error.dateFormat", "21/3/2026, startDate:parent.plan.error.startFuture"})
    void theStartMustBeARealDateNotInTheFuture(String start, String error) {
        assertEquals(List.of(error), keys(form("P1", "CP", start, "", "C1", "Sam", "sam@example.org", "", "").check(TODAY)));
        assertTrue(form("P1", "CP", "20/3/2026", "", "C1", "Sam", "sam@example.org", "", "").check(TODAY).isValid(), "today is allowed");
    }

    @ParameterizedTest
    @CsvSource({"29/2/2026, endDate:parent.plan.error.dateFormat", "28/2/2026, endDate:parent.plan.error.endBeforeStart"})
    void theEndMayBeLeftOutButNotWrongOrBeforeTheStart(String end, String error) {
        assertEquals(List.of(error), keys(form("P1", "CP", "1/3/2026", end, "C1", "Sam", "sam@example.org", "", "").check(TODAY)));
    }

    @Test
    void childReferencesAreCheckedLikeThePlanReference() {
        assertEquals(List.of("childReferences:parent.plan.error.childFormat"),
                keys(form("P1", "CP", "1/3/2026", "", "C1, C*2", "Sam", "sam@example.org", "", "").check(TODAY)));
        assertEquals(List.of("childReferences:parent.plan.error.childrenMissing"),
                keys(form("P1", "CP", "1/3/2026", "", " ,; ", "Sam", "sam@example.org", "", "").check(TODAY)));
    }

    @Test
    void aParentNameOf60CharactersIsTheLongest() {
        assertTrue(form("P1", "CP", "1/3/2026", "", "C1", "a".repeat(60), "sam@example.org", "", "").check(TODAY).isValid());
        assertEquals(List.of("parentName:parent.plan.error.nameLong"),
                keys(form("P1", "CP", "1/3/2026", "", "C1", "a".repeat(61), "sam@example.org", "", "").check(TODAY)));
    }

    @Test
    void aWrongEmailOrMobileIsExplained() {
        assertEquals(List.of("email:parent.plan.error.email", "mobile:parent.plan.error.mobile"),
                keys(form("P1", "CP", "1/3/2026", "", "C1", "Sam", "not-an-address", "01234 567890", "").check(TODAY)));
    }

    @ParameterizedTest
    @CsvSource({"e", "engl", "e1", "'en gb'"})
    void theLanguageIsATwoOrThreeLetterCode(String language) {
        assertEquals(List.of("language:parent.plan.error.language"),
                keys(form("P1", "CP", "1/3/2026", "", "C1", "Sam", "sam@example.org", "", language).check(TODAY)));
    }

    @Test
    void spacesAndControlCharactersAreDroppedFromWhatWasTyped() {
        PlanForm form = form(" P1 ", " CP ", " 1/3/2026 ", " ", " C1 ", " Sam\u0000 Parent ", " sam@example.org ", " ", " en ");
        assertEquals("P1", form.planReference());
        assertEquals("Sam Parent", form.parentName());
        assertEquals("", form.mobile());
        FormResult<PlanEntry.Checked> result = form.check(TODAY);
        assertTrue(result.isValid(), () -> keys(result).toString());
        assertEquals("Sam Parent", result.value().parentName());
    }

    @Test
    void theEmptyFormIsInEnglish() {
        assertEquals("en", PlanForm.empty().language());
        assertEquals("", PlanForm.empty().planReference());
    }
}
