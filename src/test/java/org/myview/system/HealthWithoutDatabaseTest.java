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
}
