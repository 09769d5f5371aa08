package org.myview.participation;

import org.junit.jupiter.api.Test;
import org.myview.web.FormFields;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.myview.web.FormResult;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** "Set a target": a measure, which reviews, a target and optional baseline and tolerance. */
class TargetFormTest {

    private static List<String> keys(FormResult<?> result) {
        return result.errors().all().stream().map(e -> e.field() + ":" + e.key()).toList();
    }

    @Test
    void aTargetWithEveryFieldIsReadyToSave() {
        FormResult<TargetForm.Target> result = FormFields.clean(new TargetForm("ATTENDED", "ALL_CP", "10.2", "25", "2")).check();
        assertTrue(result.isValid());
        assertEquals(new TargetForm.Target(Measure.ATTENDED, ReviewTypeFilter.ALL_CP, new BigDecimal("10.2"), new BigDecimal("25"),
                new BigDecimal("2")), result.value());
    }

    @Test
    void noBaselineIsNoneAndNoToleranceIsZero() {
        TargetForm.Target target = FormFields.clean(new TargetForm("PARTICIPATED", "CLA", "", "80", "  ")).check().value();
        assertNull(target.baseline());
        assertEquals(BigDecimal.ZERO, target.tolerance());
    }

    @Test
    void aPercentSignAndSpacesAreAllowedInANumber() {
        TargetForm.Target target = FormFields.clean(new TargetForm("PARTICIPATED", "CLA", " 10 % ", "80%", "5 %")).check().value();
        assertEquals(new BigDecimal("10"), target.baseline());
        assertEquals(new BigDecimal("80"), target.target());
        assertEquals(new BigDecimal("5"), target.tolerance());
    }

    @Test
    void nothingChosenIsTheMeasureTheReviewsAndTheTargetInPageOrder() {
        assertEquals(List.of("measure:participation.targets.error.measure", "reviewTypes:participation.targets.error.types",
                "target:participation.targets.error.target"), keys(FormFields.clean(new TargetForm(null, null, null, null, null)).check()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"attended", "ATTENDED ALL", "NOPE"})
    void aMeasureNotOnTheListIsExplained(String measure) {
        assertEquals(List.of("measure:participation.targets.error.measure"), keys(FormFields.clean(new TargetForm(measure, "CLA", "", "25", "")).check()));
    }

    @Test
    void everyMeasureAndEveryChoiceOfReviewsIsAccepted() {
        for (Measure measure : Measure.values()) {
            for (ReviewTypeFilter types : ReviewTypeFilter.values()) {
                assertTrue(FormFields.clean(new TargetForm(measure.name(), types.name(), "", "25", "")).check().isValid(), measure + " " + types);
            }
        }
    }

    @Test
    void reviewsNotOnTheListAreExplained() {
        assertEquals(List.of("reviewTypes:participation.targets.error.types"), keys(FormFields.clean(new TargetForm("ATTENDED", "cla", "", "25", "")).check()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "100000.01", "1e9", "ten", "25,5", "%", "0x10", "NaN"})
    void aNumberThatIsNotFrom0To100000IsExplainedOnItsOwnField(String number) {
        assertEquals(List.of("baseline:participation.targets.error.baseline"), keys(FormFields.clean(new TargetForm("ATTENDED", "CLA", number, "25", "")).check()));
        assertEquals(List.of("target:participation.targets.error.target"), keys(FormFields.clean(new TargetForm("ATTENDED", "CLA", "", number, "")).check()));
        assertEquals(List.of("tolerance:participation.targets.error.tolerance"), keys(FormFields.clean(new TargetForm("ATTENDED", "CLA", "", "25", number)).check()));
    }

    @Test
    void zeroAndOneHundredThousandAreTheEdges() {
        assertTrue(FormFields.clean(new TargetForm("ATTENDED", "CLA", "0", "100000", "0.0")).check().isValid());
        assertEquals(new BigDecimal("100000.00"), FormFields.clean(new TargetForm("ATTENDED", "CLA", "", "100000.00", "")).check().value().target());
    }

    @Test
    void theEmptyFormHasNothingChosen() {
        TargetForm empty = TargetForm.empty();
        assertEquals(FormFields.clean(new TargetForm(null, null, null, null, null)), empty);
        assertEquals("", empty.measure());
    }
}
