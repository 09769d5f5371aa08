package org.myview.system;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.myview.support.WebClient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest
class HealthTest {

    @Inject
    EmbeddedServer server;

    @Test
    void healthIsUpWhenTheDatabaseAnswers() {
        WebClient.Page health = new WebClient(server.getURI()).get("/health");

        assertEquals(200, health.status());
        assertTrue(health.body().contains("\"status\":\"UP\""), health.body());
        assertEquals("no-store", health.header("Cache-Control"));
    }
}
