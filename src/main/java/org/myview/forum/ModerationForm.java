package org.myview.forum;

import io.micronaut.serde.annotation.Serdeable;
import org.myview.web.FormErrors;
import org.myview.web.TextForm;
import org.myview.web.FormResult;

/**
 * "Save decision" on a child's answer waiting for the forum: approve it (its words, perhaps with anything identifying
 * edited out, up to {@link #MAX_TEXT} characters) or reject it. One problem at a time: the words are read only for approval.
 */
@Serdeable
record ModerationForm(String decision, String text) implements TextForm {

    static final int MAX_TEXT = 2000;

    /** A decision ready to act on; {@code text} matters only for approval. */
    record Decision(boolean approve, String text) {
    }

    FormResult<Decision> check() {
        FormErrors errors = new FormErrors();
        boolean approve = "approve".equals(decision);
        if (!approve && !"reject".equals(decision)) {
            errors.add("decision", "forum.check.error.decision");
        } else if (approve && text.isEmpty()) {
            errors.add("text", "forum.check.error.text");
        } else if (approve && text.length() > MAX_TEXT) {
            errors.add("text", "forum.check.error.long", MAX_TEXT);
        }
        return FormResult.of(errors, () -> new Decision(approve, text));
    }
}
