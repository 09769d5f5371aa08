package org.myview.system;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.myview.staff.Role;
import org.myview.support.RestartableDatabase;
import org.myview.support.StaffFixtures;
import org.myview.support.WebClient;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The database goes away and comes back: while it is away, pages answer a plain "try again" 503
 * (no stack trace, no 500); when it is back, the service serves again by itself.
 */
class DatabaseRestartTest {

    private static RestartableDatabase database;
    private static ApplicationContext context;
    private static WebClient web;

    @BeforeAll
    static void start() {
        database = new RestartableDatabase();
        context = ApplicationContext.run(Map.of(
                "datasources.default.url", database.jdbcUrl(),
                "datasources.default.username", "postgres",
                "datasources.default.password", "postgres",
                "datasources.default.connection-timeout", "1000",
                "micronaut.server.port", -1), "test");
        EmbeddedServer server = context.getBean(EmbeddedServer.class).start();
        web = new WebClient(server.getURI());
        StaffFixtures.account(context, "restart.manager", Role.SERVICE_MANAGER);
    }

    @AfterAll
    static void stop() {
        context.close();
        database.close();
    }

    @Test
    void answersTryAgainWhileTheDatabaseIsAwayAndRecoversWhenItIsBack() throws Exception {
        assertEquals(200, api().status());
        assertEquals(200, web.get("/health").status());

        String signInCsrf = StaffFixtures.signInFormToken(web);
        database.stop();
        try {
            WebClient.Page api = api();
            assertEquals(503, api.status(), api.body());
            assertTrue(api.body().contains("try again"), api.body());
            WebClient.Page page = web.get("/reviews");
            assertEquals(503 == page.status() || 303 == page.status(), true, "status " + page.status());
            WebClient.Page signIn = web.post("/sign-in", "username", "restart.manager", "password", "wrong-password-123", "_csrf", signInCsrf);
            assertEquals(503, signIn.status(), signIn.body());
            assertTrue(signIn.body().contains("try again in a minute"), signIn.body());
            assertEquals("10", signIn.header("Retry-After"));
            assertFalse(signIn.body().contains("Exception"), signIn.body());
            assertEquals(503, web.get("/health").status());
        } finally {
            database.start();
        }

        long deadline = System.currentTimeMillis() + 30_000;
        int status = 0;
        while (System.currentTimeMillis() < deadline && status != 200) {
            status = api().status();
            if (status != 200) {
                Thread.sleep(200);
            }
        }
        assertEquals(200, status, "the service did not recover within 30 s of the database coming back");
        assertEquals(200, web.get("/health").status());
    }

    private static WebClient.Page api() {
        String basic = Base64.getEncoder().encodeToString(("restart.manager:" + StaffFixtures.PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = web.request("/api/me").header("Authorization", "Basic " + basic).GET().build();
        return web.send(request);
    }
}
