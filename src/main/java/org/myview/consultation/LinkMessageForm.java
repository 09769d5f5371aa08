package org.myview.consultation;

import org.myview.web.FormErrors;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The "send it by text or email" form under the child's new link: a name to greet (optional), a UK mobile
 * and/or an email of the child or their carer. The addresses go only into outbox rows, never into a table of ours.
 */
record LinkMessageForm(String greeting, String mobile, String email) {

    static final int MAX_GREETING = 40;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s\\p{Cntrl}]{1,64}@[^@\\s\\p{Cntrl}]+\\.[^@\\s\\p{Cntrl}]+");
    /** Not a name: digits, an address, markup, or control characters (PostgreSQL refuses NUL in JSON). */
    private static final Pattern NOT_IN_A_NAME = Pattern.compile("[@\\d<>\\p{Cntrl}]");

    /** What to send: the greeting (blank when none) and each address in the form Notify takes. */
    record Checked(String greeting, String mobile, String email) {
    }

    static LinkMessageForm of(java.util.Map<String, String> body) {
        return new LinkMessageForm(body.get("greeting"), body.get("mobile"), body.get("email"));
    }

    Optional<Checked> check(FormErrors errors) {
        String name = trim(greeting);
        if (name != null && (name.length() > MAX_GREETING || NOT_IN_A_NAME.matcher(name).find())) {
            errors.add("greeting", "consultation.send.error.greeting", MAX_GREETING);
        }
        String phone = ukMobile(mobile);
        if (trim(mobile) != null && phone == null) {
            errors.add("mobile", "consultation.send.error.mobile");
        }
        String mail = trim(email);
        if (mail != null && (mail.length() > 254 || !EMAIL.matcher(mail).matches())) {
            errors.add("email", "consultation.send.error.email");
        }
        if (trim(mobile) == null && mail == null) {
            errors.add("mobile", "consultation.send.error.none");
        }
        return errors.isEmpty() ? Optional.of(new Checked(name == null ? "" : name, phone, mail)) : Optional.empty();
    }

    /** A UK mobile as Notify takes it (07... or +447...; spaces, brackets and dashes dropped); null when it is not one. Same rule as a parent's mobile. */
    static String ukMobile(String text) {
        String t = trim(text);
        if (t == null) {
            return null;
        }
        String digits = t.replaceAll("[\\s()-]", "");
        if (digits.matches("07\\d{9}")) {
            return digits;
        }
        if (digits.matches("\\+447\\d{9}")) {
            return "0" + digits.substring(3);
        }
        return null;
    }

    private static String trim(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
