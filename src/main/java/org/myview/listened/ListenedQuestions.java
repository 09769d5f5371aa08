package org.myview.listened;

import java.util.List;
import java.util.Optional;

/**
 * The follow-up's questions, as data: two choices (yes, partly, no) and one free text. Every question is optional:
 * "I'd rather not say" stores "skipped" for a choice and nothing for the text. Words are in i18n/listened.properties
 * under listened.q.&lt;id&gt;.*.
 */
final class ListenedQuestions {

    static final int MAX_TEXT = 1000;
    static final List<String> OPTIONS = List.of("yes", "partly", "no");

    record Question(int number, String id, boolean text) {
    }

    static final List<Question> ALL = List.of(
            new Question(1, "listened", false),
            new Question(2, "understood", false),
            new Question(3, "anything-else", true));

    private ListenedQuestions() {
    }

    static Optional<Question> number(int number) {
        return number >= 1 && number <= ALL.size() ? Optional.of(ALL.get(number - 1)) : Optional.empty();
    }
}
