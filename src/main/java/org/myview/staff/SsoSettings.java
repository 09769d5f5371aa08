package org.myview.staff;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * How an OpenID Connect ID token maps to a staff account (docs/sso.md). {@code usernameClaim} names the
 * claim matched, case-insensitively, with our username; {@code rolesClaim} the claim whose values set
 * the account's roles when the token has it; {@code createAccounts} lets single sign-on create an account
 * that does not exist yet. {@code roleMapping} is optional, {@code value=ROLE} pairs separated by commas,
 * for providers whose role values are not our role names.
 */
@ConfigurationProperties("myview.sso")
public record SsoSettings(
        @Bindable(defaultValue = "preferred_username") String usernameClaim,
        @Bindable(defaultValue = "roles") String rolesClaim,
        @Bindable(defaultValue = "false") boolean createAccounts,
        @Bindable(defaultValue = "") String roleMapping) {

    /** Our role for a value of the roles claim: a mapped value, or one of our role names; any case. */
    public Optional<Role> roleFor(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String key = value.trim().toLowerCase(Locale.ROOT);
        Role mapped = mapping().get(key);
        if (mapped != null) {
            return Optional.of(mapped);
        }
        for (Role role : Role.values()) {
            if (role.name().toLowerCase(Locale.ROOT).equals(key)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }

    /** The mapping as configured; a pair naming no role of ours is ignored, as an unknown value would be. */
    Map<String, Role> mapping() {
        Map<String, Role> map = new TreeMap<>();
        if (roleMapping == null || roleMapping.isBlank()) {
            return map;
        }
        for (String pair : roleMapping.split(",")) {
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                continue;
            }
            String role = pair.substring(equals + 1).trim().toUpperCase(Locale.ROOT);
            for (Role candidate : Role.values()) {
                if (candidate.name().equals(role)) {
                    map.put(pair.substring(0, equals).trim().toLowerCase(Locale.ROOT), candidate);
                }
            }
        }
        return map;
    }
}
