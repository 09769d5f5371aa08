package org.myview.consultation;

import org.myview.web.FreeText;

import java.util.List;
import java.util.function.UnaryOperator;

/** The child's own words: not empty, not longer than the form allows; stored as typed, control characters dropped. */
final class TextQuestion implements QuestionKind {

    static final TextQuestion INSTANCE = new TextQuestion();

    private TextQuestion() {
    }

    @Override
    public List<String> allowed() {
        return List.of();
    }

    @Override
    public GivenAnswer check(String value, int maxLength) {
        String answer = FreeText.field(value);
        if (answer.isEmpty()) {
            return GivenAnswer.refused("consultation.question.errorText");
        }
        if (answer.length() > maxLength) {
            return GivenAnswer.refused("consultation.question.tooLong");
        }
        return GivenAnswer.kept(answer);
    }

    @Override
    public String optionKey(String value) {
        return "consultation.option." + value;
    }

    @Override
    public String label(String stored, UnaryOperator<String> word) {
        return stored;
    }
}
