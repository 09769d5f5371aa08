package org.myview.staff;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.EnumSet;

/**
 * Production's way in: on a database with no active administrator, the account named by
 * {@code MYVIEW_FIRST_ADMIN_USERNAME} is created (or given back the ADMIN role) with the password in
 * {@code MYVIEW_FIRST_ADMIN_PASSWORD}. Once an administrator exists the variables are ignored, and
 * they should be removed.
 */
@Singleton
@Requires(property = "myview.first-admin.username")
class FirstAdministrator implements ApplicationEventListener<StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(FirstAdministrator.class);

    private final StaffAccountService accounts;
    private final PasswordPolicy policy;
    private final String username;
    private final String password;

    FirstAdministrator(StaffAccountService accounts, PasswordPolicy policy,
                       @Value("${myview.first-admin.username}") String username,
                       @Nullable @Value("${myview.first-admin.password:}") String password) {
        this.accounts = accounts;
        this.policy = policy;
        this.username = username.trim().toLowerCase();
        this.password = password;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        if (accounts.countActiveAdministrators() > 0) {
            return;
        }
        if (password == null || policy.problem(password, username).isPresent()) {
            LOG.error("No administrator exists and MYVIEW_FIRST_ADMIN_PASSWORD is missing or too weak "
                    + "(at least {} characters, not a common password): no administrator was created", PasswordPolicy.MINIMUM_LENGTH);
            return;
        }
        accounts.createWithPassword(new StaffAccountService.NewAccount(username, "Administrator", null,
                EnumSet.of(Role.ADMIN)), password);
        LOG.info("First administrator account created from configuration; remove MYVIEW_FIRST_ADMIN_PASSWORD now");
    }
}
