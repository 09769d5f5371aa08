package org.myview.consultation;

/**
 * What a child gave for one question, as its {@link QuestionKind} checked it: either the value to store or the
 * problem's message key.
 */
record GivenAnswer(String stored, String problem) {

    static GivenAnswer kept(String stored) {
        return new GivenAnswer(stored, null);
    }

    static GivenAnswer refused(String key) {
        return new GivenAnswer(null, key);
    }
}
