package org.myview.review;

import org.junit.jupiter.api.Test;
import org.myview.web.FormFields;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.myview.staff.Role;
import org.myview.staff.StaffUser;
import org.myview.web.FormResult;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** "Add a review": a new child for the manager, a child of their caseload for an officer, and the dates. */
class ScheduleFormTest {

    private static final Child KNOWN = new Child(5, "KNOWN1", "Bramble", LocalDate.of(2015, 4, 3));
    private static final Optional<Long> OFFICER = Optional.of(9L);

    private static ScheduleForm form(String reference, String firstName, String dob, String type, String date, String officer) {
        String[] d = dob.isEmpty() ? new String[]{"", "", ""} : dob.split("/", -1);
        String[] r = date.isEmpty() ? new String[]{"", "", ""} : date.split("/", -1);
        return FormFields.clean(new ScheduleForm(reference, firstName, d[0], d[1], d[2], type, r[0], r[1], r[2], officer));
    }

    private static List<String> keys(FormResult<?> result) {
        return result.errors().all().stream().map(e -> e.field() + ":" + e.key()).toList();
    }

    @Test
    void theManagerAddsAReviewForANewChild() {
        FormResult<ScheduleForm.NewReview> result = form("NEW001", "Tansy", "3/4/2015", "CLA", "20/3/2026", "iro.one")
                .check(Optional.empty(), true, OFFICER);
        assertTrue(result.isValid(), () -> keys(result).toString());
        ScheduleForm.NewReview review = result.value();
        assertEquals(Optional.empty(), review.known());
        assertEquals("NEW001", review.caseReference());
        assertEquals("Tansy", review.firstName());
        assertEquals(LocalDate.of(2015, 4, 3), review.dateOfBirth());
        assertEquals(ReviewType.CLA, review.type());
        assertEquals(LocalDate.of(2026, 3, 20), review.date());
        assertEquals(9L, review.officerId());
    }

    @Test
    void aNewChildNeedsAFirstNameAndADateOfBirth() {
        assertEquals(List.of("firstName:review.new.error.firstNameMissing", "dob-day:review.new.error.dob"),
                keys(form("NEW001", "", "", "CLA", "20/3/2026", "iro.one").check(Optional.empty(), true, OFFICER)));
    }

    @Test
    void aKnownChildNeedsNeitherNameNorDateOfBirth() {
        FormResult<ScheduleForm.NewReview> result = form("KNOWN1", "", "", "CP_REVIEW", "20/9/2026", "").check(Optional.of(KNOWN), false, OFFICER);
        assertTrue(result.isValid(), () -> keys(result).toString());
        assertEquals(Optional.of(KNOWN), result.value().known());
        assertNull(result.value().dateOfBirth());
        assertEquals(ReviewType.CP_REVIEW, result.value().type());
    }

    @Test
    void aDateOfBirthGivenForAKnownChildMustBeTheOneMyViewHolds() {
        assertEquals(List.of("dob-day:review.new.error.dobContradicts"),
                keys(form("KNOWN1", "", "4/4/2015", "CLA", "20/12/2026", "").check(Optional.of(KNOWN), false, OFFICER)));
        assertTrue(form("KNOWN1", "", "3/4/2015", "CLA", "20/12/2026", "").check(Optional.of(KNOWN), false, OFFICER).isValid());
        assertEquals(List.of("dob-day:review.new.error.dob"),
                keys(form("KNOWN1", "", "31/2/2015", "CLA", "20/12/2026", "").check(Optional.of(KNOWN), false, OFFICER)),
                "a part-typed date of birth for a known child is still checked");
    }

    @Test
    void anOfficerGetsTheSameAnswerForAnotherOfficersChildAndAnUnknownOneWithoutTheDateOfBirthBeingRead() {
        List<String> expected = List.of("caseReference:review.new.error.notInCaseload");
        assertEquals(expected, keys(form("NEW002", "Tansy", "3/4/2015", "CLA", "20/3/2026", "").check(Optional.empty(), false, OFFICER)));
        assertEquals(expected, keys(form("NEW002", "", "99/99/1", "CLA", "20/3/2026", "").check(Optional.empty(), false, OFFICER)),
                "no name needed and a nonsense date of birth not read: nothing tells whether the child exists");
    }

    @Test
    void theManagerMustChooseAnActiveReviewingOfficer() {
        assertEquals(List.of("officer:review.new.error.officer"),
                keys(form("KNOWN1", "", "", "CLA", "20/3/2026", "nobody").check(Optional.of(KNOWN), true, Optional.empty())));
    }

    @Test
    void aFirstNameOf100CharactersIsTheLongest() {
        assertTrue(form("NEW001", "a".repeat(100), "3/4/2015", "CLA", "20/3/2026", "iro.one").check(Optional.empty(), true, OFFICER).isValid());
        assertEquals(List.of("firstName:review.new.error.firstNameTooLong"),
                keys(form("NEW001", "a".repeat(101), "3/4/2015", "CLA", "20/3/2026", "iro.one").check(Optional.empty(), true, OFFICER)));
    }

    @ParameterizedTest
    @CsvSource({"'', review.new.error.referenceMissing", "'NEW 001', review.new.error.referenceFormat",
            "ABCDEFGHIJKLMNOPQRSTU, review.new.error.referenceFormat"})
    void aMissingOrIllFormedReferenceIsExplainedAndNotLookedUp(String reference, String key) {
        List<String> errors = keys(form(reference, "Tansy", "3/4/2015", "CLA", "20/3/2026", "").check(Optional.of(KNOWN), false, OFFICER));
        assertEquals(List.of("caseReference:" + key), errors, "whatever was found for it, a wrong reference is only that");
    }

    @ParameterizedTest
    @CsvSource({"'', review.new.error.type", "cla, review.new.error.type", "ADOPTION, review.new.error.type"})
    void theTypeMustBeOneOfTheChoices(String type, String key) {
        assertEquals(List.of("type:" + key), keys(form("KNOWN1", "", "", type, "20/3/2026", "").check(Optional.of(KNOWN), false, OFFICER)));
    }

    @ParameterizedTest
    @CsvSource({"31/2/2026", "29/2/2025", "0/1/2026", "1/13/2026", "1/1/1899", "1/1/2101", "a/1/2026", "//", "1/1/"})
    void aReviewDateThatIsNotARealDateFrom1900To2100IsExplained(String date) {
        assertEquals(List.of("date-day:review.new.error.date"),
                keys(form("KNOWN1", "", "", "CLA", date, "").check(Optional.of(KNOWN), false, OFFICER)));
    }

    @Test
    void theYearsAtTheEdgesAndALeapDayAreReal() {
        assertEquals(LocalDate.of(1900, 1, 1), ScheduleForm.date("1", "1", "1900"));
        assertEquals(LocalDate.of(2100, 12, 31), ScheduleForm.date("31", "12", "2100"));
        assertEquals(LocalDate.of(2028, 2, 29), ScheduleForm.date("29", "2", "2028"));
        assertEquals(LocalDate.of(2026, 3, 5), ScheduleForm.date("05", "03", "2026"), "leading zeros as people type them");
        assertNull(ScheduleForm.date("", "", ""));
    }

    @Test
    void theReviewCannotBeBeforeTheChildWasBornButOnTheDayOfBirthItCan() {
        assertEquals(List.of("date-day:review.new.error.dateBeforeBirth"),
                keys(form("KNOWN1", "", "", "CLA", "2/4/2015", "").check(Optional.of(KNOWN), false, OFFICER)));
        assertTrue(form("KNOWN1", "", "", "CLA", "3/4/2015", "").check(Optional.of(KNOWN), false, OFFICER).isValid());
        assertEquals(List.of("date-day:review.new.error.dateBeforeBirth"),
                keys(form("NEW001", "Tansy", "3/4/2015", "CLA", "1/4/2015", "iro.one").check(Optional.empty(), true, OFFICER)),
                "a new child's typed date of birth counts too");
    }

    @Test
    void everyProblemIsReportedInPageOrder() {
        assertEquals(List.of("caseReference:review.new.error.referenceMissing", "firstName:review.new.error.firstNameMissing",
                        "dob-day:review.new.error.dob", "type:review.new.error.type", "date-day:review.new.error.date",
                        "officer:review.new.error.officer"),
                keys(FormFields.clean(new ScheduleForm(null, null, null, null, null, null, null, null, null, null)).check(Optional.empty(), true, Optional.empty())));
    }

    @Test
    void theEmptyFormIsACareReviewWithTheOfficerThemselvesOrNoOneForTheManager() {
        StaffUser officer = new StaffUser(9, "iro.one", "Iro One", Set.of(Role.REVIEWING_OFFICER), null);
        StaffUser manager = new StaffUser(2, "manager", "Manager", Set.of(Role.SERVICE_MANAGER), null);
        assertEquals("CLA", ScheduleForm.start(officer).type());
        assertEquals("iro.one", ScheduleForm.start(officer).officer());
        assertEquals("", ScheduleForm.start(manager).officer());
        assertEquals("", ScheduleForm.start(manager).dateDay());
    }

    @Test
    void spacesAndControlCharactersAreDroppedFromWhatWasTyped() {
        ScheduleForm form = FormFields.clean(new ScheduleForm(" NEW001 ", " Tan\u0000sy ", " 3", "4 ", " 2015 ", " CLA ", "20", "3", "2026", " iro.one "));
        assertEquals("NEW001", form.caseReference());
        assertEquals("Tansy", form.firstName());
        assertTrue(form.check(Optional.empty(), true, OFFICER).isValid());
    }
}
