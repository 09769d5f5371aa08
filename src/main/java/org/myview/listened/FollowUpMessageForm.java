package org.myview.listened;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import org.myview.notify.ContactAddresses;
import org.myview.web.FormErrors;
import org.myview.web.FormResult;
import org.myview.web.FreeText;

/** "Send it by text or email" under a new follow-up link: a UK mobile and/or an email; the addresses go only to outbox rows. */
@Serdeable
record FollowUpMessageForm(@Nullable String token, @Nullable String mobile, @Nullable String email) {

    record To(String mobile, String email) {
    }

    FollowUpMessageForm {
        token = FreeText.field(token);
        mobile = FreeText.field(mobile);
        email = FreeText.field(email);
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
