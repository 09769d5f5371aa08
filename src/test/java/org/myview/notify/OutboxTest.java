package org.myview.notify;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.myview.staff.Role;
import org.myview.support.MutableClock;
import org.myview.support.StaffFixtures;
import org.myview.support.WebClient;

import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.myview.notify.NotifyStandIn.Outcome.*;

/** The outbox delivers each message exactly once, whatever Notify does and however many senders run. */
@MicronautTest(transactional = false)
@Property(name = "test.mutable-clock", value = "true")
@Property(name = "myview.notify.sender-enabled", value = "false")
class OutboxTest {

    private static final NotifySettings SETTINGS = new NotifySettings(null, null, Map.of(), Duration.ofSeconds(10),
            Duration.ofMinutes(10), 10, Duration.ofMinutes(5), 50);

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
    JdbcOperations jdbc;
    @Inject
    TransactionOperations<Connection> transactions;

    @BeforeEach
    void empty() {
        transactions.executeWrite(s -> jdbc.prepareStatement("delete from notification_outbox", java.sql.PreparedStatement::executeUpdate));
    }

    @Test
    void eachMessageIsDeliveredOnceThroughFailuresTimeoutsAndRateLimits() {
        NotifyStandIn notify = new NotifyStandIn(0, ERROR_500, RATE_LIMITED_429, TIMEOUT_AFTER_ACCEPTING, TIMEOUT_BEFORE_ACCEPTING,
                RATE_LIMITED_429, TIMEOUT_AFTER_ACCEPTING, ERROR_500, ACCEPT, TIMEOUT_AFTER_ACCEPTING, RATE_LIMITED_429);
        List<Long> ids = enqueue(6);
        OutboxSender sender = new OutboxSender(rows, notify, SETTINGS, clock);

        for (int pass = 0; pass < 20 && countIn("SENT") < 6; pass++) {
            sender.sendDue();
            clock.advance(Duration.ofMinutes(11)); // past the longest back-off
        }

        assertEquals(6, countIn("SENT"), "every message ends up sent");
        assertEquals(6, notify.delivered.size(), "every message reached Notify");
        notify.delivered.forEach((reference, count) -> assertEquals(1, count.get(), "delivered once: " + reference));
        int withAddress = transactions.executeRead(s -> jdbc.prepareStatement(
                "select count(*) from notification_outbox where recipient is not null or personalisation <> '{}'::jsonb",
                ps -> { var rs = ps.executeQuery(); rs.next(); return rs.getInt(1); }));
        assertEquals(0, withAddress, "addresses and links are gone once sent");
        assertTrue(ids.size() == 6);
    }

    @Test
    void aRetryWaitsLongerEachTime() {
        NotifyStandIn notify = new NotifyStandIn(0, RATE_LIMITED_429, RATE_LIMITED_429, RATE_LIMITED_429);
        enqueue(1);
        OutboxSender sender = new OutboxSender(rows, notify, SETTINGS, clock);
        assertEquals(1, sender.sendDue());
        assertEquals(0, sender.sendDue(), "not again at once");
        clock.advance(Duration.ofSeconds(11));
        assertEquals(1, sender.sendDue(), "after 10 s");
        clock.advance(Duration.ofSeconds(11));
        assertEquals(0, sender.sendDue(), "the second wait is 20 s");
        clock.advance(Duration.ofSeconds(10));
        assertEquals(1, sender.sendDue());
        clock.advance(Duration.ofSeconds(41));
        assertEquals(1, sender.sendDue());
        assertEquals(1, countIn("SENT"));
    }

    @Test
    void aSenderThatDiesBetweenSendingAndRecordingDoesNotCauseASecondMessage() {
        NotifyStandIn notify = new NotifyStandIn(0);
        enqueue(1);
        // A sender claims the row and Notify accepts the message, then the instance dies before recording it.
        OutboxService.Claimed claimed = rows.claim(clock.instant(), SETTINGS.lease(), 10).get(0);
        notify.accept(claimed.reference().toString());
        assertEquals(0, new OutboxSender(rows, notify, SETTINGS, clock).sendDue(), "the lease holds the row meanwhile");

        clock.advance(Duration.ofMinutes(6)); // the lease runs out: another instance takes over
        new OutboxSender(rows, notify, SETTINGS, clock).sendDue();

        assertEquals(1, countIn("SENT"));
        assertEquals(1, notify.delivered.get(claimed.reference().toString()).get(), "found by its reference, not sent again");
        assertEquals(0, notify.calls.get(), "no second send was tried");
    }

    @Test
    void aRefusedMessageFailsForGoodAndIsNotRetried() {
        NotifyStandIn notify = new NotifyStandIn(0, BAD_REQUEST_400);
        enqueue(1);
        OutboxSender sender = new OutboxSender(rows, notify, SETTINGS, clock);
        sender.sendDue();
        clock.advance(Duration.ofHours(1));
        assertEquals(0, sender.sendDue());
        assertEquals(1, countIn("FAILED"));
        assertEquals(1, notify.calls.get());
    }

    @Test
    void twoSendersRacingSendEachMessageOnce() throws Exception {
        NotifyStandIn notify = new NotifyStandIn(2);
        enqueue(120);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger claimedTotal = new AtomicInteger();
        List<Future<?>> runs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            OutboxSender sender = new OutboxSender(rows, notify, SETTINGS_SMALL_BATCH, clock);
            runs.add(pool.submit(() -> {
                start.await();
                int n;
                while ((n = sender.sendDue()) > 0) {
                    claimedTotal.addAndGet(n);
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> run : runs) {
            run.get();
        }
        pool.shutdown();

        assertEquals(120, countIn("SENT"));
        assertEquals(120, claimedTotal.get(), "no row was claimed twice");
        assertEquals(120, notify.calls.get(), "120 sends for 120 messages");
        notify.delivered.forEach((reference, count) -> assertEquals(1, count.get()));
    }

    private static final NotifySettings SETTINGS_SMALL_BATCH = new NotifySettings(null, null, Map.of(), Duration.ofSeconds(10),
            Duration.ofMinutes(10), 10, Duration.ofMinutes(5), 5);

    @Test
    void withoutAnApiKeyMessagesAreRecordedAndStaffCanSeeWhatWouldHaveBeenSent() {
        enqueue(1);
        new OutboxSender(rows, new NotConfiguredGateway(), SETTINGS, clock).sendDue();
        assertEquals(1, countIn("RECORDED"));

        StaffFixtures.account(context, "outbox.lead", Role.PARTICIPATION_LEAD);
        WebClient browser = new WebClient(server.getURI());
        StaffFixtures.signIn(browser, "outbox.lead");
        WebClient.Page page = browser.get("/notify/outbox");
        assertEquals(200, page.status());
        assertTrue(page.body().contains("Not sent (Notify not set up)"), page.body());
        assertTrue(page.body().contains("parent0@example.org"));
        assertTrue(page.body().contains("Sam 0"));
        assertEquals("no-store", page.header("Cache-Control"));
    }

    private List<Long> enqueue(int count) {
        return transactions.executeWrite(s -> {
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                ids.add(outbox.enqueue(new Message(Channel.EMAIL, "parent" + i + "@example.org", "parent-invitation",
                        Map.of("name", "Sam " + i, "link", "https://myview.example.org/parent/link/x" + i)), "test", (long) i));
            }
            return ids;
        });
    }

    private int countIn(String state) {
        return transactions.executeRead(s -> jdbc.prepareStatement("select count(*) from notification_outbox where state = ?", ps -> {
            ps.setString(1, state);
            var rs = ps.executeQuery();
            rs.next();
            return rs.getInt(1);
        }));
    }
}
