package org.myview.consultation;

import io.micronaut.core.annotation.Introspected;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The child's sent answers as rows to read, in the order the form asked them: the review page and the
 * case-file PDF show the same rows. Answers to questions an older version of the form asked are kept,
 * in their own words, never silently dropped.
 */
public record AnswerRows(List<Row> rows) {

    /** One question and its answer; {@code answer} is null when the child chose not to say or did not answer. */
    @Introspected
    public record Row(String questionId, String title, String answer, boolean declined, boolean privateHidden) {
    }

    static AnswerRows of(FormDefinition definition, List<ConsultationRepository.Answer> answers, FormWords words,
                         boolean privateHidden, Locale locale) {
        List<Row> rows = new ArrayList<>();
        for (FormDefinition.Question question : definition.questions()) {
            Optional<ConsultationRepository.Answer> answer = answers.stream()
                    .filter(a -> a.questionId().equals(question.id())).findFirst();
            rows.add(new Row(question.id(), words.title(definition, question.id(), locale),
                    answer.filter(a -> !a.declined()).map(a -> words.answerLabel(question, a.answer(), locale)).orElse(null),
                    answer.map(ConsultationRepository.Answer::declined).orElse(false),
                    privateHidden && ConsultationService.PRIVATE_QUESTION.equals(question.id())));
        }
        for (ConsultationRepository.Answer answer : answers) {
            if (definition.question(answer.questionId()).isEmpty()) {
                rows.add(new Row(answer.questionId(), words.title(definition, answer.questionId(), locale),
                        answer.declined() ? null : answer.answer(), answer.declined(), false));
            }
        }
        return new AnswerRows(List.copyOf(rows));
    }
}
