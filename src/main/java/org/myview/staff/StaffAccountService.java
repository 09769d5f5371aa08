package org.myview.staff;

import jakarta.inject.Singleton;
import org.myview.system.SecretTokens;
import org.myview.system.Transactions;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;


/** Account administration: create, roles, disable and enable, set-password links. Every change is audited. */
@Singleton
public class StaffAccountService {

    static final Duration SET_PASSWORD_LINK_LIFETIME = Duration.ofHours(24);

    /** As the database checks it (V3): '@' so that a work account's name (jo.bloggs@trust.org) can be one. */
    static final String USERNAME_FORMAT = "[a-z0-9._@-]{2,128}";

    /** A new account's details as typed on the form. */
    public record NewAccount(String username, String displayName, String email, Set<Role> roles) {
    }

    private final StaffAccountRepository accounts;
    private final AuditTrail audit;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final Clock clock;
    private final ActiveAdministrators administrators;
    private final Transactions transactions;
    private final SecureRandom random = new SecureRandom();

    StaffAccountService(StaffAccountRepository accounts, AuditTrail audit, PasswordHasher hasher, PasswordPolicy policy,
                        Clock clock, ActiveAdministrators administrators, Transactions transactions) {
        this.administrators = administrators;
        this.accounts = accounts;
        this.audit = audit;
        this.hasher = hasher;
        this.policy = policy;
        this.clock = clock;
        this.transactions = transactions;
    }

    public List<StaffAccount> all() {
        return transactions.read(() -> accounts.findAll());
    }

    public Optional<StaffAccount> find(long id) {
        return transactions.read(() -> accounts.findById(id));
    }

    public Optional<StaffAccount> findByUsername(String username) {
        return transactions.read(() -> accounts.findByUsername(username));
    }

    public List<StaffAccount> withRole(Role role) {
        return transactions.read(() -> accounts.findByRole(role));
    }

    public boolean usernameTaken(String username) {
        return transactions.read(() -> accounts.findByUsername(username).isPresent());
    }

    public long create(StaffUser admin, NewAccount account) {
        return transactions.write(() -> {
            long id = accounts.insert(account.username().trim(), account.displayName().trim(),
                    account.email() == null || account.email().isBlank() ? null : account.email().trim());
            accounts.setRoles(id, account.roles());
            audit.record(AuditEvent.of(admin, AuditAction.ACCOUNT_CREATED).subject("staff_account", id)
                    .detail(Map.of("roles", account.roles().stream().map(Enum::name).sorted().toList())));
            return id;
        });
    }

    /**
     * Taking the administrator role from the last active administrator is refused (returns false), like
     * disabling them: someone must be able to manage accounts.
     */
    public boolean setRoles(StaffUser admin, long accountId, Set<Role> roles) {
        return transactions.write(() -> {
            List<Long> activeAdmins = administrators.lock();
            StaffAccount before = accounts.findById(accountId).orElseThrow();
            if (!roles.contains(Role.ADMIN) && activeAdmins.contains(accountId) && activeAdmins.size() <= 1) {
                return false;
            }
            accounts.setRoles(accountId, roles.isEmpty() ? EnumSet.noneOf(Role.class) : roles);
            audit.record(AuditEvent.of(admin, AuditAction.ACCOUNT_ROLES_CHANGED).subject("staff_account", accountId)
                    .detail(Map.of("before", before.roles().stream().map(Enum::name).sorted().toList(),
                            "after", roles.stream().map(Enum::name).sorted().toList())));
            return true;
        });
    }

    /** Disabling the last active administrator is refused: someone must be able to manage accounts. */
    public boolean setDisabled(StaffUser admin, long accountId, boolean disabled) {
        return transactions.write(() -> {
            List<Long> activeAdmins = administrators.lock();
            if (disabled && activeAdmins.contains(accountId) && activeAdmins.size() <= 1) {
                return false;
            }
            accounts.setDisabled(accountId, disabled);
            audit.record(AuditEvent.of(admin, disabled ? AuditAction.ACCOUNT_DISABLED : AuditAction.ACCOUNT_ENABLED)
                    .subject("staff_account", accountId));
            return true;
        });
    }

    /** A one-time link to set a password: the token is returned once and only its hash is kept. */
    public String createSetPasswordLink(StaffUser admin, long accountId) {
        return transactions.write(() -> {
            String token = SecretTokens.newToken(random);
            Instant now = clock.instant();
            accounts.expireLinks(accountId, now);
            accounts.insertLink(accountId, SecretTokens.hash(token), admin == null ? null : admin.accountId(),
                    now.plus(SET_PASSWORD_LINK_LIFETIME));
            audit.record(AuditEvent.of(admin, AuditAction.SET_PASSWORD_LINK_CREATED).subject("staff_account", accountId));
            return token;
        });
    }

    /** The account a set-password link is for, if the link is unused and unexpired. */
    public Optional<StaffAccount> accountForLink(String token) {
        return transactions.read(() -> {
            if (!SecretTokens.looksValid(token)) {
                return Optional.empty();
            }
            Optional<Long> accountId = accounts.accountForLink(SecretTokens.hash(token), clock.instant());
            return accountId.flatMap(accounts::findById).filter(a -> !a.disabled());
        });
    }

    /** Uses the link (once) and sets the password; every existing session of the account ends. */
    public boolean setPasswordWithLink(String token, String password) {
        return transactions.write(() -> {
            Optional<StaffAccount> account = accountForLink(token);
            if (account.isEmpty() || policy.problem(password, account.get().username()).isPresent()) {
                return false;
            }
            int used = accounts.useLink(SecretTokens.hash(token), clock.instant());
            if (used != 1) {
                return false;
            }
            accounts.setPasswordHash(account.get().id(), hasher.hash(password));
            audit.record(AuditEvent.of(SignInService.userOf(account.get(), null), AuditAction.PASSWORD_SET)
                    .subject("staff_account", account.get().id()));
            return true;
        });
    }

    /** Creates an account with a password directly: the first administrator and the demo accounts only. */
    public long createWithPassword(NewAccount account, String password) {
        return transactions.write(() -> {
            long id = accounts.findByUsername(account.username()).map(StaffAccount::id)
                    .orElseGet(() -> accounts.insert(account.username(), account.displayName(), account.email()));
            accounts.setRoles(id, account.roles());
            accounts.setPasswordHash(id, hasher.hash(password));
            audit.record(AuditEvent.of(null, AuditAction.ACCOUNT_CREATED).subject("staff_account", id)
                    .detail(Map.of("roles", account.roles().stream().map(Enum::name).sorted().toList(), "by", "configuration")));
            return id;
        });
    }

    public long countActiveAdministrators() {
        return transactions.read(() -> accounts.countActiveWithRole(Role.ADMIN));
    }

}
