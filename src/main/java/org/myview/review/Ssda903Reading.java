package org.myview.review;

import org.myview.review.Ssda903Import.ImportError;
import org.myview.review.Ssda903Import.ImportNote;
import org.myview.system.BulkSql;
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
        try {
            out.write(Integer.toString(row.line()));
            out.write('\t');
            out.write(BulkSql.copyValue(row.childRef()));
            out.write('\t');
            out.write(row.dob().toString());
            out.write('\t');
            out.write(row.reviewDate().toString());
            out.write('\t');
            out.write(row.type().name());
            out.write('\t');
            out.write(BulkSql.copyValue(row.officerId()));
            out.write('\t');
            out.write(BulkSql.copyValue(row.code()));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        copied++;
    }
}
