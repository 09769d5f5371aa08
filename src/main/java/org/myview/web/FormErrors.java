package org.myview.web;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The problems found in a submitted form, in the order the fields appear on the page. Templates
 * show them in the GOV.UK error summary and beside each field.
 */
public final class FormErrors {

    private final List<FieldError> errors = new ArrayList<>();

    public FormErrors add(String field, String key, Object... args) {
        errors.add(new FieldError(field, key, args));
        return this;
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public boolean has(String field) {
        return errors.stream().anyMatch(e -> e.field().equals(field));
    }

    /** The first error of a field, for the inline message; null when the field is fine. */
    public FieldError of(String field) {
        return errors.stream().filter(e -> e.field().equals(field)).findFirst().orElse(null);
    }

    public Optional<FieldError> first() {
        return errors.stream().findFirst();
    }

    public List<FieldError> all() {
        return Collections.unmodifiableList(errors);
    }
}
