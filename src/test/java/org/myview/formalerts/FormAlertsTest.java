package org.myview.formalerts;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.myview.consultation.FormArrived;
import org.myview.support.MutableClock;
import org.myview.support.ReviewFixtures;
import org.myview.support.WebClient;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A child sends their form and their reviewing officer hears of it once, as they chose: one email with a link to
 * the review and nothing personal, or one line in the next morning's digest; and the officer's home page lists
 * their reviews coming up with no link yet.
 */
@MicronautTest(transactional = false)
@Property(name = "test.mutable-clock", value = "true")
@Property(name = "myview.proxy.trusted-addresses", value = "127.0.0.1,::1")
@Property(name = "myview.links.slow-down-step", value = "5ms")
@Property(name = "myview.public-url", value = "https://myview.example.org")
class FormAlertsTest {

    static final Instant NOW = Instant.parse("2026-03-10T10:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2026, 3, 10);

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext context;
    @Inject
    MutableClock clock;
    @Inject
    FormAlertService alerts;

    static int children;

    @BeforeEach
    void setUp() {
        clock.set(NOW);
    }

    private FormAlertsTestSupport.Officer officer(String username) {
        return FormAlertsTestSupport.officer(context, server.getURI(), username);
    }

    private long review(FormAlertsTestSupport.Officer officer, LocalDate date) {
        return FormAlertsTestSupport.review(context, officer, "FA" + (++children) + "X", date);
    }

    /** Each message queued to this address with this template: its personalisation as text. */
    private List<String> messages(String recipient, String template) {
        List<String> found = new ArrayList<>();
        try (Connection c = ReviewFixtures.connection(context);
             PreparedStatement ps = c.prepareStatement("select cast(personalisation as text) from notification_outbox"
                     + " where recipient = ? and template_key = ? order by id")) {
            ps.setString(1, recipient);
            ps.setString(2, template);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return found;
    }

    @Test
    void aChildSendsTheirFormAndTheOfficerGetsOneEmailWithTheReviewLinkAndNothingPersonal() {
        FormAlertsTestSupport.Officer officer = officer("fa.each");
        long reviewId = review(officer, TODAY.plusDays(8));
        FormAlertsTestSupport.sendForm(officer, reviewId, server.getURI());

        List<String> sent = messages("fa.each@example.org", FormAlertService.TEMPLATE);
        assertEquals(1, sent.size(), "one email, though Send was pressed twice");
        String message = sent.get(0);
        assertTrue(message.contains("https://myview.example.org/reviews/" + reviewId), message);
        assertFalse(message.contains(FormAlertsTestSupport.CHILD_NAME), "no name");
        assertFalse(message.contains("FA" + children + "X"), "no case reference");
        assertFalse(message.contains("LEAKCANARY"), "no answers");
        long consultationId = ReviewFixtures.count(context, "select id from consultation where review_id = " + reviewId);
        assertEquals(1, ReviewFixtures.count(context, "select count(*) from notification_outbox where subject_type = 'form_alert'"
                + " and subject_id = " + consultationId));

        // The same news again (an event delivered twice) tells nobody again.
        alerts.onFormArrived(new FormArrived(reviewId, consultationId, officer.id(), clock.instant()));
        assertEquals(1, messages("fa.each@example.org", FormAlertService.TEMPLATE).size());
        assertEquals(1, ReviewFixtures.count(context, "select count(*) from form_alert where review_id = " + reviewId));
    }

    @Test
    void anOfficerOnTheDigestGetsNoEmailAtOnceThenOneListingTheFormTheNextMorningAndNothingMore() {
        FormAlertsTestSupport.Officer officer = officer("fa.daily");
        WebClient.Page chosen = officer.client().post("/staff/form-alerts", "_csrf", officer.csrf(), "choice", "DAILY");
        assertEquals(303, chosen.status());
        assertEquals("/staff/form-alerts?saved=1", chosen.location());
        WebClient.Page page = officer.client().get("/staff/form-alerts?saved=1");
        assertTrue(page.body().contains("Your choice is saved."));
        assertTrue(page.body().contains("value=\"DAILY\" checked"), "the choice is shown");

        long first = review(officer, TODAY.plusDays(8));
        long second = review(officer, TODAY.plusDays(9));
        FormAlertsTestSupport.sendForm(officer, first, server.getURI());
        FormAlertsTestSupport.sendForm(officer, second, server.getURI());
        assertEquals(List.of(), messages("fa.daily@example.org", FormAlertService.TEMPLATE), "no email at once");

        alerts.sendDigests(); // 10:00 on the day the forms came: they wait for tomorrow's digest
        assertEquals(List.of(), messages("fa.daily@example.org", FormAlertService.DIGEST_TEMPLATE));

        clock.set(Instant.parse("2026-03-11T06:30:00Z")); // before 07:00 London
        alerts.sendDigests();
        assertEquals(List.of(), messages("fa.daily@example.org", FormAlertService.DIGEST_TEMPLATE));

        clock.set(Instant.parse("2026-03-11T07:05:00Z"));
        alerts.sendDigests();
        List<String> digests = messages("fa.daily@example.org", FormAlertService.DIGEST_TEMPLATE);
        assertEquals(1, digests.size());
        String digest = digests.get(0);
        assertTrue(digest.contains("https://myview.example.org/reviews/" + first), digest);
        assertTrue(digest.contains("https://myview.example.org/reviews/" + second), digest);
        assertTrue(digest.contains("\"count\": \"2\""), digest);
        assertFalse(digest.contains(FormAlertsTestSupport.CHILD_NAME));
        assertFalse(digest.contains("LEAKCANARY"));

        alerts.sendDigests();
        clock.set(Instant.parse("2026-03-12T07:05:00Z"));
        alerts.sendDigests();
        assertEquals(1, messages("fa.daily@example.org", FormAlertService.DIGEST_TEMPLATE).size(), "nothing new");
    }

    @Test
    void digestRunsAtTheSameMomentSendOneDigest() throws Exception {
        FormAlertsTestSupport.Officer officer = officer("fa.race");
        assertEquals(303, officer.client().post("/staff/form-alerts", "_csrf", officer.csrf(), "choice", "DAILY").status());
        FormAlertsTestSupport.sendForm(officer, review(officer, TODAY.plusDays(8)), server.getURI());
        clock.set(Instant.parse("2026-03-11T07:30:00Z"));
        // Four runs at once, as four instances would (each its own transaction on the same database).
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Integer>> runs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                runs.add(pool.submit(() -> {
                    start.await();
                    return alerts.sendDigests();
                }));
            }
            start.countDown();
            for (java.util.concurrent.Future<Integer> run : runs) {
                run.get(30, java.util.concurrent.TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, messages("fa.race@example.org", FormAlertService.DIGEST_TEMPLATE).size());
    }

    @Test
    void anOfficerWhoChoseNoEmailsGetsNone() {
        FormAlertsTestSupport.Officer officer = officer("fa.none");
        assertEquals(303, officer.client().post("/staff/form-alerts", "_csrf", officer.csrf(), "choice", "NONE").status());
        long reviewId = review(officer, TODAY.plusDays(8));
        FormAlertsTestSupport.sendForm(officer, reviewId, server.getURI());
        clock.set(Instant.parse("2026-03-11T08:00:00Z"));
        alerts.sendDigests();
        assertEquals(0, ReviewFixtures.count(context, "select count(*) from notification_outbox where recipient = 'fa.none@example.org'"));
        assertEquals(1, ReviewFixtures.count(context, "select count(*) from form_alert where review_id = " + reviewId), "the form is still known");
    }

    @Test
    void aChoiceThatIsNotOneOfTheOptionsIsRefusedAndChangesNothing() {
        FormAlertsTestSupport.Officer officer = officer("fa.bad");
        for (String[] body : new String[][] {{"_csrf", officer.csrf()}, {"_csrf", officer.csrf(), "choice", "WEEKLY"}}) {
            WebClient.Page refused = officer.client().post("/staff/form-alerts", body);
            assertEquals(422, refused.status());
            assertTrue(refused.body().contains("<title>Error:"), "the title says Error");
            assertTrue(refused.body().contains("govuk-error-summary"));
            assertTrue(refused.body().contains("Select how you want to hear about forms"));
        }
        assertEquals(0, ReviewFixtures.count(context, "select count(*) from form_alert_preference where staff_account_id = " + officer.id()));
        WebClient.Page page = officer.client().get("/staff/form-alerts");
        assertEquals(200, page.status());
        assertTrue(page.body().contains("value=\"EACH\" checked"), "still an email each time");
    }

    @Test
    void theHomePageListsReviewsInTheNextTenDaysWithNoLinkYetAndOnlyThose() {
        FormAlertsTestSupport.Officer officer = officer("fa.home");
        long soon = review(officer, TODAY.plusDays(5));
        long later = review(officer, TODAY.plusDays(20));
        long linked = review(officer, TODAY.plusDays(5));
        FormAlertsTestSupport.createLink(officer, linked);
        FormAlertsTestSupport.Officer other = officer("fa.home.other");
        long someoneElses = review(other, TODAY.plusDays(3));

        WebClient.Page home = officer.client().get("/staff");
        assertEquals(200, home.status());
        assertTrue(home.body().contains("Reviews in the next 10 days with no My Review My View link"), home.body());
        assertTrue(home.body().contains("href=\"/reviews/" + soon + "\""), "the review in 5 days");
        assertFalse(home.body().contains("href=\"/reviews/" + later + "\""), "not the one in 20 days");
        assertFalse(home.body().contains("href=\"/reviews/" + linked + "\""), "not the one with a link");
        assertFalse(home.body().contains("href=\"/reviews/" + someoneElses + "\""), "not another officer’s");
        assertTrue(home.body().contains("You get an email each time a child sends a form."));
        assertTrue(home.body().contains("href=\"/staff/form-alerts\""));

        WebClient.Page otherHome = other.client().get("/staff");
        assertTrue(otherHome.body().contains("href=\"/reviews/" + someoneElses + "\""));
    }
}
