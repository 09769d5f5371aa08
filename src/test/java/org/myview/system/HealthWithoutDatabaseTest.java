package org.myview.system;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.myview.support.WebClient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An external database that does not answer: the service runs, but says it is not healthy. */
@MicronautTest(transactional = false)
@Property(name = "datasources.default.url", value = "jdbc:postgresql://127.0.0.1:9/nothing-listens-here")
@Property(name = "datasources.default.username", value = "nobody")
@Property(name = "datasources.default.password", value = "nothing")
@Property(name = "datasources.default.initialization-fail-timeout", value = "-1")
@Property(name = "datasources.default.connection-timeout", value = "1000")
@Property(name = "flyway.datasources.default.enabled", value = "false")
class HealthWithoutDatabaseTest {

    @Inject
    EmbeddedServer server;

    @Test
    void healthIsDownWhenTheDatabaseDoesNotAnswer() {
        WebClient.Page health = new WebClient(server.getURI()).get("/health");

        assertEquals(503, health.status());
        assertTrue(health.body().contains("\"status\":\"DOWN\""), health.body());
    }

    @Test
    void aLinkOpenedDuringAnOutageDoesNotReachTheLog() {
        // Issue 22, item 7: the "database unavailable" warning once logged the raw path, token and all. The token is
        // remembered, so LogLeakCheck (verify phase) also fails the build if it reaches target/test-run.log.
        String token = org.myview.support.Secrets.remember(
                ("OutageTok" + Long.toString(System.nanoTime(), 36) + "abcdefghijklmn").substring(0, 22));
        String log;
        WebClient.Page page;
        try (org.myview.support.LogCapture capture = new org.myview.support.LogCapture()) {
            page = new WebClient(server.getURI()).get("/consultation/link/" + token);
            log = capture.text();
        }
        assertEquals(503, page.status());
        assertTrue(log.contains("Database unavailable"), "the outage is logged: " + log);
        assertTrue(!log.contains(token), "the token is not: " + log);
    }
}
