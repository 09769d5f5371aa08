package org.myview.web;

/**
 * Words people type: kept as typed, except for control characters no keyboard makes on purpose
 * (PostgreSQL refuses the NUL character in text and JSON, and the others only hide content).
 * Line breaks and tabs stay.
 */
public final class FreeText {

    private FreeText() {
    }

    public static String clean(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = (c < 0x20 && c != '\n' && c != '\r' && c != '\t') || c == 0x7F;
            if (control && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            } else if (!control && out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    /** A form field as a form record keeps it: cleaned, without surrounding spaces, "" when absent. */
    public static String field(String text) {
        return text == null ? "" : clean(text).strip();
    }
}
