package org.myview.staff;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.Set;

/**
 * "Save roles" on an account page: the roles ticked, any number, none included. Whether the last active
 * administrator keeps the administrator role is the service's rule, as it needs every account.
 */
@Serdeable
record RolesForm(@Nullable List<String> roles) {

    RolesForm {
        roles = roles == null ? List.of() : List.copyOf(roles.stream().map(r -> r == null ? "" : r.strip()).toList());
    }

    Set<Role> chosen() {
        return AccountForm.known(roles);
    }
}
