package org.myview.staff;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.myview.support.StaffFixtures;
import org.myview.support.WebClient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class CsrfTest {

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext context;
    @Inject
    StaffAccountService accounts;

    @Test
    void aForgedPostWithoutTheSessionsTokenIsRefusedAndChangesNothing() {
        StaffFixtures.account(context, "csrf.admin", Role.ADMIN);
        WebClient admin = new WebClient(server.getURI());
        String token = StaffFixtures.signIn(admin, "csrf.admin");

        WebClient.Page noToken = admin.post("/admin/accounts", "username", "forged.one", "displayName", "Forged", "roles", "ADMIN");
        WebClient.Page wrongToken = admin.post("/admin/accounts", "_csrf", token + "x", "username", "forged.two",
                "displayName", "Forged", "roles", "ADMIN");

        WebClient other = new WebClient(server.getURI());
        StaffFixtures.account(context, "csrf.other", Role.ADMIN);
        String otherToken = StaffFixtures.signIn(other, "csrf.other");
        WebClient.Page anotherSessionsToken = admin.post("/admin/accounts", "_csrf", otherToken, "username", "forged.three",
                "displayName", "Forged", "roles", "ADMIN");

        WebClient.Page crossSite = admin.send(admin.request("/admin/accounts")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Sec-Fetch-Site", "cross-site")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("_csrf=" + token + "&username=forged.four&displayName=F&roles=ADMIN"))
                .build());

        for (WebClient.Page refused : new WebClient.Page[]{noToken, wrongToken, anotherSessionsToken, crossSite}) {
            assertEquals(403, refused.status());
            assertTrue(refused.body().contains("This page has expired"));
        }
        for (String username : new String[]{"forged.one", "forged.two", "forged.three", "forged.four"}) {
            assertTrue(accounts.findByUsername(username).isEmpty(), username + " must not exist");
        }

        WebClient.Page genuine = admin.post("/admin/accounts", "_csrf", token, "username", "genuine.one",
                "displayName", "Genuine", "roles", "REVIEWING_OFFICER");
        assertEquals(200, genuine.status());
        assertTrue(accounts.findByUsername("genuine.one").isPresent());
    }
}
