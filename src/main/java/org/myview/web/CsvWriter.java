package org.myview.web;

import java.util.Arrays;
import java.util.List;

/**
 * Writes CSV (RFC 4180) that is safe to open in a spreadsheet: a cell that starts with =, +, -, @,
 * a tab or a carriage return would be run as a formula, so it gets a leading apostrophe.
 */
public final class CsvWriter {

    private final StringBuilder out = new StringBuilder();

    public CsvWriter row(List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells.get(i)));
        }
        out.append("\r\n");
        return this;
    }

    public CsvWriter row(Object... cells) {
        return row(Arrays.asList(cells)); // not List.of: an empty (null) cell is allowed
    }

    @Override
    public String toString() {
        return out.toString();
    }

    /** One cell: neutralised against formula injection, then quoted if it needs quoting. */
    public static String cell(Object value) {
        String text = value == null ? "" : value.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
