package org.myview.consultation;

import org.myview.web.FreeText;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Any of the options, each drawn, and optionally what the child told a grown-up (4-7 version). At least a picture
 * or some words; only offered pictures, each once; the words no longer than the form allows. Stored as a
 * {@link PictureAnswer}.
 */
record PicturesQuestion(List<String> options) implements QuestionKind {

    PicturesQuestion {
        options = options == null ? List.of() : List.copyOf(options);
    }

    @Override
    public List<String> allowed() {
        return options;
    }

    /** Each picture is its own checkbox ({@code pick.<value>}); the words are {@code words}. */
    @Override
    public String posted(Map<String, String> body) {
        return new PictureAnswer(PictureAnswer.picksFrom(body, options), body.getOrDefault("words", "")).stored();
    }

    @Override
    public GivenAnswer check(String value, int maxLength) {
        PictureAnswer given = PictureAnswer.parse(value);
        PictureAnswer picture = new PictureAnswer(given.picks(), FreeText.clean(given.words()).strip());
        return picture.problem(options, maxLength).map(GivenAnswer::refused).orElseGet(() -> GivenAnswer.kept(picture.stored()));
    }

    @Override
    public String optionKey(String value) {
        return "consultation.picture." + value;
    }

    @Override
    public String picture(String value) {
        return AudioFiles.picture(value);
    }

    /** The chosen pictures' words, then what the child told a grown-up on a line of its own. */
    @Override
    public String label(String stored, UnaryOperator<String> word) {
        PictureAnswer answer = PictureAnswer.parse(stored);
        String chosen = String.join(", ", answer.picks().stream().map(v -> word.apply(optionKey(v))).toList());
        if (answer.words().isEmpty()) {
            return chosen;
        }
        String told = word.apply("consultation.young.toldGrownUp") + " " + answer.words();
        return chosen.isEmpty() ? told : chosen + "\n" + told;
    }
}
