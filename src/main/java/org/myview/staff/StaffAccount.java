package org.myview.staff;

import java.time.Instant;
import java.util.Set;

/** A member of staff as the service knows them. The password hash never leaves the repository. */
public record StaffAccount(long id, String username, String displayName, String email, Set<Role> roles,
                           boolean disabled, int sessionEpoch, boolean hasPassword, Instant lastSignInAt) {

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
