package org.myview.consultation;

import io.micronaut.context.MessageSource;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Locale;

/** The words of a question in a language, from the bundles (hints may be missing or empty). */
@Singleton
record FormWords(MessageSource messages, PrivateAnswerSettings privateAnswer, AudioFiles audio) {

    /** A question as a page shows it; {@code audio} is the recording of its words (the 4-7 version only). */
    record ShownQuestion(int number, int of, String id, String type, String title, String hint, List<Option> options, String audio) {
        public boolean isText() {
            return type.equals("text");
        }

        public boolean isFaces() {
            return type.equals("faces");
        }

        public boolean isPictures() {
            return type.equals("pictures");
        }
    }

    /** An answer a child may give, with its picture and recording where the version has them (else null). */
    record Option(String value, String label, String picture, String audio) {
    }

    /** The private question promises who reads it: other words when the manager reads it too. */
    private String suffix(String questionId) {
        return ConsultationService.PRIVATE_QUESTION.equals(questionId) && privateAnswer.serviceManagerReads() ? "WithManager" : "";
    }

    /** The message key of an option's words; also the name of its recording. */
    static String optionKey(String type, String value) {
        return QuestionKind.of(type, List.of()).optionKey(value);
    }

    static String titleKey(FormDefinition definition, String questionId) {
        return definition.words() + "." + questionId + ".title";
    }

    ShownQuestion show(FormDefinition definition, int number, Locale locale) {
        FormDefinition.Question question = definition.question(number).orElseThrow();
        String base = definition.words() + "." + question.id();
        String hint = messages.getMessage(base + ".hint" + suffix(question.id()), locale).filter(h -> !h.isBlank()).orElse(null);
        boolean young = definition.pictures();
        QuestionKind kind = question.kind();
        List<Option> options = kind.allowed().stream()
                .map(value -> new Option(value, word(kind.optionKey(value), locale), young ? kind.picture(value) : null,
                        young ? audio.url(kind.optionKey(value), locale) : null))
                .toList();
        return new ShownQuestion(number, definition.questions().size(), question.id(), question.type(),
                word(base + ".title" + suffix(question.id()), locale), hint, options,
                young ? audio.url(titleKey(definition, question.id()), locale) : null);
    }

    String title(FormDefinition definition, String questionId, Locale locale) {
        return word(definition.words() + "." + questionId + ".title" + suffix(questionId), locale);
    }

    String answerLabel(FormDefinition.Question question, String value, Locale locale) {
        return question.kind().label(value, key -> word(key, locale));
    }

    String word(String key, Locale locale) {
        return messages.getMessage(key, locale).orElse(key);
    }
}
