package org.myview.listened;

import io.micronaut.serde.annotation.Serdeable;
import org.myview.notify.ContactAddresses;
import org.myview.web.FormErrors;
import org.myview.web.TextForm;
import org.myview.web.FormResult;

/** "Send it by text or email" under a new follow-up link: a UK mobile and/or an email; the addresses go only to outbox rows. */
@Serdeable
record FollowUpMessageForm(String token, String mobile, String email) implements TextForm {

    record To(String mobile, String email) {
    }

    FormResult<To> check() {
        FormErrors errors = new FormErrors();
        String phone = ContactAddresses.ukMobile(mobile);
        if (!mobile.isEmpty() && phone == null) {
            errors.add("mobile", "listened.link.error.mobile");
        }
        if (!email.isEmpty() && !ContactAddresses.isEmail(email)) {
            errors.add("email", "listened.link.error.email");
        }
        if (mobile.isEmpty() && email.isEmpty()) {
            errors.add("mobile", "listened.link.error.none");
        }
        return FormResult.of(errors, () -> new To(phone, email.isEmpty() ? null : email));
    }
}
