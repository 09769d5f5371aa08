package org.myview.parent;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.myview.support.MutableClock;
import org.myview.support.StaffFixtures;
import org.myview.support.WebClient;

import java.time.Instant;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The parent's form in the parent's language from the plan, with a switch; only reviewed languages
 * (i18n/languages.json): a draft (Polish) is never shown, whether asked for by the plan, the browser,
 * a crafted form post or a crafted cookie.
 */
@MicronautTest(transactional = false)
@Property(name = "test.mutable-clock", value = "true")
@Property(name = "myview.notify.sender-enabled", value = "false")
@Property(name = "myview.parent.jobs-enabled", value = "false")
class ParentLanguagesTest {

    @Inject
    ApplicationContext context;
    @Inject
    EmbeddedServer server;
    @Inject
    MutableClock clock;
    @Inject
    RoundService rounds;

    @BeforeEach
    void plans() {
        clock.set(Instant.parse("2026-11-30T12:00:00Z"));
        ParentFixtures.clear(context);
        ParentFixtures.plan(context, "LANGUR", LocalDate.of(2026, 8, 1), null, "Aisha", "aisha@example.org", "ur");
        ParentFixtures.plan(context, "LANGPL", LocalDate.of(2026, 8, 1), null, "Ola", "ola@example.org", "pl");
        ParentFixtures.plan(context, "LANGEN", LocalDate.of(2026, 8, 1), null, "Jan", "jan@example.org", "en");
        rounds.sendToDuePlans(ParentFixtures.lead(context));
    }

    private WebClient opened(String email) {
        WebClient parent = new WebClient(server.getURI());
        String link = ParentFixtures.links(context, "FIRST").stream()
                .filter(l -> linkOf(email).equals(l)).findFirst().orElseThrow();
        assertEquals(303, parent.get(ParentFixtures.path(link)).status());
        return parent;
    }

    private String linkOf(String email) {
        try (var c = org.myview.support.ReviewFixtures.connection(context);
             var ps = c.prepareStatement("select personalisation->>'link' from notification_outbox where recipient = ?")) {
            ps.setString(1, email);
            var rs = ps.executeQuery();
            rs.next();
            return rs.getString(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private String messageTo(String email) {
        try (var c = org.myview.support.ReviewFixtures.connection(context);
             var ps = c.prepareStatement("select personalisation->>'message' from notification_outbox where recipient = ?")) {
            ps.setString(1, email);
            var rs = ps.executeQuery();
            rs.next();
            return rs.getString(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theLinkMessageIsInTheParentsLanguageWhenReviewedElseEnglish() {
        String urdu = messageTo("aisha@example.org");
        assertTrue(urdu.startsWith("ہیلو Aisha۔"), urdu);
        assertTrue(urdu.endsWith(linkOf("aisha@example.org")), "the link is in the message");
        assertTrue(messageTo("ola@example.org").startsWith("Hello Ola. We would like to know"), "Polish is a draft: English");
    }

    @Test
    void anUrduParentReadsTheFormInUrduAndCanSwitchToEnglish() {
        WebClient parent = opened("aisha@example.org");
        WebClient.Page start = parent.get("/parent/form");
        assertTrue(start.body().contains("lang=\"ur\""), start.body());
        assertTrue(start.body().contains("dir=\"rtl\""));
        assertTrue(start.body().contains("ہمیں بتائیں آپ کیا سوچتے ہیں"), "the title in Urdu");
        assertTrue(start.body().contains("/static/fonts/nastaliq.css"), "the Urdu font, on this page only");
        assertTrue(start.body().contains("value=\"en\""), "a switch to English");
        assertFalse(start.body().contains("value=\"pl\""), "no draft is offered");

        WebClient.Page question = parent.get("/parent/form/1");
        assertTrue(question.body().contains("ہاں"), "options in Urdu");

        String csrf = StaffFixtures.csrfToken(question);
        WebClient.Page switched = parent.post("/parent/language", "_csrf", csrf, "language", "en", "back", "/parent/form/1");
        assertEquals(303, switched.status());
        assertEquals("/parent/form/1", switched.location());
        WebClient.Page english = parent.get("/parent/form/1");
        assertTrue(english.body().contains("lang=\"en"), "English once chosen");
        assertTrue(english.body().contains("Do you understand why"));
    }

    @Test
    void aDraftLanguageIsNeverShownToAParent() {
        WebClient parent = opened("ola@example.org");
        WebClient.Page start = parent.get("/parent/form");
        assertTrue(start.body().contains("Tell us what you think"), "Polish is a draft: the plan's language falls back to English");

        String csrf = StaffFixtures.csrfToken(parent.get("/parent/form/1"));
        WebClient.Page posted = parent.post("/parent/language", "_csrf", csrf, "language", "pl", "back", "https://evil.example/");
        assertEquals("/parent/form", posted.location(), "only our own pages to go back to");
        assertTrue(posted.header("Set-Cookie").startsWith("myview_lang=en"), "a crafted post sets English");
        assertTrue(parent.get("/parent/form").body().contains("Tell us what you think"));

        parent.addCookie("myview_lang", "pl", "/parent");
        assertTrue(parent.cookieHeader().contains("myview_lang=pl"), parent.cookieHeader());
        assertTrue(parent.get("/parent/form").body().contains("Tell us what you think"), "a crafted cookie shows English");

        WebClient browser = opened("jan@example.org");
        WebClient.Page polishBrowser = browser.send(browser.request("/parent/form").header("Accept-Language", "pl-PL,pl;q=0.9").GET().build());
        assertTrue(polishBrowser.body().contains("Tell us what you think"), "a Polish browser shows English");
        assertFalse(polishBrowser.body().contains("lang=\"pl\""));
    }
}
