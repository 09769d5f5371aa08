package org.myview.consultation;

import io.micronaut.context.MessageSource;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Locale;

/** The words of a question in a language, from the bundles (hints may be missing or empty). */
@Singleton
class FormWords {

    /** A question as a page shows it. */
    record ShownQuestion(int number, int of, String id, String type, String title, String hint, List<Option> options) {
        public boolean isText() {
            return type.equals("text");
        }

        public boolean isFaces() {
            return type.equals("faces");
        }
    }

    record Option(String value, String label) {
    }

    private final MessageSource messages;
    private final PrivateAnswerSettings privateAnswer;

    FormWords(MessageSource messages, PrivateAnswerSettings privateAnswer) {
        this.messages = messages;
        this.privateAnswer = privateAnswer;
    }

    /** The private question promises who reads it: other words when the manager reads it too. */
    private String suffix(String questionId) {
        return ConsultationService.PRIVATE_QUESTION.equals(questionId) && privateAnswer.serviceManagerReads() ? "WithManager" : "";
    }

    ShownQuestion show(FormDefinition definition, int number, Locale locale) {
        FormDefinition.Question question = definition.question(number).orElseThrow();
        String base = definition.words() + "." + question.id();
        String hint = messages.getMessage(base + ".hint" + suffix(question.id()), locale).filter(h -> !h.isBlank()).orElse(null);
        List<Option> options = question.allowed().stream()
                .map(value -> new Option(value, word((question.type().equals("faces") ? "consultation.face." : "consultation.option.") + value, locale)))
                .toList();
        return new ShownQuestion(number, definition.questions().size(), question.id(), question.type(),
                word(base + ".title" + suffix(question.id()), locale), hint, options);
    }

    String title(FormDefinition definition, String questionId, Locale locale) {
        return word(definition.words() + "." + questionId + ".title" + suffix(questionId), locale);
    }

    String answerLabel(FormDefinition.Question question, String value, Locale locale) {
        if (question.isText()) {
            return value;
        }
        return word((question.type().equals("faces") ? "consultation.face." : "consultation.option.") + value, locale);
    }

    String word(String key, Locale locale) {
        return messages.getMessage(key, locale).orElse(key);
    }
}
