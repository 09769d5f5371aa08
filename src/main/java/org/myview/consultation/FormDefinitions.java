package org.myview.consultation;

import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/** The three age versions of the form, read once from the classpath (they never change while running). */
@Singleton
public class FormDefinitions implements org.myview.review.FormLengths {

    /** Youngest first; {@link #forAge} relies on the order. */
    static final List<String> IDS = List.of("consultation-4-7", "consultation-8-11", "consultation-12-plus");

    private final List<FormDefinition> definitions;

    FormDefinitions(JsonMapper json) {
        this.definitions = IDS.stream().map(id -> load(json, id)).toList();
    }

    private static FormDefinition load(JsonMapper json, String id) {
        try (InputStream in = FormDefinitions.class.getResourceAsStream("/forms/" + id + ".json")) {
            if (in == null) {
                throw new IllegalStateException("Missing form definition " + id);
            }
            FormDefinition definition = json.readValue(in.readAllBytes(), FormDefinition.class);
            if (!definition.id().equals(id) || definition.question(FormDefinition.SHARE_QUESTION).isEmpty()) {
                throw new IllegalStateException("Form definition " + id + " has the wrong id or no consent question");
            }
            return definition;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<FormDefinition> all() {
        return definitions;
    }

    public Optional<FormDefinition> find(String id) {
        return definitions.stream().filter(d -> d.id().equals(id)).findFirst();
    }

    /** How many questions the version has, for "started: 3 of 12" on the review lists. */
    @Override
    public int questions(String definitionId) {
        return find(definitionId).map(d -> d.questions().size()).orElse(0);
    }

    /** The version for a child of this age on the review date: up to 7, 8 to 11, 12 and over. */
    public FormDefinition forAge(int age) {
        return definitions.get(ageGroup(age));
    }

    static int ageGroup(int age) {
        return age <= 7 ? 0 : age <= 11 ? 1 : 2;
    }
}
