package org.myview.consultation;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.myview.support.WebClient;
import org.myview.web.PublicLanguages;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every question and every option of the picture versions, and every page word listed in
 * audio/pages.txt, has its recording in every offered language, served by us as Ogg Opus
 * (regenerate with {@code python3 tools/audio/generate.py}).
 */
@MicronautTest
class AudioFilesTest {

    @Inject
    EmbeddedServer server;
    @Inject
    FormDefinitions definitions;
    @Inject
    PublicLanguages languages;
    @Inject
    AudioFiles audio;

    private Set<String> keys() throws IOException {
        Set<String> keys = new LinkedHashSet<>();
        for (FormDefinition definition : definitions.all()) {
            if (!definition.pictures()) {
                continue;
            }
            for (FormDefinition.Question question : definition.questions()) {
                keys.add(FormWords.titleKey(definition, question.id()));
                question.allowed().forEach(value -> keys.add(FormWords.optionKey(question.type(), value)));
            }
        }
        try (InputStream in = AudioFilesTest.class.getResourceAsStream("/audio/pages.txt")) {
            new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(keys::add);
        }
        return keys;
    }

    @Test
    void everyQuestionOptionAndPageWordHasItsRecordingInEveryOfferedLanguage() throws IOException {
        WebClient web = new WebClient(server.getURI());
        List<String> missing = new ArrayList<>();
        int checked = 0;
        assertTrue(languages.offered().size() >= 2, "English and Urdu at least");
        for (PublicLanguages.Language language : languages.offered()) {
            for (String key : keys()) {
                String url = audio.url(key, Locale.forLanguageTag(language.tag()));
                WebClient.Page file = web.get(url);
                checked++;
                if (file.status() != 200 || !file.body().startsWith("OggS")) {
                    missing.add(url + " (" + file.status() + ")");
                } else {
                    assertTrue(file.header("Content-Type").startsWith("audio/ogg"), url + ": " + file.header("Content-Type"));
                }
            }
        }
        assertEquals(List.of(), missing, "run: python3 tools/audio/generate.py");
        assertTrue(checked > 40, "checked " + checked);
    }

    @Test
    void theFourToSevenVersionAsksWithPicturesNotFreeText() {
        FormDefinition young = definitions.forAge(5);
        assertTrue(young.pictures());
        assertFalse(young.questions().stream().anyMatch(FormDefinition.Question::isText), "a child who cannot write answers every question");
        assertEquals(4, young.questions().stream().filter(FormDefinition.Question::isPictures).count());
    }
}
