package org.myview.staff;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import org.myview.web.FormErrors;
import org.myview.web.FormResult;
import org.myview.web.FreeText;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * "Add a staff account": a username (lower case; letters, digits and . _ @ -, 2 to 128 characters, not taken), a
 * name to show, an optional email address and at least one role (checkboxes). The caller says whether the username
 * is taken; the check reads no database.
 */
@Serdeable
record AccountForm(@Nullable String username, @Nullable String displayName, @Nullable String email, @Nullable List<String> roles) {

    static final int MAX_DISPLAY_NAME = 100;
    static final int MAX_EMAIL = 254;

    AccountForm {
        username = FreeText.field(username).toLowerCase(Locale.ROOT);
        displayName = FreeText.field(displayName);
        email = FreeText.field(email);
        roles = roles == null ? List.of() : roles.stream().map(FreeText::field).toList();
    }

    /** The roles ticked; a value that names no role is ignored, as a browser never sends one. */
    Set<Role> chosen() {
        return known(roles);
    }

    static Set<Role> known(@Nullable List<String> names) {
        Set<Role> chosen = EnumSet.noneOf(Role.class);
        if (names != null) {
            for (Role role : Role.values()) {
                if (names.contains(role.name())) {
                    chosen.add(role);
                }
            }
        }
        return chosen;
    }

    FormResult<StaffAccountService.NewAccount> check(boolean usernameTaken) {
        FormErrors errors = new FormErrors();
        if (username.isEmpty()) {
            errors.add("username", "staff.accounts.error.usernameMissing");
        } else if (!username.matches(StaffAccountService.USERNAME_FORMAT)) {
            errors.add("username", "staff.accounts.error.usernameFormat");
        } else if (usernameTaken) {
            errors.add("username", "staff.accounts.error.usernameTaken");
        }
        if (displayName.isEmpty()) {
            errors.add("displayName", "staff.accounts.error.displayNameMissing");
        } else if (displayName.length() > MAX_DISPLAY_NAME) {
            errors.add("displayName", "staff.accounts.error.displayNameTooLong");
        }
        if (!email.isEmpty() && (email.length() > MAX_EMAIL || !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"))) {
            errors.add("email", "staff.accounts.error.emailFormat");
        }
        Set<Role> chosen = chosen();
        if (chosen.isEmpty()) {
            errors.add("roles", "staff.accounts.error.rolesMissing");
        }
        return FormResult.of(errors, () -> new StaffAccountService.NewAccount(username, displayName, email.isEmpty() ? null : email, chosen));
    }
}
