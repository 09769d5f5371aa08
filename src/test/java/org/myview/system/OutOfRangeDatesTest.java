package org.myview.system;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.myview.staff.Role;
import org.myview.support.StaffFixtures;
import org.myview.support.WebClient;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 22, item 7: dates and years that Java reads but PostgreSQL cannot store (or that no review has) answer
 * 400, never 500, in every parameter that takes one.
 */
@MicronautTest(transactional = false)
class OutOfRangeDatesTest {

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext context;

    @ParameterizedTest
    @ValueSource(strings = {"/participation?year=0999-00", "/participation?year=9999-00", "/participation?year=abc",
            "/admin/audit?from=-4713-01-01", "/admin/audit?to=+99999-01-01", "/admin/audit?from=0001-01-01",
            "/api/participation/summary?from=-4713-01&to=2025-06", "/api/participation/mrmv?year=0999-00"})
    void outOfRangeDatesAreABadRequest(String path) {
        String username = "dates." + Math.abs(path.hashCode());
        StaffFixtures.account(context, username, Role.ADMIN, Role.SERVICE_MANAGER);
        WebClient client = new WebClient(server.getURI());
        WebClient.Page page;
        if (path.startsWith("/api/")) {
            String basic = "Basic " + Base64.getEncoder().encodeToString((username + ":" + StaffFixtures.PASSWORD)
                    .getBytes(StandardCharsets.UTF_8));
            page = client.send(client.request(path).header("Authorization", basic).GET().build());
        } else {
            StaffFixtures.signIn(client, username);
            page = client.get(path);
        }
        assertEquals(400, page.status(), path);
    }
}
