package org.myview.web;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
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
        stream(new StringReader(text), records::add);
        return records;
    }

    /**
     * Reads record by record, handing each to {@code consumer} as it is parsed: memory stays flat however long the
     * file is (the SSDA903 import's 100,000 rows). Line numbers are worked out as the text goes by.
     */
    public static void stream(Reader text, Consumer<Record> consumer) {
        LineCountingReader lines = new LineCountingReader(text);
        try (CSVParser parser = CSVParser.parse(lines, FORMAT)) {
            Iterator<CSVRecord> records = parser.iterator();
            while (true) {
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException e) {
                    throw unterminated(e.getCause(), lines.lines());
                }
                List<String> fields = record.toList();
                if (!fields.stream().allMatch(String::isEmpty)) {
                    // Outside the try: what the consumer throws is its own, not a quote left open.
                    consumer.accept(new Record(lines.lineAt(record.getCharacterPosition()), List.copyOf(fields)));
                }
            }
        } catch (IOException e) {
            throw unterminated(e, lines.lines());
        }
    }

    /** Commons CSV names the line the open quote is on ("(startline 3) EOF reached before encapsulated token finished"). */
    private static RuntimeException unterminated(IOException e, int lines) {
        Matcher matcher = START_LINE.matcher(String.valueOf(e.getMessage()));
        return new UnterminatedQuote(matcher.find() ? Integer.parseInt(matcher.group(1).replace(",", "")) : lines);
    }

    /**
     * Passes the text through (without a leading byte-order mark), noting the line of each line's first character
     * (a line ends at LF, CRLF or a lone CR) while the parser's read-ahead is still unresolved: a few entries only.
     */
    private static final class LineCountingReader extends Reader {

        private final Reader in;
        /** Position and line of each character that starts a non-blank line, not yet asked for. */
        private final ArrayDeque<long[]> starts = new ArrayDeque<>();
        private long position;
        private int line = 1;
        private char previous = '\n';
        private boolean first = true;

        LineCountingReader(Reader in) {
            this.in = in;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int read = in.read(buffer, offset, length);
            if (read > 0 && first) {
                first = false;
                if (buffer[offset] == '\uFEFF') { // spreadsheets add one; positions start after it
                    System.arraycopy(buffer, offset + 1, buffer, offset, read - 1);
                    read--;
                    if (read == 0) {
                        return read(buffer, offset, length);
                    }
                }
            }
            for (int i = offset; i < offset + Math.max(read, 0); i++) {
                char c = buffer[i];
                if (c == '\r' || (c == '\n' && previous != '\r')) {
                    line++;
                } else if (c != '\n' && (previous == '\r' || previous == '\n')) {
                    starts.add(new long[] {position, line});
                }
                previous = c;
                position++;
            }
            return read;
        }

        /**
         * The line a record starts on. The parser reports a record's position before the blank lines it skipped: the
         * record starts at the first non-blank line from there. Records come in order, so earlier entries are dropped.
         */
        int lineAt(long recordPosition) {
            while (!starts.isEmpty() && starts.peekFirst()[0] < recordPosition) {
                starts.pollFirst();
            }
            long[] start = starts.peekFirst();
            return start == null ? line : (int) start[1];
        }

        /** The lines read so far, counting a last empty one after a final line break (all of them, at the end). */
        int lines() {
            return line;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
