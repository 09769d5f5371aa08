package org.myview.staff;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import org.myview.web.FormErrors;
import org.myview.web.FormResult;

/**
 * The sign-in form as posted. Both fields are kept exactly as typed (a password is not free text to tidy, and the
 * username goes to the account lookup as sent). Checking it only says what is missing: whether the pair is right is
 * {@link SignInService}'s question, asked only when both are there, so an empty post costs no password check and no
 * throttle count.
 */
@Serdeable
record SignInForm(@Nullable String username, @Nullable String password) {

    /** Longer than any username: not shown again on the page. */
    static final int MAX_SHOWN_USERNAME = 100;

    /** A username and password to check against the accounts. */
    record Credentials(String username, String password) {
    }

    SignInForm {
        username = username == null ? "" : username;
        password = password == null ? "" : password;
    }

    FormResult<Credentials> check() {
        FormErrors errors = new FormErrors();
        if (username.isBlank()) {
            errors.add("username", "staff.signIn.error.usernameMissing");
        }
        if (password.isEmpty()) {
            errors.add("password", "staff.signIn.error.passwordMissing");
        }
        return FormResult.of(errors, () -> new Credentials(username, password));
    }

    /** The username to show again after a refusal. */
    String shownUsername() {
        return username.length() > MAX_SHOWN_USERNAME ? "" : username;
    }
}
