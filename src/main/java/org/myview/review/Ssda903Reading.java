package org.myview.review;

import org.myview.review.Ssda903Import.ImportError;
import org.myview.review.Ssda903Import.ImportNote;
import org.myview.web.CsvReader;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The file as it streams by: the rows counted, each checked, the good ones written to the COPY. */
final class Ssda903Reading {

    private final LocalDate today;
    private final Map<String, Long> officers;
    final List<ImportError> headerErrors = new ArrayList<>();
    final List<ImportError> errors = new ArrayList<>();
    final List<ImportNote> notes = new ArrayList<>();
    private Map<String, Integer> columns;
    /** One COPY row: a line number, a child ID of at most 20, two dates, a type, an id, a code and 6 separators. */
    private final char[] line = new char[128];
    int records;
    int copied;
    int unterminatedLine;

    Ssda903Reading(LocalDate today, Map<String, Long> officers) {
        this.today = today;
        this.officers = officers;
    }

    void readInto(Reader csv, Writer out) throws IOException {
        try {
            CsvReader.stream(csv, record -> {
                records++;
                if (records == 1) {
                    columns = Ssda903ImportRows.header(record, headerErrors);
                } else if (headerErrors.isEmpty() && records - 1 <= Ssda903Import.MAX_ROWS) {
                    Ssda903ImportRows.parse(record, columns, officers, today, errors).ifPresent(row -> copy(row, out));
                }
            });
        } catch (CsvReader.UnterminatedQuote e) {
            unterminatedLine = e.line();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private void copy(Ssda903ImportRows.Row row, Writer out) {
        Ssda903ImportRows.fourthBirthday(row).ifPresent(notes::add);
        // One row of COPY text, built in one reused buffer and written at once (no strings a field). The child ID
        // passed its check (letters, digits, '/', '_', '-'), so it needs no COPY escapes; an enum name neither.
        int n = number(row.line(), 0);
        line[n++] = '\t';
        n = text(row.childRef(), n);
        line[n++] = '\t';
        n = date(row.dob(), n);
        line[n++] = '\t';
        n = date(row.reviewDate(), n);
        line[n++] = '\t';
        n = text(row.type().name(), n);
        line[n++] = '\t';
        n = row.officerId() == null ? text("\\N", n) : number(row.officerId(), n);
        line[n++] = '\t';
        n = text(row.code() == null ? "\\N" : row.code().name(), n);
        line[n++] = '\n';
        try {
            out.write(line, 0, n);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        copied++;
    }

    private int text(String value, int at) {
        value.getChars(0, value.length(), line, at);
        return at + value.length();
    }

    /** A number of at most 19 digits, not negative (lines and ids). */
    private int number(long value, int at) {
        int digits = 1;
        for (long rest = value / 10; rest > 0; rest /= 10) {
            digits++;
        }
        long rest = value;
        for (int i = at + digits - 1; i >= at; i--) {
            line[i] = (char) ('0' + rest % 10);
            rest /= 10;
        }
        return at + digits;
    }

    /** yyyy-mm-dd, as LocalDate.toString writes a date read from dd/mm/yyyy (four-digit year). */
    private int date(LocalDate date, int at) {
        fixed(date.getYear(), 4, at);
        line[at + 4] = '-';
        fixed(date.getMonthValue(), 2, at + 5);
        line[at + 7] = '-';
        fixed(date.getDayOfMonth(), 2, at + 8);
        return at + 10;
    }

    private void fixed(int value, int width, int at) {
        for (int i = at + width - 1; i >= at; i--) {
            line[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
