package org.myview.staff;

import jakarta.inject.Singleton;
import org.myview.system.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a person the identity provider has vouched for into a MyView session: finds their account
 * (or creates it, when configured to), brings its roles in line with the token, and refuses disabled
 * and unknown accounts. Every outcome is audited; the log names account ids only, never a claim's value.
 */
@Singleton
public record SsoSignInService(StaffAccountRepository accounts, SignInService signIn, AuditTrail audit, SsoSettings settings,
                               ActiveAdministrators administrators, Transactions transactions) {

    private static final Logger LOG = LoggerFactory.getLogger(SsoSignInService.class);
    private static final String METHOD = "oidc";

    /** What the ID token said about the person. {@code rolesInToken} is false when it had no roles claim. */
    public record SsoIdentity(String username, String displayName, String email, Set<Role> roles, boolean rolesInToken) {
    }

    /** How a single sign-on ended. */
    public sealed interface Outcome permits SignedIn, Refused {
    }

    public record SignedIn(StaffAccount account, StaffSession session) implements Outcome {
    }

    /** {@code reason} is a code for the audit trail and the log: no-username, no-account, disabled. */
    public record Refused(String reason) implements Outcome {
    }

    public Outcome signIn(SsoIdentity identity) {
        return transactions.write(() -> {
            String username = identity.username() == null ? "" : identity.username().trim().toLowerCase(Locale.ROOT);
            if (username.isEmpty()) {
                return refuse(Optional.empty(), "no-username");
            }
            Optional<StaffAccount> found = accounts.findByUsername(username);
            if (found.isEmpty()) {
                found = create(username, identity);
                if (found.isEmpty()) {
                    return refuse(Optional.empty(), "no-account");
                }
            }
            StaffAccount account = found.get();
            if (account.disabled()) {
                return refuse(found, "disabled");
            }
            if (identity.rolesInToken() && !identity.roles().equals(account.roles())) {
                Set<Role> roles = keepTheLastAdministrator(account, identity.roles());
                if (!roles.equals(account.roles())) {
                    accounts.setRoles(account.id(), roles);
                    audit.record(AuditEvent.of(SignInService.userOf(account, null), AuditAction.ACCOUNT_ROLES_CHANGED)
                            .subject("staff_account", account.id())
                            .detail(Map.of("before", account.roles().stream().map(Enum::name).sorted().toList(),
                                    "after", roles.stream().map(Enum::name).sorted().toList(), "by", METHOD)));
                }
            }
            return signIn.signInVerified(account.username())
                    .<Outcome>map(s -> new SignedIn(s.account(), s.session()))
                    .orElseGet(() -> refuse(Optional.of(account), "disabled"));
        });
    }

    /**
     * The identity provider's roles, except that the last active administrator keeps ADMIN, as on the accounts
     * page: a group change at the provider must not leave the service with nobody who can manage accounts. The
     * refusal is audited so an administrator sees why the account still holds the role.
     */
    private Set<Role> keepTheLastAdministrator(StaffAccount account, Set<Role> fromToken) {
        if (fromToken.contains(Role.ADMIN) || !account.roles().contains(Role.ADMIN)) {
            return fromToken;
        }
        List<Long> activeAdmins = administrators.lock();
        if (!(activeAdmins.contains(account.id()) && activeAdmins.size() <= 1)) {
            return fromToken;
        }
        audit.record(AuditEvent.of(SignInService.userOf(account, null), AuditAction.ACCOUNT_ROLES_CHANGED)
                .subject("staff_account", account.id())
                .detail(Map.of("refused", "last-administrator", "by", METHOD)));
        LOG.info("Single sign-on left ADMIN on account {}: it is the last active administrator", account.id());
        Set<Role> kept = EnumSet.of(Role.ADMIN);
        kept.addAll(fromToken);
        return kept;
    }

    /**
     * Only when configured to, and only for a token that gives at least one MyView role: otherwise anyone
     * the provider knows (a whole organisation's staff) could fill the account list by clicking a link.
     */
    private Optional<StaffAccount> create(String username, SsoIdentity identity) {
        if (!settings.createAccounts() || identity.roles().isEmpty()
                || !username.matches(StaffAccountService.USERNAME_FORMAT)) {
            return Optional.empty();
        }
        String name = identity.displayName() == null || identity.displayName().isBlank() ? username : identity.displayName().trim();
        String email = identity.email() != null && identity.email().length() <= 254
                && identity.email().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") ? identity.email().trim() : null;
        long id = accounts.insert(username, name.length() > 100 ? name.substring(0, 100) : name, email);
        accounts.setRoles(id, identity.roles());
        StaffAccount account = accounts.findById(id).orElseThrow();
        audit.record(AuditEvent.of(SignInService.userOf(account, null), AuditAction.ACCOUNT_CREATED)
                .subject("staff_account", id)
                .detail(Map.of("roles", identity.roles().stream().map(Enum::name).sorted().toList(), "by", METHOD)));
        LOG.info("Staff account {} created by single sign-on", id);
        return Optional.of(account);
    }

    private Refused refuse(Optional<StaffAccount> account, String reason) {
        Map<String, Object> detail = new HashMap<>();
        detail.put("method", METHOD);
        detail.put("reason", reason);
        audit.record(account.map(a -> AuditEvent.of(SignInService.userOf(a, null), AuditAction.SIGN_IN_FAILED))
                .orElseGet(() -> AuditEvent.of(null, AuditAction.SIGN_IN_FAILED).subject("username", "unknown"))
                .detail(detail));
        LOG.info("Single sign-on refused ({}) for {}", reason, account.map(a -> "account " + a.id()).orElse("a person with no account"));
        return new Refused(reason);
    }

    /** Our roles for the values of the roles claim; values that are not ours are ignored. */
    public Set<Role> rolesFor(Iterable<?> values) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Object value : values) {
            if (value != null) {
                settings.roleFor(value.toString()).ifPresent(roles::add);
            }
        }
        return roles;
    }
}
