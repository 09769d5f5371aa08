package org.myview.consultation;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.myview.staff.Role;
import org.myview.support.StaffFixtures;
import org.myview.support.WebClient;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 22, item 6: every link the service hands out starts with MYVIEW_PUBLIC_URL. A request with another
 * Host, or a forged X-Forwarded-Host, once produced a child's link (and its QR code) or a set-password link
 * pointing at another site.
 */
@MicronautTest(transactional = false)
@Property(name = "myview.public-url", value = "https://myview.example.test/")
class LinksFromConfigurationTest {

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext context;

    @Test
    void theChildsLinkAndQrCodeUseThePublicAddressWhateverTheHostHeaderSays() {
        ConsultationTestSupport.Setup setup = ConsultationTestSupport.reviewFor(context, server.getURI(), "links.officer",
                "LNK001", LocalDate.now().minusYears(12), LocalDate.now().plusDays(20));
        String answer = post(setup.officer(), "/reviews/" + setup.reviewId() + "/consultation-link", setup.officerCsrf(),
                "_csrf=" + setup.officerCsrf(), "Host: evil.example\r\nX-Forwarded-Host: evil.example\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 200"), answer.lines().findFirst().orElse(""));
        Matcher link = Pattern.compile("value=\"([^\"]*/consultation/link/([A-Za-z0-9_-]{22}))\"").matcher(answer);
        assertTrue(link.find(), "the page shows the link");
        org.myview.support.Secrets.remember(link.group(2));
        assertTrue(link.group(1).startsWith("https://myview.example.test/consultation/link/"), link.group(1));
        assertFalse(answer.contains("evil.example"), "nothing on the page (the QR code included) names the Host sent");
    }

    @Test
    void setPasswordLinksUseThePublicAddressWhateverXForwardedHostSays() {
        StaffFixtures.account(context, "links.admin", Role.ADMIN);
        WebClient admin = new WebClient(server.getURI());
        String csrf = StaffFixtures.signIn(admin, "links.admin");
        String answer = post(admin, "/admin/accounts", csrf,
                "_csrf=" + csrf + "&displayName=Lee+Example&username=lee.links&email=&roles=REVIEWING_OFFICER",
                "Host: localhost:" + server.getPort() + "\r\nX-Forwarded-Host: evil.example\r\nX-Forwarded-Proto: http\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 200"), answer.lines().findFirst().orElse(""));
        Matcher link = Pattern.compile("(https?://[^<\\s\"]+)/set-password/([A-Za-z0-9_-]{22})").matcher(answer);
        assertTrue(link.find(), "the page shows the link");
        org.myview.support.Secrets.remember(link.group(2));
        assertTrue(link.group(1).equals("https://myview.example.test"), link.group(0));
        assertFalse(answer.contains("evil.example"));
    }

    private static String post(WebClient client, String path, String csrf, String body, String extraHeaders) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return client.raw("POST " + path + " HTTP/1.1\r\n" + extraHeaders
                + "Cookie: " + client.cookieHeader() + "\r\n"
                + "X-CSRF-Token: " + csrf + "\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\n"
                + "Content-Length: " + bytes.length + "\r\nConnection: close\r\n\r\n" + body);
    }
}
