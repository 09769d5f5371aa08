package org.myview.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Run by Maven after the tests (verify phase): fails the build if the log of the whole test run
 * holds a test password or answer (they all carry the LEAKCANARY marker) or any link token a test
 * recorded with {@link Secrets#remember}.
 */
public final class LogLeakCheck {

    private LogLeakCheck() {
    }

    public static void main(String[] args) throws IOException {
        Path log = Path.of("target", "test-run.log");
        if (!Files.exists(log)) {
            throw new IllegalStateException("target/test-run.log is missing: did the tests run?");
        }
        String text = Files.readString(log, StandardCharsets.UTF_8);
        List<String> secrets = new ArrayList<>();
        secrets.add(Secrets.MARKER);
        if (Files.exists(Secrets.FILE)) {
            Files.readAllLines(Secrets.FILE, StandardCharsets.UTF_8).stream().filter(s -> s.length() >= 16).forEach(secrets::add);
        }
        List<String> leaked = secrets.stream().filter(text::contains).map(s -> s.substring(0, 6) + "…").toList();
        if (!leaked.isEmpty()) {
            throw new IllegalStateException("The test run logged secrets (starting " + leaked + "): see target/test-run.log");
        }
        System.out.println("LogLeakCheck: " + text.lines().count() + " log lines, " + secrets.size()
                + " secrets looked for, none found");
    }
}
