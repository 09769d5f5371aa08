package org.myview.review;

import org.myview.bench.ImportBenchmark;

import java.io.BufferedWriter;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringReader;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * The import's Java part alone (read, check, write the COPY text) over the benchmark's 100,000-row file, without a
 * database: the thread's CPU time per pass (less sensitive than the wall clock to a loaded machine) and a CRC of the
 * COPY text, to show a change leaves the rows as they were. Not a test: see docs/performance.md, "SSDA903 import".
 */
public final class Ssda903ReadingBenchmark {

    private Ssda903ReadingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int passes = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        String file = ImportBenchmark.file(100_000, "IABC", 0);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int pass = 1; pass <= passes; pass++) {
            long wall = System.nanoTime();
            long cpu = threads.getCurrentThreadCpuTime();
            Ssda903Reading reading = new Ssda903Reading(LocalDate.of(2026, 12, 7), Map.of());
            Checksum copy = new Checksum();
            Writer out = new BufferedWriter(new OutputStreamWriter(copy, StandardCharsets.UTF_8), 1 << 16);
            reading.readInto(new StringReader(file), out);
            out.flush();
            System.out.printf("pass %d: CPU %d ms, wall %d ms, rows %d, problems %d, notes %d, COPY %d bytes, CRC %x%n", pass,
                    (threads.getCurrentThreadCpuTime() - cpu) / 1_000_000, (System.nanoTime() - wall) / 1_000_000,
                    reading.copied, reading.errors.size(), reading.notes.size(), copy.bytes, copy.crc.getValue());
        }
    }

    /** Where the COPY text goes: counted and summed, then dropped. */
    private static final class Checksum extends OutputStream {

        private final CRC32 crc = new CRC32();
        private long bytes;

        @Override
        public void write(int b) {
            crc.update(b);
            bytes++;
        }

        @Override
        public void write(byte[] b, int offset, int length) {
            crc.update(b, offset, length);
            bytes += length;
        }
    }
}
