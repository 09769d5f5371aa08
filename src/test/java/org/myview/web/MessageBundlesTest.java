package org.myview.web;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every word people read is in the bundles; these checks keep the bundles sound and in step. */
class MessageBundlesTest {

    private static final Path BUNDLES = Path.of("src/main/resources/i18n");

    @Test
    void noMessageUsesAStraightApostropheWhichMessageFormatWouldSwallow() throws IOException {
        List<String> bad = new ArrayList<>();
        for (Path file : bundleFiles()) {
            load(file).forEach((key, value) -> {
                if (value.toString().contains("'")) {
                    bad.add(file.getFileName() + ": " + key);
                }
            });
        }
        assertEquals(List.of(), bad, "use ’ (U+2019) instead of '");
    }

    @Test
    void messagesUseOnlyPlainNumberedPlaceholders() throws IOException {
        // Micronaut interpolates {0}, {1}... itself; MessageFormat patterns such as {0,choice,...} come out raw.
        List<String> bad = new ArrayList<>();
        for (Path file : bundleFiles()) {
            load(file).forEach((key, value) -> {
                if (value.toString().matches("(?s).*\\{[^}]*[,#][^}]*}.*")) {
                    bad.add(file.getFileName() + ": " + key);
                }
            });
        }
        assertEquals(List.of(), bad);
    }

    @Test
    void everyTranslationHasExactlyTheKeysOfTheEnglishBundle() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path translation : bundleFiles()) {
            String name = translation.getFileName().toString();
            if (!name.contains("_")) {
                continue;
            }
            Path english = translation.resolveSibling(name.substring(0, name.indexOf('_')) + ".properties");
            Set<String> expected = new TreeSet<>(load(english).stringPropertyNames());
            Set<String> actual = new TreeSet<>(load(translation).stringPropertyNames());
            Set<String> missing = new TreeSet<>(expected);
            missing.removeAll(actual);
            Set<String> extra = new TreeSet<>(actual);
            extra.removeAll(expected);
            if (!missing.isEmpty()) {
                problems.add(name + " is missing " + missing);
            }
            if (!extra.isEmpty()) {
                problems.add(name + " has keys English does not: " + extra);
            }
        }
        assertEquals(List.of(), problems);
    }

    private static List<Path> bundleFiles() throws IOException {
        try (Stream<Path> files = Files.list(BUNDLES)) {
            return files.filter(p -> p.toString().endsWith(".properties")).sorted().toList();
        }
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
