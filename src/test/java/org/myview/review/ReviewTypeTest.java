package org.myview.review;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReviewTypeTest {

    @Test
    void theFourReviewTypesAreThoseTheDatabaseAccepts() {
        // V1__core_domain.sql: review_type in ('CLA', 'CP_INITIAL', 'CP_REVIEW', 'CIN')
        assertEquals(List.of("CLA", "CP_INITIAL", "CP_REVIEW", "CIN"),
                Arrays.stream(ReviewType.values()).map(Enum::name).toList());
    }

    @Test
    void eachTypeHasAPlainEnglishLabel() {
        assertEquals("CLA review", ReviewType.CLA.label());
        assertEquals("Initial child protection conference", ReviewType.CP_INITIAL.label());
        assertEquals("Child protection review conference", ReviewType.CP_REVIEW.label());
        assertEquals("Child in need review", ReviewType.CIN.label());
    }

    @Test
    void bothConferencesAreChildProtectionAndNothingElseIs() {
        assertTrue(ReviewType.CP_INITIAL.isChildProtection());
        assertTrue(ReviewType.CP_REVIEW.isChildProtection());
        assertFalse(ReviewType.CLA.isChildProtection());
        assertFalse(ReviewType.CIN.isChildProtection());
    }

    @Test
    void everyTypeParsesFromItsOwnName() {
        for (ReviewType type : ReviewType.values()) {
            assertEquals(Optional.of(type), ReviewType.parse(type.name()));
        }
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"cla", "Cla", " CLA", "CLA ", "CP", "CP-INITIAL", "cp_review", "CIN1", "LAC",
            "CLA review"})
    void anythingButTheExactUpperCaseNameIsRefused(String text) {
        assertEquals(Optional.empty(), ReviewType.parse(text));
    }
}
