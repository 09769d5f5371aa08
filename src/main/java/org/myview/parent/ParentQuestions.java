package org.myview.parent;

import org.myview.web.FormErrors;
import org.myview.web.FreeText;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The parent's forms as data: a form is a list of questions, one per page. A question has a name (its answer's
 * field) and a {@link Kind}, which checks the answer, stores it in the draft and decides which fragment draws it,
 * as the child's form's question kinds do (consultation.QuestionKind), with this form's rules: every question is
 * optional. Words are in i18n/parent.properties under {@code parent.q.<name>.*}.
 */
final class ParentQuestions {

    /** Free text is limited, with a clear message, and shown escaped wherever it appears. */
    static final int MAX_TEXT = 1000;

    /** How a question's answer is checked and kept in the draft. Nothing chosen and nothing written is fine. */
    sealed interface Kind permits OneOf, SomeOfWithText, Text {

        /** The options to choose from (none for text). */
        default List<String> options() {
            return List.of();
        }

        /** The field the words are typed in, given the question's name; null when there is none. */
        String textField(String name);

        /** The errors of a posted answer: {@code values} are the options chosen, {@code text} the words (may be null). */
        FormErrors check(String name, List<String> values, String text);

        /** Puts a checked answer in the draft; an answer left empty takes the question's old answer away. */
        void save(Map<String, Object> draft, String name, List<String> values, String text);
    }

    /** One of the options, as radios. */
    record OneOf(List<String> options) implements Kind {

        OneOf {
            options = List.copyOf(options);
        }

        @Override
        public String textField(String name) {
            return null;
        }

        @Override
        public FormErrors check(String name, List<String> values, String text) {
            FormErrors errors = new FormErrors();
            if (values.size() > 1 || !options.containsAll(values)) {
                errors.add(name, "parent.form.error.choice");
            }
            return errors;
        }

        @Override
        public void save(Map<String, Object> draft, String name, List<String> values, String text) {
            put(draft, name, values.isEmpty() ? null : values.get(0));
        }
    }

    /** Any of the options, as checkboxes, and a text box beside them ("tell us more"). */
    record SomeOfWithText(List<String> options, String textName) implements Kind {

        SomeOfWithText {
            options = List.copyOf(options);
        }

        @Override
        public String textField(String name) {
            return textName;
        }

        @Override
        public FormErrors check(String name, List<String> values, String text) {
            FormErrors errors = new FormErrors();
            if (!options.containsAll(values)) {
                errors.add(name, "parent.form.error.choice");
            }
            return tooLong(errors, textName, text);
        }

        @Override
        public void save(Map<String, Object> draft, String name, List<String> values, String text) {
            draft.put(name, new ArrayList<>(values));
            put(draft, textName, blankToNull(text));
        }
    }

    /** The parent's own words. */
    record Text() implements Kind {

        @Override
        public String textField(String name) {
            return name;
        }

        @Override
        public FormErrors check(String name, List<String> values, String text) {
            return tooLong(new FormErrors(), name, text);
        }

        @Override
        public void save(Map<String, Object> draft, String name, List<String> values, String text) {
            put(draft, name, blankToNull(text));
        }
    }

    record Question(String name, Kind kind) {

        public List<String> options() {
            return kind.options();
        }

        /** The "tell us more" field beside the choices, or null. */
        public String textName() {
            return kind instanceof SomeOfWithText some ? some.textName() : null;
        }

        public boolean isText() {
            return kind instanceof Text;
        }

        public boolean isOneOf() {
            return kind instanceof OneOf;
        }

        public boolean isSomeOf() {
            return kind instanceof SomeOfWithText;
        }
    }

    static final List<String> YES_PARTLY_NO = List.of("YES", "PARTLY", "NO");
    static final List<String> BARRIERS = List.of("NOT_CLEAR", "TIME", "MONEY", "HEALTH", "HELP", "WORKER_CHANGES", "OTHER_PEOPLE", "NOTHING");
    static final List<String> RATING = List.of("5", "4", "3", "2", "1");

    static final List<Question> FIRST = List.of(
            new Question("understandWhy", new OneOf(YES_PARTLY_NO)),
            new Question("knowWhatChange", new OneOf(YES_PARTLY_NO)),
            new Question("barriers", new SomeOfWithText(BARRIERS, "barriersOther")),
            new Question("supportRating", new OneOf(RATING)),
            new Question("understoodConcerns", new OneOf(YES_PARTLY_NO)),
            new Question("madeDifference", new OneOf(YES_PARTLY_NO)),
            new Question("anythingElse", new Text()));

    /** The shorter follow-up: has understanding changed (the same measure, asked again), and anything else. */
    static final List<Question> FOLLOW_UP = List.of(
            new Question("understandWhy", new OneOf(YES_PARTLY_NO)),
            new Question("anythingElse", new Text()));

    static List<Question> form(String kind) {
        return "FOLLOW_UP".equals(kind) ? FOLLOW_UP : FIRST;
    }

    private ParentQuestions() {
    }

    /** Words are counted as people count them (a character outside the basic plane is one), without the spaces around. */
    private static FormErrors tooLong(FormErrors errors, String field, String text) {
        if (text != null) {
            String words = text.strip();
            int length = words.codePointCount(0, words.length());
            if (length > MAX_TEXT) {
                errors.add(field, "parent.form.error.tooLong", String.format("%,d", MAX_TEXT), String.format("%,d", length));
            }
        }
        return errors;
    }

    private static void put(Map<String, Object> draft, String key, Object value) {
        if (value == null) {
            draft.remove(key);
        } else {
            draft.put(key, value);
        }
    }

    private static String blankToNull(String text) {
        String clean = FreeText.clean(text);
        return clean == null || clean.isBlank() ? null : clean.strip();
    }
}
