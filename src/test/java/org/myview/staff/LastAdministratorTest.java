package org.myview.staff;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.myview.support.StaffFixtures;
import org.myview.support.WebClient;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 22, item 7: the last active administrator can neither be disabled nor lose the ADMIN role, not even by
 * themselves, and two administrators removing each other at once leave one.
 */
@MicronautTest(transactional = false)
class LastAdministratorTest {

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext context;
    @Inject
    StaffAccountService accounts;
    @Inject
    SsoSignInService ssoSignIn;
    @Inject
    ActiveAdministrators administrators;

    @Test
    void theLastAdministratorKeepsTheRoleAndTwoRemovingEachOtherLeaveOne() {
        long only = onlyAdministrator("last.admin");
        WebClient admin = new WebClient(server.getURI());
        String csrf = StaffFixtures.signIn(admin, "last.admin");

        WebClient.Page page = admin.post("/admin/accounts/" + only + "/roles", "_csrf", csrf, "roles", "SERVICE_MANAGER");

        assertEquals(422, page.status());
        assertTrue(page.body().contains("last administrator"), "says why");
        assertTrue(accounts.find(only).orElseThrow().has(Role.ADMIN));
        assertEquals(1, accounts.countActiveAdministrators());

        // A second administrator; then each takes the role from the other at the same moment, several times over.
        for (int round = 0; round < 5; round++) {
            long other = StaffFixtures.account(context, "other.admin" + round, Role.ADMIN);
            StaffUser a = new StaffUser(only, "last.admin", "A", java.util.Set.of(Role.ADMIN), null);
            StaffUser b = new StaffUser(other, "other.admin" + round, "B", java.util.Set.of(Role.ADMIN), null);
            CompletableFuture<Boolean> first = CompletableFuture.supplyAsync(
                    () -> accounts.setRoles(a, other, java.util.Set.of(Role.REVIEWING_OFFICER)));
            CompletableFuture<Boolean> second = CompletableFuture.supplyAsync(
                    () -> accounts.setDisabled(b, only, true));
            List<Boolean> done = List.of(first.join(), second.join());
            assertEquals(1, accounts.countActiveAdministrators(), "one administrator is left: " + done);
            // Back to one administrator (the original) for the next round.
            if (accounts.find(only).orElseThrow().disabled()) {
                accounts.setDisabled(b, only, false);
                accounts.setDisabled(a, other, true);
            }
        }
    }

    /** The identity provider dropping the last administrator's group does not take ADMIN away (issue 22, item 7). */
    @Test
    void singleSignOnLeavesTheLastAdministratorTheRoleButChangesTheOthers() {
        long only = onlyAdministrator("sso.last.admin");

        SsoSignInService.Outcome outcome = ssoSignIn.signIn(new SsoSignInService.SsoIdentity("sso.last.admin", null, null,
                java.util.Set.of(Role.SERVICE_MANAGER), true));

        assertTrue(outcome instanceof SsoSignInService.SignedIn, "still signed in");
        assertEquals(java.util.EnumSet.of(Role.ADMIN, Role.SERVICE_MANAGER), accounts.find(only).orElseThrow().roles(),
                "keeps ADMIN, gains the provider's roles");
        assertEquals(1, accounts.countActiveAdministrators());

        // With a second administrator the provider's word stands.
        StaffFixtures.account(context, "sso.second.admin", Role.ADMIN);
        ssoSignIn.signIn(new SsoSignInService.SsoIdentity("sso.last.admin", null, null, java.util.Set.of(Role.SERVICE_MANAGER), true));
        assertEquals(java.util.EnumSet.of(Role.SERVICE_MANAGER), accounts.find(only).orElseThrow().roles());
    }

    /** A new administrator, and every other one disabled (the tests of this class share a database). */
    private long onlyAdministrator(String username) {
        long only = StaffFixtures.account(context, username, Role.ADMIN);
        for (long id : administrators.list()) {
            if (id != only) {
                accounts.setDisabled(null, id, true);
            }
        }
        assertEquals(1, accounts.countActiveAdministrators());
        return only;
    }
}
