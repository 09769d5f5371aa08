package org.myview.consultation;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * What kind of answer a question of the child's form takes, as alphagov/forms-runner's question classes: each kind
 * reads its answer from the posted page, checks it (the value to store, or the problem's message key) and says how
 * its options and answers are worded. The form definitions keep naming a kind by its {@code type}
 * ({@code text}, {@code choice}, {@code faces}, {@code pictures}).
 */
sealed interface QuestionKind permits TextQuestion, ChoiceQuestion, PicturesQuestion {

    /** The kind a definition's {@code type} names; an unknown type is a mistake in the definition. */
    static QuestionKind of(String type, List<String> options) {
        return switch (type) {
            case "text" -> TextQuestion.INSTANCE;
            case "choice" -> ChoiceQuestion.of(options);
            case "faces" -> ChoiceQuestion.FACES;
            case "pictures" -> new PicturesQuestion(options);
            default -> throw new IllegalArgumentException("Unknown question type " + type);
        };
    }

    /** The answers a child may give (none for a text question). */
    List<String> allowed();

    /** The answer as the question's page posts it, before it is checked: its one field, {@code answer}, unless the kind posts more. */
    default String posted(Map<String, String> body) {
        return body.get("answer");
    }

    /** Checks a submitted answer: what to store, or the problem's message key ({@code maxLength} is its argument). */
    GivenAnswer check(String value, int maxLength);

    /** The message key of an option's words; also the name of its recording. */
    String optionKey(String value);

    /** The picture drawn beside an option in the 4-7 version, or null. */
    default String picture(String value) {
        return null;
    }

    /** A stored answer in words, for the check page: {@code word} looks a message key up in the child's language. */
    String label(String stored, UnaryOperator<String> word);
}
