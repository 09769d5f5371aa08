package org.myview.extract;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The extract's row rules, without a database. */
class ExtractRowsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 1, 15);
    private static final Map<String, Long> OFFICERS = Map.of("j.okafor", 7L);

    private static ExtractRows.Raw row(int line, String... pairs) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            values.put(pairs[i], pairs[i + 1]);
        }
        return new ExtractRows.Raw(line, null, values);
    }

    private static List<ExtractImport.ExtractError> check(List<ExtractRows.Raw> rows, List<ExtractImport.ExtractError> errors) {
        ExtractRows.parse(rows, OFFICERS, TODAY, key -> key, errors);
        return errors;
    }

    @Test
    void bothDateFormsAreReadAndAnImpossibleDateIsNamed() {
        List<ExtractImport.ExtractError> errors = new ArrayList<>();
        assertEquals(LocalDate.of(2024, 2, 29), ExtractRows.date(row(2, "DOB", "29/02/2024"), "DOB", errors).orElseThrow());
        assertEquals(LocalDate.of(2024, 2, 29), ExtractRows.date(row(2, "DOB", "2024-02-29"), "DOB", errors).orElseThrow());
        assertTrue(ExtractRows.date(row(3, "DOB", "29/02/2025"), "DOB", errors).isEmpty(), "2025 has no 29 February");
        assertEquals(1, errors.size());
        assertEquals(3, errors.get(0).line());
        assertEquals("DOB", errors.get(0).column());
    }

    @Test
    void aGoodChildAndReviewAreTypedWithTheChildsOfficerOnTheReview() {
        List<ExtractImport.ExtractError> errors = new ArrayList<>();
        ExtractRows.Parsed parsed = ExtractRows.parse(List.of(
                row(2, "RECORD", "child", "CASE_REFERENCE", "C1", "FIRST_NAME", "Amira", "DOB", "14/03/2012", "LANGUAGE", "AR",
                        "REVIEWING_OFFICER", "J.Okafor"),
                row(3, "RECORD", "REVIEW", "CASE_REFERENCE", "c1", "REVIEW_ID", "MTG-1", "REVIEW_TYPE", "cla", "REVIEW_DATE", "2026-02-20")),
                OFFICERS, TODAY, key -> key, errors);

        assertEquals(List.of(), errors);
        assertEquals("ar", parsed.children().get(0).language());
        assertEquals(7L, parsed.children().get(0).officerId());
        assertEquals(7L, parsed.reviews().get(0).officerId());
        assertEquals("C1", parsed.reviews().get(0).caseReference(), "the child's reference as its CHILD row gives it");
    }

    @Test
    void aChildBornTomorrowAReviewBeforeBirthAndAnUnknownOfficerAreEachNamed() {
        List<ExtractImport.ExtractError> errors = check(List.of(
                row(2, "RECORD", "CHILD", "CASE_REFERENCE", "C2", "FIRST_NAME", "Jo", "DOB", "2026-01-16", "REVIEWING_OFFICER", "nobody"),
                row(3, "RECORD", "CHILD", "CASE_REFERENCE", "C3", "FIRST_NAME", "Sam", "DOB", "2026-01-15"),
                row(4, "RECORD", "REVIEW", "CASE_REFERENCE", "C3", "REVIEW_ID", "R1", "REVIEW_TYPE", "CLA", "REVIEW_DATE", "2026-01-14")),
                new ArrayList<>());

        assertEquals(List.of("2 DOB", "2 REVIEWING_OFFICER", "4 REVIEW_DATE"),
                errors.stream().map(e -> e.line() + " " + e.column()).sorted().toList());
    }

    @Test
    void parentRowsOfOnePlanMustAgreeAndUseThePlanRules() {
        List<ExtractImport.ExtractError> errors = check(List.of(
                row(2, "RECORD", "PARENT", "PLAN_REFERENCE", "P1", "PLAN_TYPE", "cp", "PLAN_START", "01/09/2025", "CASE_REFERENCE", "C1;C2",
                        "CONTACT_NAME", "Kasia", "CONTACT_EMAIL", "kasia@example.com"),
                row(3, "RECORD", "PARENT", "PLAN_REFERENCE", "P1", "PLAN_TYPE", "CIN", "PLAN_START", "01/09/2025", "CASE_REFERENCE", "C1",
                        "CONTACT_NAME", "Tom", "CONTACT_MOBILE", "07700 900 982"),
                row(4, "RECORD", "PARENT", "PLAN_REFERENCE", "P2", "PLAN_TYPE", "CIN", "PLAN_START", "01/09/2025", "CASE_REFERENCE", "C1",
                        "CONTACT_NAME", "Ann")),
                new ArrayList<>());

        assertEquals(List.of("3 PLAN_REFERENCE", "4 CONTACT_EMAIL"), errors.stream().map(e -> e.line() + " " + e.column()).sorted().toList());
        assertEquals("parent.plan.error.contactMissing", errors.stream().filter(e -> e.line() == 4).findFirst().orElseThrow().message(),
                "the parent feature's own message");
    }
}
