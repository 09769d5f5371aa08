package org.myview.notify;

import java.util.regex.Pattern;

/** The addresses GOV.UK Notify can send to, checked the same way wherever people type them. */
public final class ContactAddresses {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s\\p{Cntrl}]{1,64}@[^@\\s\\p{Cntrl}]+\\.[^@\\s\\p{Cntrl}]+");

    private ContactAddresses() {
    }

    /** A UK mobile as Notify takes it (07... or +447...; spaces, brackets and dashes dropped); null when it is not one. */
    public static String ukMobile(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String digits = text.strip().replaceAll("[\\s()-]", "");
        if (digits.matches("07\\d{9}")) {
            return digits;
        }
        if (digits.matches("\\+447\\d{9}")) {
            return "0" + digits.substring(3);
        }
        return null;
    }

    /** An email address of a shape Notify accepts (at most 254 characters, no spaces or control characters). */
    public static boolean isEmail(String text) {
        return text != null && text.length() <= 254 && EMAIL.matcher(text).matches();
    }
}
