package org.myview.parent;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import org.myview.web.FormErrors;
import org.myview.web.FormResult;

import java.util.List;
import java.util.Objects;

/**
 * One page of the parent's form as posted, bound with {@code @Body}. Each question posts its answer under its own
 * name (the pages and the saved drafts use these names), so the record has a field for every name of
 * {@link ParentQuestions}; a question page sends only its own. Choices are lists, so that two answers to a
 * one-answer question are the parent's mistake to fix (422) rather than a refused request.
 * {@code return=check} says the page was opened from the check page.
 */
@Serdeable
record ParentAnswerForm(@Nullable List<String> understandWhy, @Nullable List<String> knowWhatChange,
                        @Nullable List<String> barriers, @Nullable String barriersOther, @Nullable List<String> supportRating,
                        @Nullable List<String> understoodConcerns, @Nullable List<String> madeDifference,
                        @Nullable String anythingElse, @Nullable @JsonProperty("return") String returnTo) {

    /** A question's checked answer: the options chosen and the words written (null when none). */
    record Answer(List<String> values, String text) {
    }

    ParentAnswerForm {
        understandWhy = chosen(understandWhy);
        knowWhatChange = chosen(knowWhatChange);
        barriers = chosen(barriers);
        supportRating = chosen(supportRating);
        understoodConcerns = chosen(understoodConcerns);
        madeDifference = chosen(madeDifference);
    }

    boolean fromCheck() {
        return "check".equals(returnTo);
    }

    /** The options posted under a question's name (none for a text question or a name the form does not have). */
    List<String> values(String name) {
        return switch (name) {
            case "understandWhy" -> understandWhy;
            case "knowWhatChange" -> knowWhatChange;
            case "barriers" -> barriers;
            case "supportRating" -> supportRating;
            case "understoodConcerns" -> understoodConcerns;
            case "madeDifference" -> madeDifference;
            default -> List.of();
        };
    }

    /** The words posted in a text field, as typed; null when not sent. */
    String text(String field) {
        if (field == null) {
            return null;
        }
        return switch (field) {
            case "barriersOther" -> emptyToNull(barriersOther);
            case "anythingElse" -> emptyToNull(anythingElse);
            default -> null;
        };
    }

    /** The answer to one question as its kind reads and checks it. */
    Answer answer(ParentQuestions.Question question) {
        return new Answer(question.isText() ? List.of() : values(question.name()), text(question.kind().textField(question.name())));
    }

    FormResult<Answer> check(ParentQuestions.Question question) {
        Answer answer = answer(question);
        FormErrors errors = question.kind().check(question.name(), answer.values(), answer.text());
        return FormResult.of(errors, () -> answer);
    }

    /** An unticked box sends nothing, and an empty value is not an answer. */
    private static List<String> chosen(List<String> values) {
        return values == null ? List.of() : values.stream().filter(Objects::nonNull).filter(v -> !v.isEmpty()).toList();
    }

    private static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}
