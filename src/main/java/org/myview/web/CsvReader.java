package org.myview.web;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV (RFC 4180: quoted fields, doubled quotes, CRLF or LF), keeping each record's line number
 * for error messages. A UTF-8 byte-order mark at the start is ignored (spreadsheets add one).
 */
public final class CsvReader {

    /** One record and the line of the file it starts on (1 is the header). */
    public record Record(int line, List<String> fields) {
    }

    private CsvReader() {
    }

    public static List<Record> read(String text) {
        List<Record> records = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return records;
        }
        int i = text.charAt(0) == '\uFEFF' ? 1 : 0;
        int line = 1;
        int recordLine = 1;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean fieldStarted = false;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == '"' && !fieldStarted) {
                quoted = true;
                fieldStarted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                fieldStarted = false;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                fields.add(field.toString());
                addUnlessBlank(records, recordLine, fields);
                fields = new ArrayList<>();
                field.setLength(0);
                fieldStarted = false;
                line++;
                recordLine = line;
            } else {
                field.append(c);
                fieldStarted = true;
            }
            i++;
        }
        if (fieldStarted || field.length() > 0 || !fields.isEmpty()) {
            fields.add(field.toString());
            addUnlessBlank(records, recordLine, fields);
        }
        return records;
    }

    private static void addUnlessBlank(List<Record> records, int line, List<String> fields) {
        boolean blank = fields.stream().allMatch(String::isEmpty);
        if (!blank) {
            records.add(new Record(line, List.copyOf(fields)));
        }
    }
}
