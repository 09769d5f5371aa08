package org.myview.review;

import org.junit.jupiter.api.Test;
import org.myview.web.FormFields;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.myview.web.FormErrors;
import org.myview.web.FormResult;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** "Add a child to an officer's caseload": a known child and an active reviewing officer. */
class CaseloadFormTest {

    private static final Optional<Long> CHILD = Optional.of(41L);
    private static final Optional<Long> OFFICER = Optional.of(7L);

    private static List<String> keys(FormResult<?> result) {
        return result.errors().all().stream().map(e -> e.field() + ":" + e.key()).toList();
    }

    @Test
    void aKnownChildAndAnActiveOfficerAreAssigned() {
        FormResult<CaseloadForm.Assignment> result = FormFields.clean(new CaseloadForm("CASE/001", "iro.one")).check(CHILD, OFFICER);
        assertTrue(result.isValid());
        assertEquals(new CaseloadForm.Assignment(41, 7), result.value());
    }

    @Test
    void spacesAroundTheFieldsAreDropped() {
        CaseloadForm form = FormFields.clean(new CaseloadForm("  CASE-1 \t", " iro.one "));
        assertEquals("CASE-1", form.caseReference());
        assertEquals("iro.one", form.officer());
    }

    @Test
    void missingFieldsAreEmptyNotNull() {
        CaseloadForm form = FormFields.clean(new CaseloadForm(null, null));
        assertEquals("", form.caseReference());
        assertEquals("", form.officer());
        assertEquals(List.of("caseReference:review.new.error.referenceMissing", "officer:review.new.error.officer"),
                keys(form.check(Optional.empty(), Optional.empty())));
    }

    @ParameterizedTest
    @ValueSource(strings = {"CASE 1", "CASE.1", "<script>", "ABCDEFGHIJKLMNOPQRSTU", "caſe", "C;1", "'1"})
    void aReferenceThatIsNotLettersNumbersSlashUnderscoreOrHyphenUpTo20IsExplained(String reference) {
        assertEquals(List.of("caseReference:review.new.error.referenceFormat"),
                keys(FormFields.clean(new CaseloadForm(reference, "iro.one")).check(Optional.empty(), OFFICER)));
    }

    @Test
    void twentyCharactersIsTheLongestReference() {
        assertTrue(FormFields.clean(new CaseloadForm("A".repeat(20), "iro.one")).check(CHILD, OFFICER).isValid());
        assertFalse(FormFields.clean(new CaseloadForm("A".repeat(21), "iro.one")).check(CHILD, OFFICER).isValid());
    }

    @Test
    void aWellFormedReferenceMyViewDoesNotKnowIsSaidSo() {
        FormResult<CaseloadForm.Assignment> result = FormFields.clean(new CaseloadForm("NOBODY1", "iro.one")).check(Optional.empty(), OFFICER);
        assertEquals(List.of("caseReference:review.caseload.error.unknown"), keys(result));
        assertNull(result.value());
    }

    @Test
    void anIllFormedReferenceIsReportedAsSuchEvenIfSomethingWasFound() {
        assertEquals(List.of("caseReference:review.new.error.referenceFormat"),
                keys(FormFields.clean(new CaseloadForm("BAD REF", "iro.one")).check(CHILD, OFFICER)));
    }

    @Test
    void anOfficerWhoIsNotAnActiveReviewingOfficerIsTheSameErrorAsNone() {
        assertEquals(List.of("officer:review.new.error.officer"), keys(FormFields.clean(new CaseloadForm("CASE1", "forum.lead")).check(CHILD, Optional.empty())));
        assertEquals(List.of("officer:review.new.error.officer"), keys(FormFields.clean(new CaseloadForm("CASE1", "")).check(CHILD, OFFICER)),
                "nothing chosen is an error whatever was found");
    }

    @Test
    void bothErrorsAreShownTogetherInPageOrder() {
        assertEquals(List.of("caseReference:review.caseload.error.unknown", "officer:review.new.error.officer"),
                keys(FormFields.clean(new CaseloadForm("CASE1", "nobody")).check(Optional.empty(), Optional.empty())));
    }

    @Test
    void theReferenceRuleSharedWithAddAReviewAddsAtMostOneError() {
        FormErrors errors = new FormErrors();
        assertFalse(CaseloadForm.referenceWellFormed("", errors));
        assertEquals(1, errors.all().size());
        FormErrors fine = new FormErrors();
        assertTrue(CaseloadForm.referenceWellFormed("AB/12_c-3", fine));
        assertTrue(fine.isEmpty());
    }
}
