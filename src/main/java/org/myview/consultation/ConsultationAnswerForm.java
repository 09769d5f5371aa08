package org.myview.consultation;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.naming.NameUtils;
import io.micronaut.serde.annotation.Serdeable;

import java.util.HashMap;
import java.util.Map;

/**
 * One question's page of the child's form as posted: the answer (the words, or the choice), a picture question's
 * ticked pictures and the words told to a grown-up, which button was pressed ({@code skip} is "I'd rather not say"),
 * {@code return=check} when the page was opened from the check page, and the script's request key. The answer is
 * read by its question's kind ({@link QuestionKind#posted}) and checked by it when saved, as on the other public forms.
 *
 * @param pick the ticked pictures: each is its own checkbox, {@code pick.<value>}, which Micronaut binds as a nested
 *             map ({@code pick} to {value: "yes"}, the value without its hyphens)
 */
@Serdeable
record ConsultationAnswerForm(@Nullable String answer, @Nullable String words, @Nullable Map<String, String> pick,
                              @Nullable String action, @Nullable @JsonProperty("return") String returnTo,
                              @Nullable @JsonProperty(ConsultationController.REQUEST_KEY) String requestKey) {

    boolean declined() {
        return "skip".equals(action);
    }

    boolean fromCheck() {
        return "check".equals(returnTo);
    }

    /**
     * The answer as {@code question}'s kind reads it, before it is checked: from the fields by their names on the page
     * ({@code answer}, {@code words}, {@code pick.<value>}).
     */
    String value(FormDefinition.Question question) {
        Map<String, String> fields = new HashMap<>();
        if (answer != null) {
            fields.put("answer", answer);
        }
        if (words != null) {
            fields.put("words", words);
        }
        if (pick != null) {
            // Micronaut binds pick.see-family as pick {seeFamily: ...}: its JSON converter renames every key, nested ones
            // too, with these two calls (JsonConverterRegistrar.correctKeys).
            for (String option : question.kind().allowed()) {
                String ticked = pick.get(NameUtils.decapitalize(NameUtils.dehyphenate(option)));
                if (ticked != null) {
                    fields.put("pick." + option, ticked);
                }
            }
        }
        return question.kind().posted(fields);
    }

    /** The request key the phone made up for this post, or null when there is none or it is not one. */
    String checkedRequestKey() {
        return RequestKeys.checked(requestKey);
    }
}
