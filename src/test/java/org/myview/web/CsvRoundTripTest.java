package org.myview.web;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What CsvWriter writes, CsvReader reads back cell for cell, and the reader's line numbers count the file's lines. */
class CsvRoundTripTest {

    @Test
    void awkwardCellsComeBackAsTheyWereWritten() {
        List<String> cells = List.of("plain", "a, b", "say \"hi\"", "two\nlines", "crlf\r\ninside", "Łucja’s");
        String csv = new CsvWriter().row("A", "B", "C", "D", "E", "F").row(cells).toString();

        List<CsvReader.Record> records = CsvReader.read(csv);

        assertEquals(2, records.size());
        assertEquals(cells, records.get(1).fields());
    }

    @Test
    void aFormulaComesBackNeutralisedNotAsTheFormula() {
        String csv = new CsvWriter().row("A").row("=HYPERLINK(\"x\")").toString();

        assertEquals(List.of("'=HYPERLINK(\"x\")"), CsvReader.read(csv).get(1).fields());
    }

    @Test
    void anEmptyCellIsWrittenEmptyEvenAmongOthers() {
        String csv = new CsvWriter().row("A", "B", "C").row("1", null, "3").toString();

        assertEquals("A,B,C\r\n1,,3\r\n", csv);
        assertEquals(List.of("1", "", "3"), CsvReader.read(csv).get(1).fields());
    }

    @Test
    void aRecordAfterAQuotedLineBreakStartsOnItsOwnLineOfTheFile() {
        String csv = new CsvWriter().row("A", "B").row("1", "first\nsecond").row("2", "x").toString();

        List<CsvReader.Record> records = CsvReader.read(csv);

        assertEquals(List.of(1, 2, 4), records.stream().map(CsvReader.Record::line).toList());
    }

    @Test
    void nothingOrOnlyAByteOrderMarkIsNoRecords() {
        assertTrue(CsvReader.read("").isEmpty());
        assertTrue(CsvReader.read(null).isEmpty());
        assertTrue(CsvReader.read("\uFEFF").isEmpty());
    }

    @Test
    void aQuoteOpenedOnTheFirstLineAndNeverClosedNamesLineOne() {
        CsvReader.UnterminatedQuote error = assertThrows(CsvReader.UnterminatedQuote.class, () -> CsvReader.read("\"A,B\n1,2\n"));

        assertEquals(1, error.line());
        assertTrue(error.getMessage().contains("line 1"), error.getMessage());
    }

    @Test
    void fieldsKeepTheirSpacesAndRowsMayDifferInLength() {
        List<CsvReader.Record> records = CsvReader.read("A,B,C\n 1 ,2\n3,4,5,6\n");

        assertEquals(List.of(" 1 ", "2"), records.get(1).fields());
        assertEquals(4, records.get(2).fields().size());
    }
}
