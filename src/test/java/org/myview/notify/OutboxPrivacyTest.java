package org.myview.notify;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.myview.staff.Role;
import org.myview.support.MutableClock;
import org.myview.support.ReviewFixtures;
import org.myview.support.StaffFixtures;
import org.myview.support.WebClient;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the outbox keeps of a family's address and link, and who sees it: gone once a message is sent, gone
 * from recorded messages after the retention, never shown to an administrator.
 */
@MicronautTest(transactional = false)
@Property(name = "test.mutable-clock", value = "true")
@Property(name = "myview.notify.sender-enabled", value = "false")
@Property(name = "myview.parent.jobs-enabled", value = "false")
class OutboxPrivacyTest {

    private static final NotifySettings SETTINGS = new NotifySettings(null, null, Map.of(), Duration.ofSeconds(10),
            Duration.ofMinutes(10), 10, Duration.ofMinutes(5), 50);
    private static final String ADDRESS = "carer.privacy@example.org";
    private static final String LINK = "https://myview.example.org/consultation/link/privacy-token";

    @Inject
    ApplicationContext context;
    @Inject
    EmbeddedServer server;
    @Inject
    Outbox outbox;
    @Inject
    OutboxService rows;
    @Inject
    MutableClock clock;
    @Inject
    TransactionOperations<Connection> transactions;

    @BeforeEach
    void empty() {
        clock.set(Instant.parse("2026-11-30T12:00:00Z"));
        ReviewFixtures.execute(context, "delete from notification_outbox");
        if (ReviewFixtures.count(context, "select count(*) from staff_account where username = 'privacy.admin'") == 0) {
            StaffFixtures.account(context, "privacy.admin", Role.ADMIN);
            StaffFixtures.account(context, "privacy.lead", Role.PARTICIPATION_LEAD);
        }
    }

    private void enqueue(String address, String link) {
        transactions.executeWrite(s -> outbox.enqueue(new Message(Channel.EMAIL, address, "consultation-link",
                Map.of("name", "Robin", "link", link)), "test", 1L));
    }

    private WebClient.Page outboxPage(String username) {
        WebClient browser = new WebClient(server.getURI());
        StaffFixtures.signIn(browser, username);
        WebClient.Page page = browser.get("/notify/outbox");
        assertEquals(200, page.status());
        return page;
    }

    @Test
    void theAdministratorSeesThatAMessageWaitsButNotToWhomNorItsLinkWhileTheLeadSeesBoth() {
        enqueue(ADDRESS, LINK);
        new OutboxSender(rows, new NotConfiguredGateway(), SETTINGS, clock).sendDue(); // recorded: address and link kept

        WebClient.Page lead = outboxPage("privacy.lead");
        assertTrue(lead.body().contains(ADDRESS), "the lead passes on links that could not be sent");
        assertTrue(lead.body().contains(LINK));
        assertTrue(lead.body().contains("Robin"));

        WebClient.Page admin = outboxPage("privacy.admin");
        assertTrue(admin.body().contains("Not sent (Notify not set up)"), "the administrator still sees the message and its state");
        assertTrue(admin.body().contains("consultation-link"));
        assertFalse(admin.body().contains(ADDRESS), "no address for the administrator");
        assertFalse(admin.body().contains("privacy-token"), "no link for the administrator");
        assertFalse(admin.body().contains("Robin"), "no name for the administrator");
        assertTrue(admin.body().contains("only the participation lead sees them"));
    }

    @Test
    void aSentMessageKeepsItsChannelAndTimeButNeitherAddressNorLink() {
        enqueue(ADDRESS, LINK);
        new OutboxSender(rows, new NotifyStandIn(0), SETTINGS, clock).sendDue();

        assertEquals(1, ReviewFixtures.count(context, "select count(*) from notification_outbox where state = 'SENT' "
                + "and channel = 'EMAIL' and finished_at is not null and template_key = 'consultation-link'"), "what an officer needs: it went");
        assertEquals(0, ReviewFixtures.count(context, "select count(*) from notification_outbox where recipient is not null "
                + "or personalisation <> '{}'::jsonb or cast(personalisation as text) like '%privacy-token%'"));
        WebClient.Page lead = outboxPage("privacy.lead");
        assertFalse(lead.body().contains(ADDRESS));
        assertFalse(lead.body().contains("privacy-token"));
    }

    @Test
    void aRecordedMessageLosesAddressAndLinkAfterTheRetentionAndOnlyTheCountIsAudited() {
        enqueue(ADDRESS, LINK);
        enqueue("second.privacy@example.org", LINK + "2");
        new OutboxSender(rows, new NotConfiguredGateway(), SETTINGS, clock).sendDue();
        Instant recorded = clock.instant();
        Duration retention = Duration.ofDays(30); // the default, myview.notify.recorded-retention

        clock.set(recorded.plus(retention).minusSeconds(1));
        assertEquals(0, rows.eraseRecordedBefore(clock.instant().minus(retention)), "a second before the retention: kept");
        assertEquals(2, ReviewFixtures.count(context, "select count(*) from notification_outbox where recipient is not null"));

        clock.set(recorded.plus(retention).plusSeconds(1));
        assertEquals(2, rows.eraseRecordedBefore(clock.instant().minus(retention)));
        assertEquals(0, ReviewFixtures.count(context, "select count(*) from notification_outbox where recipient is not null "
                + "or personalisation <> '{}'::jsonb"));
        assertEquals(2, ReviewFixtures.count(context, "select count(*) from notification_outbox where state = 'RECORDED'"),
                "the rows stay: that a message was due is kept");
        assertEquals(0, rows.eraseRecordedBefore(clock.instant().minus(retention)), "nothing left to erase");

        assertEquals(1, ReviewFixtures.count(context, "select count(*) from audit_event where action = 'RETENTION_ERASED' "
                + "and subject_type = 'notification_outbox' and (detail->>'rows')::int = 2"), "audited once, as a count");
        assertEquals(0, ReviewFixtures.count(context, "select count(*) from audit_event where cast(detail as text) like '%example.org%' "
                + "or cast(detail as text) like '%privacy-token%'"), "never the content");
    }
}
