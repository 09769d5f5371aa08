package org.myview.consultation;

import org.myview.web.FreeText;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * One of the options, as radios: {@code choice} (the definition's options) or {@code faces} (happy, ok, sad,
 * worried, drawn as faces). Anything else is refused with the same words as nothing chosen.
 */
record ChoiceQuestion(List<String> options, boolean faces) implements QuestionKind {

    static final ChoiceQuestion FACES = new ChoiceQuestion(List.of("happy", "ok", "sad", "worried"), true);

    ChoiceQuestion {
        options = List.copyOf(options);
    }

    static ChoiceQuestion of(List<String> options) {
        return new ChoiceQuestion(options == null ? List.of() : options, false);
    }

    @Override
    public List<String> allowed() {
        return options;
    }

    @Override
    public GivenAnswer check(String value, int maxLength) {
        String answer = FreeText.field(value);
        return options.contains(answer) ? GivenAnswer.kept(answer) : GivenAnswer.refused("consultation.question.errorChoice");
    }

    @Override
    public String optionKey(String value) {
        return (faces ? "consultation.face." : "consultation.option.") + value;
    }

    @Override
    public String label(String stored, UnaryOperator<String> word) {
        return word.apply(optionKey(stored));
    }
}
