package org.myview.review;

import java.util.Objects;

/**
 * One broken rule: which rule ("166", "441", or a local name such as "DOB"), the SSDA903 column it points at
 * (so a form can put the message beside the right field), and a sentence telling a person what to fix.
 */
public record RuleViolation(String rule, String column, String message) {
    public RuleViolation {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(message, "message");
    }
}
