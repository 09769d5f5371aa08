package org.myview.consultation;

import io.micronaut.context.MessageSource;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Locale;

/** The words of a question in a language, from the bundles (hints may be missing or empty). */
@Singleton
class FormWords {

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

    private final MessageSource messages;
    private final PrivateAnswerSettings privateAnswer;
    private final AudioFiles audio;

    FormWords(MessageSource messages, PrivateAnswerSettings privateAnswer, AudioFiles audio) {
        this.messages = messages;
        this.privateAnswer = privateAnswer;
        this.audio = audio;
    }

    /** The private question promises who reads it: other words when the manager reads it too. */
    private String suffix(String questionId) {
        return ConsultationService.PRIVATE_QUESTION.equals(questionId) && privateAnswer.serviceManagerReads() ? "WithManager" : "";
    }

    /** The message key of an option's words; also the name of its recording. */
    static String optionKey(String type, String value) {
        return switch (type) {
            case "faces" -> "consultation.face." + value;
            case "pictures" -> "consultation.picture." + value;
            default -> "consultation.option." + value;
        };
    }

    static String titleKey(FormDefinition definition, String questionId) {
        return definition.words() + "." + questionId + ".title";
    }

    ShownQuestion show(FormDefinition definition, int number, Locale locale) {
        FormDefinition.Question question = definition.question(number).orElseThrow();
        String base = definition.words() + "." + question.id();
        String hint = messages.getMessage(base + ".hint" + suffix(question.id()), locale).filter(h -> !h.isBlank()).orElse(null);
        boolean young = definition.pictures();
        List<Option> options = question.allowed().stream()
                .map(value -> new Option(value, word(optionKey(question.type(), value), locale),
                        young && question.isPictures() ? AudioFiles.picture(value) : null,
                        young ? audio.url(optionKey(question.type(), value), locale) : null))
                .toList();
        return new ShownQuestion(number, definition.questions().size(), question.id(), question.type(),
                word(base + ".title" + suffix(question.id()), locale), hint, options,
                young ? audio.url(titleKey(definition, question.id()), locale) : null);
    }

    String title(FormDefinition definition, String questionId, Locale locale) {
        return word(definition.words() + "." + questionId + ".title" + suffix(questionId), locale);
    }

    String answerLabel(FormDefinition.Question question, String value, Locale locale) {
        if (question.isText()) {
            return value;
        }
        if (question.isPictures()) {
            PictureAnswer answer = PictureAnswer.parse(value);
            String chosen = String.join(", ", answer.picks().stream().map(v -> word(optionKey("pictures", v), locale)).toList());
            if (answer.words().isEmpty()) {
                return chosen;
            }
            String told = word("consultation.young.toldGrownUp", locale) + " " + answer.words();
            return chosen.isEmpty() ? told : chosen + "\n" + told;
        }
        return word(optionKey(question.type(), value), locale);
    }

    String word(String key, Locale locale) {
        return messages.getMessage(key, locale).orElse(key);
    }
}
