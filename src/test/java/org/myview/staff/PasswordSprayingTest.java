package org.myview.staff;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpRequestWrapper;
import org.junit.jupiter.api.Test;
import org.myview.web.ClientAddress;
import org.myview.web.ProxySettings;

import java.net.InetSocketAddress;
import java.util.List;
import org.myview.support.StaffFixtures;
import org.myview.support.WebClient;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 22, item 1: failed sign-ins are limited per client address as well as per username. One address
 * trying one wrong password on many usernames (spraying) is refused, even with a right password, while the
 * usernames are not locked: the same account signs in from another address.
 */
@MicronautTest(transactional = false)
@Property(name = "myview.session.failures-per-address", value = "6")
@Property(name = "myview.proxy.trusted-addresses", value = "127.0.0.1,::1")
class PasswordSprayingTest {

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext context;

    @Test
    void sprayingFromOneAddressIsRefusedThereOnly() {
        StaffFixtures.account(context, "spray.target", Role.SERVICE_MANAGER);
        WebClient client = new WebClient(server.getURI());
        for (int i = 0; i < 6; i++) {
            assertEquals(401, me(client, "198.51.100.7", "spray.user" + i, "LEAKCANARY-spray-pass").status());
        }

        assertEquals(401, me(client, "198.51.100.7", "spray.target", StaffFixtures.PASSWORD).status(),
                "the spraying address is refused even with a right password");
        assertEquals(200, me(client, "198.51.100.8", "spray.target", StaffFixtures.PASSWORD).status(),
                "another address signs in: no username was locked");
    }

    @Test
    void forwardedForFromAnUntrustedConnectionIsIgnored() {
        // A client that is not a configured proxy cannot dodge the count by inventing X-Forwarded-For values.
        HttpRequest<Object> request = from("127.0.0.1", HttpRequest.GET("/api/me").header("X-Forwarded-For", "203.0.113.9, 10.1.2.3"));
        assertEquals("127.0.0.1", new ClientAddress(new ProxySettings(List.of(), "X-Forwarded-For")).of(request));
        // From a trusted proxy: the last hop that is not itself a trusted proxy.
        assertEquals("203.0.113.9", new ClientAddress(new ProxySettings(List.of("127.0.0.0/8", "10.0.0.0/8"), "X-Forwarded-For"))
                .of(request));
        assertEquals("10.1.2.3", new ClientAddress(new ProxySettings(List.of("127.0.0.1"), "X-Forwarded-For")).of(request));
    }

    private static HttpRequest<Object> from(String address, HttpRequest<Object> request) {
        return new HttpRequestWrapper<Object>(request) {
            @Override
            public InetSocketAddress getRemoteAddress() {
                return new InetSocketAddress(address, 40000);
            }
        };
    }

    private static WebClient.Page me(WebClient client, String address, String username, String password) {
        return client.send(client.request("/api/me").header("X-Forwarded-For", address)
                .header("Authorization", ApiBasicAuthTest.basic(username, password)).build());
    }
}
