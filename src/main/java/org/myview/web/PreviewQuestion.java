package org.myview.web;

import java.util.List;

/** A question of a public form as a staff language preview lists it: its words in one language, nothing stored. */
public record PreviewQuestion(int number, String title, String hint, List<Option> options) {

    /** An answer's words, and its picture where the version has pictures (else null). */
    public record Option(String label, String picture) {
    }
}
