package org.myview.consultation;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.myview.notify.OutboxSender;
import org.myview.staff.Role;
import org.myview.support.LogCapture;
import org.myview.support.MutableClock;
import org.myview.support.ReviewFixtures;
import org.myview.support.StaffFixtures;
import org.myview.support.WebClient;

import java.time.Instant;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Messages of the child's form through the outbox: the officer sends the link by text or email, and the link
 * problem page of each kind ("I want to talk to someone now" is TalkNowTest).
 * The sender is off, so queued rows stay whole to be read here.
 */
@MicronautTest(transactional = false)
@Property(name = "test.mutable-clock", value = "true")
@Property(name = "myview.notify.sender-enabled", value = "false")
@Property(name = "myview.parent.jobs-enabled", value = "false")
@Property(name = "myview.notify.public-url", value = "https://myview.example.org/")
@Property(name = "myview.parent.exit-url", value = "https://example.org/parent-exit")
@Property(name = "myview.proxy.trusted-addresses", value = "127.0.0.1,::1")
@Property(name = "myview.links.slow-down-step", value = "5ms")
class ConsultationMessagesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 10);

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext context;
    @Inject
    MutableClock clock;
    @Inject
    OutboxSender sender;

    static int children;

    @BeforeEach
    void setUp() {
        clock.set(Instant.parse("2026-03-10T10:00:00Z"));
    }

    private ConsultationTestSupport.Setup review(String officer) {
        return ConsultationTestSupport.reviewFor(context, server.getURI(), officer, "MESSAGES" + (++children),
                LocalDate.of(2013, 6, 1), TODAY.plusDays(3));
    }

    private long count(String sql) {
        return ReviewFixtures.count(context, sql);
    }

    private long outboxRows(String templateKey) {
        return count("select count(*) from notification_outbox where template_key = '" + templateKey + "'");
    }

    private WebClient.Page send(ConsultationTestSupport.Setup setup, String token, String... fields) {
        String[] pairs = new String[fields.length + 4];
        pairs[0] = "_csrf";
        pairs[1] = setup.officerCsrf();
        pairs[2] = "token";
        pairs[3] = token;
        System.arraycopy(fields, 0, pairs, 4, fields.length);
        return setup.officer().post("/reviews/" + setup.reviewId() + "/consultation-link/send", pairs);
    }

    @Test
    void theLinkMessageIsInTheChildsPreferredLanguageWhenReviewedElseEnglish() {
        for (String[] language : new String[][]{{"ur", "ہیلو Sam۔"}, {"pl", "Hello Sam. "}}) {
            ConsultationTestSupport.Setup setup = review("messages.officer");
            ReviewFixtures.execute(context, "update child set preferred_language = '" + language[0] + "' where id = "
                    + "(select child_id from review where id = " + setup.reviewId() + ")");
            ConsultationTestSupport.createLink(setup);
            WebClient.Page page = setup.officer().post("/reviews/" + setup.reviewId() + "/consultation-link", "_csrf", setup.officerCsrf());
            String token = page.inputValue("token");
            org.myview.support.Secrets.remember(token);
            assertEquals(303, send(setup, token, "greeting", "Sam", "email", "lang-" + language[0] + "@example.org").status());
            assertEquals(1, count("select count(*) from notification_outbox where recipient = 'lang-" + language[0] + "@example.org' "
                    + "and personalisation->>'message' like '" + language[1] + "%'"), language[0] + ": Polish is a draft, so English");
        }
    }

    @Test
    void theOfficerSendsTheLinkByTextAndEmailWithOnlyAGreetingAndTheLink() {
        ConsultationTestSupport.Setup setup = review("messages.officer");
        try (LogCapture log = new LogCapture()) {
            String link = ConsultationTestSupport.createLink(setup);
            String token = ConsultationTestSupport.token(link);
            WebClient.Page page = setup.officer().post("/reviews/" + setup.reviewId() + "/consultation-link", "_csrf", setup.officerCsrf());
            assertTrue(page.body().contains("Send it by text or email"), page.body());
            String shownToken = page.inputValue("token");
            org.myview.support.Secrets.remember(shownToken);
            assertTrue(page.body().contains("action=\"/reviews/" + setup.reviewId() + "/consultation-link/send\""),
                    "the token goes back in the body of a POST, never in an address");
            assertEquals(410, new WebClient(server.getURI()).get(link).status(), "creating again replaced the first link");

            WebClient.Page stale = send(setup, token, "mobile", "07700 900 982");
            assertEquals(422, stale.status());
            assertTrue(stale.body().contains("This link can no longer be sent"), stale.body());
            assertFalse(stale.body().contains(token), "a replaced link is not shown again");

            WebClient.Page nothing = send(setup, shownToken, "greeting", "", "mobile", " ", "email", "");
            assertEquals(422, nothing.status());
            assertTrue(nothing.body().contains("There is a problem"));
            assertTrue(nothing.body().contains("Enter a mobile number or an email address"));
            assertTrue(nothing.body().contains("<title>Error: "));
            assertEquals(shownToken, nothing.inputValue("token"), "the page keeps the link to try again");

            WebClient.Page bad = send(setup, shownToken, "greeting", "Sam 2", "mobile", "01632 960 001", "email", "sam.example.org");
            assertEquals(422, bad.status());
            assertTrue(bad.body().contains("Enter a UK mobile number, like 07700 900 982"));
            assertTrue(bad.body().contains("Enter an email address in the correct format, like name@example.com"));
            assertTrue(bad.body().contains("Enter a name of 40 characters or fewer"));
            assertTrue(bad.body().contains("href=\"#mobile\""), "the summary links to the field");

            WebClient.Page nul = send(setup, shownToken, "greeting", "Sam\u0000", "email", "carer\u0000@example.org");
            assertEquals(422, nul.status(), "a NUL is refused, not passed to the database");
            assertTrue(nul.body().contains("Enter an email address in the correct format"));

            assertEquals(0, outboxRows("consultation-link"), "bad input changes nothing");
            assertEquals(0, count("select count(*) from audit_event where action = 'CONSULTATION_LINK_SENT'"));

            WebClient.Page sent = send(setup, shownToken, "greeting", "Sam", "mobile", "+44 7700 900982", "email", "carer@example.org");
            assertEquals(303, sent.status(), sent.body());
            assertEquals("/reviews/" + setup.reviewId() + "/consultation-link/sent", sent.location());
            assertFalse(sent.location().contains(shownToken));

            assertEquals(2, outboxRows("consultation-link"));
            WebClient.Page again = send(setup, shownToken, "greeting", "Sam", "mobile", "+44 7700 900982", "email", "carer@example.org");
            assertEquals(303, again.status(), "the same form posted twice (a double click without JavaScript)");
            assertEquals(2, outboxRows("consultation-link"), "sends once");
            assertEquals(1, count("select count(*) from audit_event where action = 'CONSULTATION_LINK_SENT'"));
            String url = "https://myview.example.org/consultation/link/" + shownToken;
            assertEquals(1, count("select count(*) from notification_outbox where template_key = 'consultation-link' and channel = 'SMS' "
                    + "and recipient = '07700900982' and personalisation = jsonb_build_object('name', 'Sam', 'link', '" + url + "', "
                    + "'subject', 'Tell us what you think', 'message', 'Hello Sam. Your reviewing officer would like to know what you think "
                    + "before your review. Open this link on your phone: " + url + "') "
                    + "and subject_type = 'consultation_link'"));
            assertEquals(1, count("select count(*) from notification_outbox where template_key = 'consultation-link' and channel = 'EMAIL' "
                    + "and recipient = 'carer@example.org' and personalisation->>'name' = 'Sam' and personalisation->>'link' = '" + url + "' "
                    + "and personalisation->>'message' like 'Hello Sam. %" + url + "'"));
            assertEquals(1, count("select count(*) from audit_event where action = 'CONSULTATION_LINK_SENT' and review_id = "
                    + setup.reviewId() + " and subject_type = 'consultation_link'"));
            assertEquals(0, count("select count(*) from audit_event where action = 'CONSULTATION_LINK_SENT' and (detail::text like '%07700%' "
                    + "or detail::text like '%carer@%' or detail::text like '%" + shownToken + "%')"), "no address or token in the audit");

            WebClient.Page confirmation = setup.officer().get(sent.location());
            assertEquals(200, confirmation.status());
            assertTrue(confirmation.body().contains("The link is on its way"));
            assertTrue(confirmation.body().contains("GOV.UK Notify is not set up here, so nothing was sent"));
            assertFalse(confirmation.body().contains(shownToken));
            assertEquals("no-store", confirmation.header("Cache-Control"));

            // Without a Notify key the sender records the messages, and the participation lead sees them.
            while (sender.sendDue() > 0) {
                // drain
            }
            StaffFixtures.account(context, "messages.lead", Role.PARTICIPATION_LEAD);
            WebClient lead = new WebClient(server.getURI());
            StaffFixtures.signIn(lead, "messages.lead");
            WebClient.Page outbox = lead.get("/notify/outbox");
            assertTrue(outbox.body().contains("consultation-link"), outbox.body());
            assertTrue(outbox.body().contains("carer@example.org"));
            assertEquals(403, setup.officer().get("/notify/outbox").status(), "officers do not see everyone’s messages");

            String logged = log.text();
            assertFalse(logged.contains(shownToken), "the token is not logged");
            assertFalse(logged.contains(token));
            assertFalse(logged.contains("07700900982") || logged.contains("carer@example.org"), "nor the addresses");
        }
    }

    @Test
    void aLinkThatWasSentByTheChildOrRanOutIsNotSent() {
        ConsultationTestSupport.Setup setup = review("messages.officer");
        String link = ConsultationTestSupport.createLink(setup);
        String token = ConsultationTestSupport.token(link);
        WebClient child = new WebClient(server.getURI());
        child.get(link);
        assertEquals(303, child.post("/consultation/send", "_csrf", child.get("/consultation/check").inputValue("_csrf")).status());
        WebClient.Page used = send(setup, token, "email", "carer@example.org");
        assertEquals(422, used.status());
        assertTrue(used.body().contains("This link can no longer be sent"));
        WebClient.Page wrong = send(setup, "not a token", "email", "carer@example.org");
        assertEquals(422, wrong.status());

        ConsultationTestSupport.Setup other = review("messages.officer");
        String otherToken = ConsultationTestSupport.token(ConsultationTestSupport.createLink(other));
        clock.set(Instant.parse("2026-03-20T10:00:00Z"));
        WebClient officer = new WebClient(server.getURI());
        String csrf = StaffFixtures.signIn(officer, "messages.officer");
        WebClient.Page late = officer.post("/reviews/" + other.reviewId() + "/consultation-link/send", "_csrf", csrf,
                "token", otherToken, "email", "carer@example.org");
        assertEquals(422, late.status());
        assertTrue(late.body().contains("This link can no longer be sent"));
        assertEquals(0, count("select count(*) from notification_outbox where subject_type = 'consultation_link' and subject_id = "
                + "(select id from consultation_link where review_id = " + other.reviewId() + ")"));
        assertEquals(0, count("select count(*) from notification_outbox where subject_type = 'consultation_link' and subject_id = "
                + "(select id from consultation_link where review_id = " + setup.reviewId() + ")"));
    }

    private WebClient.Page wrongLink(String path, String address, String cookie) {
        WebClient stranger = new WebClient(server.getURI());
        var request = stranger.request(path).header("X-Forwarded-For", address);
        if (cookie != null) {
            request = request.header("Cookie", cookie);
        }
        return stranger.send(request.GET().build());
    }

    @Test
    void theProblemPageSpeaksToEachKindWithAQuickExit() {
        WebClient.Page child = wrongLink("/consultation/link/" + "A".repeat(22), "192.0.2.21", null);
        assertEquals(404, child.status());
        assertTrue(child.body().contains("This link does not work"));
        assertTrue(child.body().contains("Childline free on 0800 1111"));
        assertTrue(child.body().contains("govuk-exit-this-page"));
        assertTrue(child.body().contains("href=\"https://www.bbc.co.uk/weather\""));

        WebClient.Page parent = wrongLink("/parent/link/" + "B".repeat(22), "192.0.2.22", null);
        assertEquals(404, parent.status());
        assertTrue(parent.body().contains("This link does not work"));
        assertFalse(parent.body().contains("Childline"), "a parent is not sent to Childline");
        assertTrue(parent.body().contains("contact your social worker"), parent.body());
        assertTrue(parent.body().contains("govuk-exit-this-page"));
        assertTrue(parent.body().contains("href=\"https://example.org/parent-exit\""));

        WebClient.Page urdu = wrongLink("/consultation/link/" + "C".repeat(22), "192.0.2.23", "myview_lang=ur");
        assertEquals(404, urdu.status());
        assertTrue(urdu.body().contains("lang=\"ur\""));
        assertTrue(urdu.body().contains("dir=\"rtl\""));
        assertTrue(urdu.body().contains("چائلڈ لائن"));
        assertTrue(urdu.body().contains("یہ صفحہ چھوڑیں"), "the quick exit in Urdu");
    }
}
