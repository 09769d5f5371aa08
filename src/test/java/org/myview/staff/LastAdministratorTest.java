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

    @Test
    void theLastAdministratorKeepsTheRoleAndTwoRemovingEachOtherLeaveOne() {
        long only = StaffFixtures.account(context, "last.admin", Role.ADMIN);
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
}
