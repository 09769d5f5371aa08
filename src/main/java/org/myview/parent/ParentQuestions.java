package org.myview.parent;

import java.util.List;

/**
 * The parent's forms as data: a form is a list of questions, one per page. A question has a type
 * (which decides how it is checked and which fragment draws it), the answer's field name, its
 * options, and, for "choose and tell us more", a free-text field beside the choices. Words are in
 * i18n/parent.properties under {@code parent.q.<name>.*}.
 */
final class ParentQuestions {

    enum Type { ONE_OF, SOME_OF_WITH_TEXT, TEXT }

    record Question(String name, Type type, List<String> options, String textName) {

        public boolean isText() {
            return type == Type.TEXT;
        }

        public boolean isOneOf() {
            return type == Type.ONE_OF;
        }

        public boolean isSomeOf() {
            return type == Type.SOME_OF_WITH_TEXT;
        }
    }

    /** Free text is limited, with a clear message, and shown escaped wherever it appears. */
    static final int MAX_TEXT = 1000;

    static final List<String> YES_PARTLY_NO = List.of("YES", "PARTLY", "NO");
    static final List<String> BARRIERS = List.of("NOT_CLEAR", "TIME", "MONEY", "HEALTH", "HELP", "WORKER_CHANGES", "OTHER_PEOPLE", "NOTHING");
    static final List<String> RATING = List.of("5", "4", "3", "2", "1");

    static final List<Question> FIRST = List.of(
            new Question("understandWhy", Type.ONE_OF, YES_PARTLY_NO, null),
            new Question("knowWhatChange", Type.ONE_OF, YES_PARTLY_NO, null),
            new Question("barriers", Type.SOME_OF_WITH_TEXT, BARRIERS, "barriersOther"),
            new Question("supportRating", Type.ONE_OF, RATING, null),
            new Question("understoodConcerns", Type.ONE_OF, YES_PARTLY_NO, null),
            new Question("madeDifference", Type.ONE_OF, YES_PARTLY_NO, null),
            new Question("anythingElse", Type.TEXT, List.of(), null));

    /** The shorter follow-up: has understanding changed (the same measure, asked again), and anything else. */
    static final List<Question> FOLLOW_UP = List.of(
            new Question("understandWhy", Type.ONE_OF, YES_PARTLY_NO, null),
            new Question("anythingElse", Type.TEXT, List.of(), null));

    static List<Question> form(String kind) {
        return "FOLLOW_UP".equals(kind) ? FOLLOW_UP : FIRST;
    }

    private ParentQuestions() {
    }
}
