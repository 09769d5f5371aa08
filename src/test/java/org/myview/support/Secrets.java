package org.myview.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Tests write down every link token they see here, so that LogLeakCheck can look for them in the
 * log of the whole test run. Passwords and answers used by tests carry the LEAKCANARY marker instead.
 */
public final class Secrets {

    static final Path FILE = Path.of("target", "test-secrets.txt");
    public static final String MARKER = "LEAKCANARY";

    private Secrets() {
    }

    public static synchronized String remember(String secret) {
        try {
            Files.createDirectories(FILE.getParent());
            Files.writeString(FILE, secret + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return secret;
    }
}
