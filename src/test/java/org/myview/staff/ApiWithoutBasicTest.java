package org.myview.staff;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.myview.support.Secrets;
import org.myview.support.StaffFixtures;
import org.myview.support.WebClient;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** MYVIEW_API_BASIC_AUTH=false: the API takes personal API tokens only, and says so (docs/security.md, "API tokens"). */
@MicronautTest(transactional = false)
@Property(name = "micronaut.security.basic-auth.enabled", value = "false")
class ApiWithoutBasicTest {

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext context;

    @Test
    void withBasicSwitchedOffOnlyATokenOpensTheApi() {
        StaffFixtures.account(context, "nobasic.manager", Role.SERVICE_MANAGER);
        WebClient client = new WebClient(server.getURI());

        WebClient.Page basic = client.send(client.request("/api/me")
                .header("Authorization", ApiBasicAuthTest.basic("nobasic.manager", StaffFixtures.PASSWORD)).build());
        assertEquals(401, basic.status());
        assertTrue(basic.header("WWW-Authenticate").startsWith("Bearer"));
        assertFalse(basic.rawHeaders().getOrDefault("www-authenticate", java.util.List.of()).stream().anyMatch(h -> h.startsWith("Basic")),
                "no Basic challenge when Basic is off");

        WebClient browser = new WebClient(server.getURI());
        String csrf = StaffFixtures.signIn(browser, "nobasic.manager");
        WebClient.Page created = browser.post("/staff/api-tokens", "_csrf", csrf, "name", "Only way in", "scope", "FIGURES", "expires", "7");
        Matcher m = Pattern.compile("myview_[A-Za-z0-9_-]{43}").matcher(created.body());
        assertTrue(m.find());
        String token = Secrets.remember(m.group());

        WebClient.Page me = client.send(client.request("/api/me").header("Authorization", "Bearer " + token).build());
        assertEquals(200, me.status());
    }
}
