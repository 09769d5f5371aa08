package org.myview.web;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.myview.staff.Role;
import org.myview.support.StaffFixtures;
import org.myview.support.WebClient;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Issue 22, items 6 and 7: with no proxy configured, a client's X-Forwarded-Proto is not believed: no HSTS, and
 * the session cookie is the plain-HTTP one, not a Secure __Host- cookie the browser would then never send back.
 */
@MicronautTest(transactional = false)
class UntrustedForwardedHeadersTest {

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext context;

    @Test
    void forwardedProtoFromAnyoneIsIgnored() {
        StaffFixtures.account(context, "untrusted.proto", Role.SERVICE_MANAGER);
        WebClient client = new WebClient(server.getURI());
        assertNull(client.send(client.request("/privacy").header("X-Forwarded-Proto", "https").GET().build())
                .header("Strict-Transport-Security"));
        String body = "username=untrusted.proto&password=" + URLEncoder.encode(StaffFixtures.PASSWORD, StandardCharsets.UTF_8)
                + "&_csrf=" + StaffFixtures.signInFormToken(client);
        WebClient.Page signedIn = client.send(client.request("/sign-in").header("X-Forwarded-Proto", "https")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        assertEquals(303, signedIn.status());
        String cookie = String.join("\n", signedIn.rawHeaders().getOrDefault("set-cookie", java.util.List.of()));
        assertFalse(cookie.contains("__Host-"), cookie);
        assertFalse(cookie.toLowerCase(java.util.Locale.ROOT).contains("secure"), cookie);
    }
}
