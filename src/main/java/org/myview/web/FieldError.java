package org.myview.web;

/** One problem with one field of a form: the field's id (for the error summary link) and a message key. */
public record FieldError(String field, String key, Object... args) {
}
