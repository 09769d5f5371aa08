package org.myview.web;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads CSV (RFC 4180: quoted fields, doubled quotes, CRLF or LF) with Apache Commons CSV, keeping each
 * record's line number for error messages. A UTF-8 byte-order mark at the start is ignored (spreadsheets
 * add one); blank lines are skipped. A quote that is never closed is an error naming its line.
 */
public final class CsvReader {

    /** One record and the line of the file it starts on (1 is the header). */
    public record Record(int line, List<String> fields) {
    }

    /** A quoted field that runs to the end of the file: the quote opened on {@code line} is never closed. */
    public static final class UnterminatedQuote extends RuntimeException {

        private final int line;

        UnterminatedQuote(int line) {
            super("A quote opened on line " + line + " is never closed");
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();
    private static final Pattern START_LINE = Pattern.compile("\\(startline ([0-9,]+)\\)");

    private CsvReader() {
    }

    public static List<Record> read(String text) {
        List<Record> records = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return records;
        }
        String body = text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
        int[] lineStarts = lineStarts(body);
        try (CSVParser parser = CSVParser.parse(body, FORMAT)) {
            for (CSVRecord record : parser) {
                List<String> fields = record.toList();
                if (!fields.stream().allMatch(String::isEmpty)) {
                    records.add(new Record(lineOf(lineStarts, start(body, record.getCharacterPosition())), List.copyOf(fields)));
                }
            }
        } catch (UncheckedIOException e) {
            throw unterminated(e.getCause(), lineStarts.length);
        } catch (IOException e) {
            throw unterminated(e, lineStarts.length);
        }
        return records;
    }

    /** Commons CSV names the line the open quote is on ("(startline 3) EOF reached before encapsulated token finished"). */
    private static RuntimeException unterminated(IOException e, int lines) {
        Matcher matcher = START_LINE.matcher(String.valueOf(e.getMessage()));
        return new UnterminatedQuote(matcher.find() ? Integer.parseInt(matcher.group(1).replace(",", "")) : lines);
    }

    /** Where each line starts; a line ends at LF, CRLF or a lone CR. */
    private static int[] lineStarts(String text) {
        int[] starts = new int[16];
        int count = 0;
        starts[count++] = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
        }
        return Arrays.copyOf(starts, count);
    }

    /** The parser reports a record's position before the blank lines it skipped: step over them. */
    private static int start(String text, long position) {
        int i = (int) position;
        while (i < text.length() && (text.charAt(i) == '\r' || text.charAt(i) == '\n')) {
            i++;
        }
        return i;
    }

    private static int lineOf(int[] lineStarts, long position) {
        int found = Arrays.binarySearch(lineStarts, (int) position);
        return found >= 0 ? found + 1 : -found - 1;
    }
}
