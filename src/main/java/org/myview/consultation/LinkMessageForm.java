package org.myview.consultation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import org.myview.notify.ContactAddresses;
import org.myview.web.FormErrors;
import org.myview.web.FormResult;

import java.util.regex.Pattern;

/**
 * The "send it by text or email" form under the child's new link: a name to greet (optional), a UK mobile
 * and/or an email of the child or their carer. The addresses go only into outbox rows, never into a table of ours.
 */
@Serdeable
record LinkMessageForm(@Nullable String token, @Nullable String greeting, @Nullable String mobile, @Nullable String email) {

    static final int MAX_GREETING = 40;
    /** Not a name: digits, an address, markup, or control characters (PostgreSQL refuses NUL in JSON). */
    private static final Pattern NOT_IN_A_NAME = Pattern.compile("[@\\d<>\\p{Cntrl}]");

    /** What to send: the greeting (blank when none) and each address in the form Notify takes (null when not given). */
    record Message(String greeting, String mobile, String email) {
    }

    static LinkMessageForm empty() {
        return new LinkMessageForm(null, null, null, null);
    }

    FormResult<Message> check() {
        FormErrors errors = new FormErrors();
        String name = trim(greeting);
        if (name != null && (name.length() > MAX_GREETING || NOT_IN_A_NAME.matcher(name).find())) {
            errors.add("greeting", "consultation.send.error.greeting", MAX_GREETING);
        }
        String phone = ContactAddresses.ukMobile(mobile);
        if (trim(mobile) != null && phone == null) {
            errors.add("mobile", "consultation.send.error.mobile");
        }
        String mail = trim(email);
        if (mail != null && !ContactAddresses.isEmail(mail)) {
            errors.add("email", "consultation.send.error.email");
        }
        if (trim(mobile) == null && mail == null) {
            errors.add("mobile", "consultation.send.error.none");
        }
        return FormResult.of(errors, () -> new Message(name == null ? "" : name, phone, mail));
    }

    private static String trim(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
