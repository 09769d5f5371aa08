package org.myview.web;

import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The languages of the pages children and parents read, as data ({@code i18n/languages.json}): a
 * language is offered only once a translator has reviewed it ({@code reviewed}); staff may preview the
 * others. English comes first and is the fallback.
 */
@Singleton
public class PublicLanguages {

    /** Request attribute: the language a page proposes when the person has chosen none (the parent's, from the plan). */
    public static final String PROPOSED_ATTRIBUTE = "myview.proposedLanguage";

    /** voice: the espeak-ng voice the recordings are made with; font: the web font its script needs, or null. */
    @Serdeable
    public record Language(String tag, String name, String dir, boolean reviewed, String voice, String font) {
    }

    @Serdeable
    record Languages(String note, List<Language> languages) {
    }

    private final List<Language> all;

    PublicLanguages(JsonMapper json) {
        try (InputStream in = PublicLanguages.class.getResourceAsStream("/i18n/languages.json")) {
            if (in == null) {
                throw new IllegalStateException("Missing i18n/languages.json");
            }
            this.all = List.copyOf(json.readValue(in.readAllBytes(), Languages.class).languages());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (all.isEmpty() || !all.get(0).tag().equals("en")) {
            throw new IllegalStateException("i18n/languages.json must list English first");
        }
    }

    public List<Language> all() {
        return all;
    }

    /** What children and parents may choose: reviewed by a translator. */
    public List<Language> offered() {
        return all.stream().filter(Language::reviewed).toList();
    }

    /** Whether children and parents may be shown this language. */
    public boolean isOffered(String tag) {
        return offered().stream().anyMatch(l -> l.tag().equals(tag));
    }

    public Optional<Language> find(String tag) {
        return all.stream().filter(l -> l.tag().equals(tag)).findFirst();
    }

    /** The known language this locale stands for, English when none. */
    public String tagOf(Locale locale) {
        String tag = locale == null ? "en" : locale.getLanguage();
        return find(tag).map(Language::tag).orElse("en");
    }
}
