package org.myview.review;

import org.junit.jupiter.api.Test;
import org.myview.web.CsvReader;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The SSDA903 file's header and rows, read and checked one at a time, without a database. */
class Ssda903ImportRowsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 6);
    private static final Map<String, Long> OFFICERS = Map.of("iro.one", 7L);

    private final List<Ssda903Import.ImportError> errors = new ArrayList<>();

    private static CsvReader.Record record(int line, String... fields) {
        return new CsvReader.Record(line, List.of(fields));
    }

    private Map<String, Integer> header(String... names) {
        return Ssda903ImportRows.header(record(1, names), errors);
    }

    @Test
    void theFourRequiredColumnsInAnyOrderAndAnyCaseAreAHeader() {
        Map<String, Integer> columns = header("review_code", " Review ", "DOB", "child");

        assertTrue(errors.isEmpty(), errors.toString());
        assertEquals(Map.of("REVIEW_CODE", 0, "REVIEW", 1, "DOB", 2, "CHILD", 3), columns);
    }

    @Test
    void anUnknownColumnIsNamedAndTheKnownOnesListed() {
        header("CHILD", "DOB", "REVIEW", "REVIEW_CODE", "NOTES");

        assertEquals(1, errors.size());
        assertEquals("NOTES", errors.get(0).column());
        assertEquals("HEADER", errors.get(0).rule());
        assertTrue(errors.get(0).message().contains("REVIEWING_OFFICER"), errors.get(0).message());
    }

    @Test
    void aColumnTwiceAndAMissingColumnAreBothReportedOnLineOne() {
        header("CHILD", "CHILD", "DOB", "REVIEW");

        assertEquals(List.of("CHILD", "REVIEW_CODE"), errors.stream().map(Ssda903Import.ImportError::column).toList());
        assertTrue(errors.stream().allMatch(e -> e.line() == 1));
        assertTrue(errors.get(0).message().contains("twice"), errors.get(0).message());
        assertTrue(errors.get(1).message().contains("missing"), errors.get(1).message());
    }

    @Test
    void aGoodRowIsTypedWithClaAndNoOfficerWhenThoseColumnsAreAbsent() {
        Map<String, Integer> columns = header("CHILD", "DOB", "REVIEW", "REVIEW_CODE");

        Optional<Ssda903ImportRows.Row> row = Ssda903ImportRows.parse(record(2, "C1", "01/02/2015", "03/11/2026", "PN1"),
                columns, OFFICERS, TODAY, errors);

        assertTrue(errors.isEmpty(), errors.toString());
        Ssda903ImportRows.Row r = row.orElseThrow();
        assertEquals(LocalDate.of(2015, 2, 1), r.dob());
        assertEquals(LocalDate.of(2026, 11, 3), r.reviewDate());
        assertEquals(ReviewType.CLA, r.type());
        assertNull(r.officerId());
        assertEquals(ParticipationMethod.PN1, r.code());
        assertEquals("C1|CLA|2026-11-03", r.reviewKey());
    }

    @Test
    void theReviewKeyIgnoresTheCaseOfTheChildReference() {
        Map<String, Integer> columns = header("CHILD", "DOB", "REVIEW", "REVIEW_CODE");

        String lower = Ssda903ImportRows.parse(record(2, "c1", "01/02/2015", "03/11/2026", "PN1"), columns, OFFICERS, TODAY, errors)
                .orElseThrow().reviewKey();
        String upper = Ssda903ImportRows.parse(record(3, "C1", "01/02/2015", "03/11/2026", "PN2"), columns, OFFICERS, TODAY, errors)
                .orElseThrow().reviewKey();

        assertEquals(upper, lower);
    }

    @Test
    void aScheduledReviewMayHaveNoCodeButAHeldOneMayNot() {
        Map<String, Integer> columns = header("CHILD", "DOB", "REVIEW", "REVIEW_CODE");

        Optional<Ssda903ImportRows.Row> upcoming = Ssda903ImportRows.parse(record(2, "C1", "01/02/2015", "06/01/2027", ""),
                columns, OFFICERS, TODAY, errors);
        assertTrue(upcoming.isPresent(), errors.toString());
        assertNull(upcoming.get().code());

        Optional<Ssda903ImportRows.Row> held = Ssda903ImportRows.parse(record(3, "C1", "01/02/2015", "03/11/2026", ""),
                columns, OFFICERS, TODAY, errors);
        assertTrue(held.isEmpty());
        assertEquals(Ssda903Rules.RULE_REVIEW_CODE, errors.get(0).rule());
        assertEquals(3, errors.get(0).line());
    }

    @Test
    void aRowWithTooFewValuesSaysHowManyAndStops() {
        Map<String, Integer> columns = header("CHILD", "DOB", "REVIEW", "REVIEW_CODE");

        assertTrue(Ssda903ImportRows.parse(record(4, "C1", "01/02/2015", "03/11/2026"), columns, OFFICERS, TODAY, errors).isEmpty());

        assertEquals(1, errors.size());
        assertEquals("ROW", errors.get(0).column());
        assertTrue(errors.get(0).message().contains("3 values"), errors.get(0).message());
        assertTrue(errors.get(0).message().contains("4 columns"), errors.get(0).message());
    }

    @Test
    void theOptionalTypeAndOfficerAreReadAndTheOfficerIsFoundWhateverTheCase() {
        Map<String, Integer> columns = header("CHILD", "DOB", "REVIEW", "REVIEW_CODE", "REVIEW_TYPE", "REVIEWING_OFFICER");

        Ssda903ImportRows.Row row = Ssda903ImportRows.parse(record(2, "C1", "01/02/2015", "03/11/2026", "PN6", "CP_REVIEW", "IRO.One"),
                columns, OFFICERS, TODAY, errors).orElseThrow();

        assertEquals(ReviewType.CP_REVIEW, row.type());
        assertEquals(7L, row.officerId());
    }

    @Test
    void emptyOptionalCellsMeanClaAndNoOfficer() {
        Map<String, Integer> columns = header("CHILD", "DOB", "REVIEW", "REVIEW_CODE", "REVIEW_TYPE", "REVIEWING_OFFICER");

        Ssda903ImportRows.Row row = Ssda903ImportRows.parse(record(2, "C1", "01/02/2015", "03/11/2026", "PN6", "", ""),
                columns, OFFICERS, TODAY, errors).orElseThrow();

        assertEquals(ReviewType.CLA, row.type());
        assertNull(row.officerId());
    }

    @Test
    void anUnknownTypeAndAnUnknownOfficerAreBothReportedForTheSameRow() {
        Map<String, Integer> columns = header("CHILD", "DOB", "REVIEW", "REVIEW_CODE", "REVIEW_TYPE", "REVIEWING_OFFICER");

        assertTrue(Ssda903ImportRows.parse(record(5, "C1", "01/02/2015", "03/11/2026", "PN6", "ICPC", "nobody"),
                columns, OFFICERS, TODAY, errors).isEmpty());

        assertEquals(List.of("REVIEW_TYPE", "REVIEWING_OFFICER"), errors.stream().map(Ssda903Import.ImportError::column).toList());
        assertTrue(errors.stream().allMatch(e -> e.line() == 5));
    }

    @Test
    void aCodedReviewOnTheFourthBirthdayGetsANoteSayingHowItIsCounted() {
        Ssda903ImportRows.Row birthday = new Ssda903ImportRows.Row(2, "C1", LocalDate.of(2020, 3, 27), LocalDate.of(2024, 3, 27),
                ReviewType.CLA, null, ParticipationMethod.PN0);
        Ssda903ImportRows.Row dayAfter = new Ssda903ImportRows.Row(3, "C2", LocalDate.of(2020, 3, 27), LocalDate.of(2024, 3, 28),
                ReviewType.CLA, null, ParticipationMethod.PN1);
        Ssda903ImportRows.Row scheduled = new Ssda903ImportRows.Row(4, "C3", LocalDate.of(2023, 1, 10), LocalDate.of(2027, 1, 10),
                ReviewType.CLA, null, null);

        List<Ssda903Import.ImportNote> notes = Ssda903ImportRows.fourthBirthdays(List.of(birthday, dayAfter, scheduled));

        assertEquals(1, notes.size());
        assertEquals(2, notes.get(0).line());
        assertTrue(notes.get(0).message().contains("27/03/2024"), notes.get(0).message());
        assertTrue(notes.get(0).message().contains("counted as PN0"), notes.get(0).message());
    }
}
