package org.myview.staff;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.myview.support.StaffFixtures;
import org.myview.support.WebClient;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class ApiBasicAuthTest {

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext context;

    @Test
    void theApiTakesHttpBasicWithAStaffAccountAndNothingElse() {
        StaffFixtures.account(context, "api.manager", Role.SERVICE_MANAGER);
        WebClient client = new WebClient(server.getURI());

        WebClient.Page none = client.get("/api/me");
        assertEquals(401, none.status());
        assertTrue(none.header("WWW-Authenticate").startsWith("Basic"));

        WebClient.Page wrong = client.send(client.request("/api/me").header("Authorization", basic("api.manager", "LEAKCANARY-wrong-pass")).build());
        assertEquals(401, wrong.status());

        WebClient.Page right = client.send(client.request("/api/me").header("Authorization", basic("api.manager", StaffFixtures.PASSWORD)).build());
        assertEquals(200, right.status());
        assertTrue(right.body().contains("\"username\":\"api.manager\""));
        assertTrue(right.body().contains("SERVICE_MANAGER"));
        assertEquals("no-store", right.header("Cache-Control"));
    }

    @Test
    void aBrowserSessionCookieDoesNotOpenTheApi() {
        StaffFixtures.account(context, "api.cookie", Role.SERVICE_MANAGER);
        WebClient browser = new WebClient(server.getURI());
        StaffFixtures.signIn(browser, "api.cookie");

        assertEquals(401, browser.get("/api/me").status());
    }

    @Test
    void basicCredentialsDoNotOpenThePages() {
        StaffFixtures.account(context, "api.pages", Role.ADMIN);
        WebClient client = new WebClient(server.getURI());

        WebClient.Page page = client.send(client.request("/admin/accounts").header("Authorization", basic("api.pages", StaffFixtures.PASSWORD)).build());

        assertEquals(303, page.status());
    }

    static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
