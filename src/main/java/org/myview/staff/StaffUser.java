package org.myview.staff;

import io.micronaut.security.authentication.Authentication;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/** The signed-in member of staff, as controllers of every feature see them. */
public record StaffUser(long accountId, String username, String displayName, Set<Role> roles, Instant sessionExpiresAt) {

    static final String ACCOUNT_ID = "accountId";
    static final String DISPLAY_NAME = "displayName";
    static final String EXPIRES_AT = "sessionExpiresAt";

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** Sees every review, not only their own. */
    public boolean seesAllReviews() {
        return has(Role.SERVICE_MANAGER);
    }

    public static StaffUser from(Authentication authentication) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String role : authentication.getRoles()) {
            roles.add(Role.valueOf(role));
        }
        Object expires = authentication.getAttributes().get(EXPIRES_AT);
        return new StaffUser(((Number) authentication.getAttributes().get(ACCOUNT_ID)).longValue(),
                authentication.getName(), (String) authentication.getAttributes().get(DISPLAY_NAME), roles,
                expires instanceof Instant instant ? instant : null);
    }
}
