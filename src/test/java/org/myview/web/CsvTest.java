package org.myview.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CsvTest {

    @ParameterizedTest
    @ValueSource(strings = {"=HYPERLINK(\"http://evil\")", "+1+1", "-2+3", "@SUM(A1)", "\tTAB", "\rCR"})
    void aCellThatASpreadsheetWouldRunAsAFormulaIsNeutralised(String value) {
        String cell = CsvWriter.cell(value);
        String unquoted = cell.startsWith("\"") ? cell.substring(1, cell.length() - 1).replace("\"\"", "\"") : cell;
        assertEquals("'" + value, unquoted);
    }

    @Test
    void ordinaryCellsAreLeftAloneAndQuotedOnlyWhenNeeded() {
        assertEquals("PN1", CsvWriter.cell("PN1"));
        assertEquals("\"a,b\"", CsvWriter.cell("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", CsvWriter.cell("say \"hi\""));
        assertEquals("", CsvWriter.cell(null));
        assertEquals("A,B\r\n1,2\r\n", new CsvWriter().row("A", "B").row(1, 2).toString());
    }

    @Test
    void readsQuotedFieldsLineBreaksInsideQuotesAndKeepsLineNumbers() {
        List<CsvReader.Record> records = CsvReader.read("\uFEFFA,B\r\n\"x, y\",\"two\nlines\"\n\n3,\"\"\"q\"\"\"\n");

        assertEquals(3, records.size());
        assertEquals(List.of("A", "B"), records.get(0).fields());
        assertEquals(List.of("x, y", "two\nlines"), records.get(1).fields());
        assertEquals(2, records.get(1).line());
        assertEquals(List.of("3", "\"q\""), records.get(2).fields());
        assertEquals(5, records.get(2).line(), "blank lines are skipped but counted");
    }

    @Test
    void aLastLineWithoutANewlineIsRead() {
        assertEquals(List.of("1", "2"), CsvReader.read("A,B\n1,2").get(1).fields());
    }

    @Test
    void anUnterminatedQuoteIsAnErrorNamingTheLineItOpensOn() {
        CsvReader.UnterminatedQuote error = org.junit.jupiter.api.Assertions.assertThrows(CsvReader.UnterminatedQuote.class,
                () -> CsvReader.read("A,B\n1,2\n\n3,\"never closed\n4,5\n"));

        assertEquals(4, error.line(), error.getMessage());
    }

    @Test
    void rowsOfEmptyCellsAreSkippedAndACarriageReturnAloneEndsALine() {
        List<CsvReader.Record> records = CsvReader.read("A,B\r,\r1,2\r");

        assertEquals(2, records.size());
        assertEquals(3, records.get(1).line());
        assertEquals(List.of("1", "2"), records.get(1).fields());
    }
}
