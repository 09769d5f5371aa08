package org.myview.web;

/**
 * A form record whose fields are all text: {@link FormFields} binds it from the posted form, every field cleaned
 * there once, so the record itself only checks.
 */
public interface TextForm {
}
