package org.myview.consultation;

import org.myview.web.FreeText;

import java.util.Optional;

/**
 * What a child gave for one question, checked by the question's kind: pictures (the picks allowed, optional words),
 * text (not empty, not too long) or a choice (one of the options). Either the value to store or the problem's message key.
 */
record GivenAnswer(String stored, String problem) {

    static GivenAnswer of(FormDefinition.Question question, String value, int maxLength) {
        if (question.isPictures()) {
            PictureAnswer given = PictureAnswer.parse(value);
            PictureAnswer picture = new PictureAnswer(given.picks(), FreeText.clean(given.words()).strip());
            Optional<String> problem = picture.problem(question.allowed(), maxLength);
            return problem.map(GivenAnswer::refused).orElseGet(() -> new GivenAnswer(picture.stored(), null));
        }
        String answer = value == null ? "" : FreeText.clean(value).strip();
        if (answer.isEmpty()) {
            return refused(question.isText() ? "consultation.question.errorText" : "consultation.question.errorChoice");
        }
        if (question.isText() && answer.length() > maxLength) {
            return refused("consultation.question.tooLong");
        }
        if (!question.isText() && !question.allowed().contains(answer)) {
            return refused("consultation.question.errorChoice");
        }
        return new GivenAnswer(answer, null);
    }

    private static GivenAnswer refused(String key) {
        return new GivenAnswer(null, key);
    }
}
