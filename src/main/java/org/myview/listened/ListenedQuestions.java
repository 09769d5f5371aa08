package org.myview.listened;

import org.myview.web.FormErrors;
import org.myview.web.FormResult;
import org.myview.web.FreeText;

import java.util.List;
import java.util.Optional;

/**
 * The follow-up's questions, as data: two choices (yes, partly, no) and one free text. Every question is optional:
 * "I'd rather not say" stores "skipped" for a choice and nothing for the text. Words are in i18n/listened.properties
 * under listened.q.&lt;id&gt;.*. Each question's {@link Kind} checks its own answer, as the child's form's question
 * kinds do (consultation.QuestionKind), with this form's rules: nothing is required.
 */
final class ListenedQuestions {

    static final int MAX_TEXT = 1000;
    static final List<String> OPTIONS = List.of("yes", "partly", "no");
    /** What a declined choice stores. */
    static final String SKIPPED = "skipped";

    /** How an answer is checked: the value to store (null when there is none), or the field's error. */
    sealed interface Kind permits Text, Choice {

        FormResult<String> check(String value, boolean declined);
    }

    /** Words, control characters dropped and spaces trimmed; none is fine, too many is the only problem. */
    record Text(int max) implements Kind {

        @Override
        public FormResult<String> check(String value, boolean declined) {
            String text = declined ? "" : FreeText.field(value);
            FormErrors errors = new FormErrors();
            if (text.length() > max) {
                errors.add("answer", "listened.error.tooLong", max);
            }
            return FormResult.of(errors, () -> text.isEmpty() ? null : text);
        }
    }

    /** One of the options; declined stores {@link #SKIPPED}, and a value not on the page counts as not answered. */
    record Choice(List<String> options) implements Kind {

        Choice {
            options = List.copyOf(options);
        }

        @Override
        public FormResult<String> check(String value, boolean declined) {
            // Nothing chosen posts no answer at all (an immutable list refuses to look for null).
            String choice = declined ? SKIPPED : value != null && options.contains(value) ? value : null;
            return FormResult.of(new FormErrors(), () -> choice);
        }
    }

    record Question(int number, String id, Kind kind) {

        /** For the pages: a text box rather than radios. */
        public boolean isText() {
            return kind instanceof Text;
        }
    }

    static final List<Question> ALL = List.of(
            new Question(1, "listened", new Choice(OPTIONS)),
            new Question(2, "understood", new Choice(OPTIONS)),
            new Question(3, "anything-else", new Text(MAX_TEXT)));

    private ListenedQuestions() {
    }

    static Optional<Question> number(int number) {
        return number >= 1 && number <= ALL.size() ? Optional.of(ALL.get(number - 1)) : Optional.empty();
    }
}
