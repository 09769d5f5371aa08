package org.myview.staff;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import org.myview.web.FormErrors;
import org.myview.web.FormResult;

/**
 * "Set your password": the password (the {@link PasswordPolicy}) and the same again. A password is kept exactly
 * as typed, spaces and all: it is not free text to tidy.
 */
@Serdeable
record SetPasswordForm(@Nullable String password, @Nullable String confirmPassword) {

    static final String MISMATCH = "staff.password.error.mismatch";

    SetPasswordForm {
        password = password == null ? "" : password;
        confirmPassword = confirmPassword == null ? "" : confirmPassword;
    }

    /** The password to set; the policy's problem on the password field first, then a mismatch on the second field. */
    FormResult<String> check(PasswordPolicy policy, String username) {
        FormErrors errors = new FormErrors();
        policy.problem(password, username).ifPresentOrElse(
                problem -> errors.add("password", problem, PasswordPolicy.MINIMUM_LENGTH),
                () -> {
                    if (!password.equals(confirmPassword)) {
                        errors.add("confirmPassword", MISMATCH, PasswordPolicy.MINIMUM_LENGTH);
                    }
                });
        return FormResult.of(errors, () -> password);
    }
}
