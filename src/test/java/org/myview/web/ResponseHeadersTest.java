package org.myview.web;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.myview.support.WebClient;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 22, item 7: HSTS over HTTPS (here: as a configured proxy says), static files cached for a year only
 * when their address is versioned, and Netty's own refusals (413, 431) carry the security headers too.
 */
@MicronautTest
@Property(name = "myview.proxy.trusted-addresses", value = "127.0.0.1,::1")
class ResponseHeadersTest {

    @Inject
    EmbeddedServer server;

    @Test
    void strictTransportSecurityOverHttpsOnly() {
        WebClient client = new WebClient(server.getURI());
        WebClient.Page https = client.send(client.request("/privacy").header("X-Forwarded-Proto", "https").GET().build());
        assertEquals("max-age=31536000; includeSubDomains", https.header("Strict-Transport-Security"));
        assertNull(client.get("/privacy").header("Strict-Transport-Security"), "not over plain HTTP");
    }

    @Test
    void onlyVersionedStaticFilesAreCachedForAYear() {
        WebClient client = new WebClient(server.getURI());
        String year = "max-age=31536000";
        assertTrue(client.get("/static/myview.css?v=2").header("Cache-Control").contains(year));
        assertTrue(client.get("/govuk/5.14.0/govuk-frontend.min.css").header("Cache-Control").contains(year));
        WebClient.Page unversioned = client.get("/static/myview.css");
        assertEquals(200, unversioned.status());
        assertFalse(unversioned.header("Cache-Control").contains(year), unversioned.header("Cache-Control"));
        WebClient.Page font = client.get("/assets/images/favicon.ico");
        assertEquals(200, font.status());
        assertFalse(font.header("Cache-Control").contains(year), font.header("Cache-Control"));
    }

    @Test
    void nettysOwnAnswerToOversizedHeadersCarriesTheSecurityHeaders() {
        WebClient client = new WebClient(server.getURI());
        String answer = client.raw("GET /privacy HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "a".repeat(40_000)
                + "\r\nConnection: close\r\n\r\n");
        // Netty refuses the oversized header before any route: 431, or 413 as Micronaut maps it.
        assertTrue(answer.matches("(?s)HTTP/1.1 (431|413|400) .*"), firstLine(answer));
        assertSecurityHeaders(answer);
    }

    @Test
    void netty413CarriesTheSecurityHeaders() {
        WebClient client = new WebClient(server.getURI());
        String answer = client.raw("POST /sign-in HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                + "Content-Length: 50000000\r\nConnection: close\r\n\r\nabc");
        assertTrue(answer.startsWith("HTTP/1.1 413"), firstLine(answer));
        assertSecurityHeaders(answer);
    }

    private static void assertSecurityHeaders(String answer) {
        String head = answer.substring(0, Math.max(0, answer.indexOf("\r\n\r\n"))).toLowerCase(Locale.ROOT);
        assertTrue(head.contains("content-security-policy: default-src 'none'"), head);
        assertTrue(head.contains("x-content-type-options: nosniff"), head);
        assertTrue(head.contains("cache-control: no-store"), head);
    }

    private static String firstLine(String answer) {
        return answer.lines().findFirst().orElse("(nothing)");
    }
}
