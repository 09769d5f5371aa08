package org.myview.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The languages children and parents are offered (i18n/languages.json, reviewed), for parameterised tests that
 * must cover each: a language marked reviewed is tested from then on without touching the tests.
 */
public final class OfferedLanguages {

    /** A language as the tests need it: its tag and direction. */
    public record Language(String tag, String dir) {
        public boolean rightToLeft() {
            return dir.equals("rtl");
        }
    }

    private static final Pattern ENTRY = Pattern.compile("\\{[^{}]*\"tag\"\\s*:\\s*\"([a-z]+)\"[^{}]*}", Pattern.DOTALL);
    private static final Pattern DIR = Pattern.compile("\"dir\"\\s*:\\s*\"(ltr|rtl)\"");
    private static final Pattern REVIEWED = Pattern.compile("\"reviewed\"\\s*:\\s*true");

    private OfferedLanguages() {
    }

    public static List<Language> all() {
        try {
            String json = Files.readString(Path.of("src/main/resources/i18n/languages.json"));
            List<Language> offered = new ArrayList<>();
            Matcher entry = ENTRY.matcher(json);
            while (entry.find()) {
                if (REVIEWED.matcher(entry.group()).find()) {
                    Matcher dir = DIR.matcher(entry.group());
                    offered.add(new Language(entry.group(1), dir.find() ? dir.group(1) : "ltr"));
                }
            }
            return offered;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The offered languages other than English (English journeys are written out word by word in their own tests). */
    public static List<Language> translations() {
        return all().stream().filter(l -> !l.tag().equals("en")).toList();
    }
}
