package org.myview.web;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * What checking a submitted form gives: the clean value when every field is right, or the field errors
 * to show on the same page again (status 422, nothing changed). The one form convention of the service:
 * a record per form, bound with {@code @Body}, whose {@code check(...)} returns a {@code FormResult}.
 * docs/architecture.md ("Forms") has an example to copy.
 */
public record FormResult<T>(T value, FormErrors errors) {

    /** The value, built only when no field has an error. */
    public static <T> FormResult<T> of(FormErrors errors, Supplier<T> value) {
        return errors.isEmpty() ? new FormResult<>(value.get(), errors) : new FormResult<>(null, errors);
    }

    /** A one-question form: the answer, when it is one of the choices, or the field's error. */
    public static <T> FormResult<T> chosen(Optional<T> answer, String field, String errorKey) {
        return answer.map(a -> new FormResult<>(a, new FormErrors())).orElseGet(() -> invalid(new FormErrors().add(field, errorKey)));
    }

    public static <T> FormResult<T> invalid(FormErrors errors) {
        return new FormResult<>(null, errors);
    }

    public boolean isValid() {
        return errors.isEmpty();
    }
}
