package org.myview.consultation;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.myview.notify.Channel;
import org.myview.notify.Message;
import org.myview.notify.Outbox;
import org.myview.notify.OutboxSender;
import org.myview.staff.Role;
import org.myview.support.CountingNotify;
import org.myview.support.ReviewFixtures;
import org.myview.support.SharedTestDatabase;
import org.myview.support.StaffFixtures;
import org.myview.support.WebClient;
import org.myview.system.EmbeddedDatabase;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 22, item 9: two service instances on one database, with every browser behind a round-robin balancer
 * (each request to the other instance), behave as one service: sign-in and CSRF, a child's whole journey, the
 * outbox (each message sent once), and the throttles. Escalations: {@link TalkNowTwoInstancesTest}.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "myview.notify.sender-enabled", value = "false")
@Property(name = "test.counting-notify", value = "true")
@Property(name = "myview.proxy.trusted-addresses", value = "127.0.0.1,::1")
@Property(name = "myview.links.slow-down-step", value = "5ms")
class TwoInstancesOneServiceTest {

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext context;
    @Inject
    EmbeddedDatabase database;

    private EmbeddedServer second;

    @BeforeAll
    void startTheSecondInstance() {
        Map<String, Object> properties = new java.util.HashMap<>(SharedTestDatabase.asExternalDatabase(database));
        properties.putAll(Map.of(
                "micronaut.server.port", "-1",
                "myview.notify.sender-enabled", "false",
                "test.counting-notify", "true",
                "myview.proxy.trusted-addresses", "127.0.0.1,::1",
                "myview.links.slow-down-step", "5ms"));
        second = ApplicationContext.run(EmbeddedServer.class, properties, "test");
    }

    @AfterAll
    void stopTheSecondInstance() {
        second.getApplicationContext().close();
    }

    private WebClient balanced() {
        return WebClient.roundRobin(server.getURI(), second.getURI());
    }

    @Test
    void staffSignInCsrfAndSignOutHoldAcrossInstances() {
        StaffFixtures.account(context, "two.staff", Role.REVIEWING_OFFICER);
        WebClient browser = balanced();

        // The sign-in page from one instance, the form posted to the other; the next page from the first.
        String csrf = StaffFixtures.signIn(browser, "two.staff");
        for (int i = 0; i < 4; i++) {
            assertEquals(200, browser.get("/staff").status(), "signed in on both instances");
        }
        assertEquals(403, browser.post("/sign-out", "_csrf", "forged").status());
        assertEquals(403, browser.post("/sign-out", "_csrf", "forged").status(), "refused by both instances");
        assertEquals(303, browser.post("/sign-out", "_csrf", csrf).status(), "a token from one instance works on the other");
        for (int i = 0; i < 2; i++) {
            assertEquals(303, browser.get("/staff").status(), "signed out on both instances");
        }
    }

    @Test
    void aChildAnswersAndSendsAcrossInstancesAndTheFormIsStoredOnce() {
        ConsultationTestSupport.Setup setup = ConsultationTestSupport.reviewFor(context, server.getURI(), "two.officer", "TWOI1",
                LocalDate.of(2014, 5, 1), LocalDate.now().plusDays(9));
        String link = ConsultationTestSupport.createLink(setup);
        WebClient child = balanced();
        assertEquals(303, child.get(link).status());
        int answered = 0;
        String next = "/consultation/q/1";
        while (next.startsWith("/consultation/q/")) {
            WebClient.Page page = child.get(next);
            assertEquals(200, page.status(), next);
            String csrf = page.inputValue("_csrf");
            WebClient.Page after;
            Matcher radio = Pattern.compile("type=\"radio\"\\s+value=\"([^\"]+)\"").matcher(page.body());
            if (page.body().contains("<textarea")) {
                after = child.post(next, "_csrf", csrf, "answer", "words from two instances", "action", "save");
            } else if (radio.find()) {
                after = child.post(next, "_csrf", csrf, "answer", radio.group(1), "action", "save");
            } else {
                after = child.post(next, "_csrf", csrf, "action", "skip");
            }
            assertEquals(303, after.status(), next + ": " + after.body());
            answered++;
            next = after.location();
        }
        assertEquals("/consultation/check", next);
        WebClient.Page check = child.get(next);
        assertTrue(check.body().contains("words from two instances"), "the check page shows answers given to both instances");
        String csrf = check.inputValue("_csrf");
        assertEquals(303, child.post("/consultation/send", "_csrf", csrf).status());
        assertEquals(303, child.post("/consultation/send", "_csrf", csrf).status(), "a second press, on the other instance");
        assertEquals(200, child.get("/consultation/sent").status());

        assertEquals(1, ReviewFixtures.count(context, "select count(*) from consultation where review_id = " + setup.reviewId()
                + " and sent_at is not null"), "one form");
        assertTrue(answered > 3);
        assertEquals(answered, ReviewFixtures.count(context, "select count(*) from consultation_answer a join consultation c "
                + "on c.id = a.consultation_id where c.review_id = " + setup.reviewId()), "each answer stored, once");
    }

    @Test
    void bothInstancesSendingTheOutboxDeliverEachMessageOnce() throws Exception {
        Outbox outbox = context.getBean(Outbox.class);
        int messages = 40;
        @SuppressWarnings("unchecked")
        io.micronaut.transaction.TransactionOperations<Object> transactions = context.getBean(io.micronaut.transaction.TransactionOperations.class);
        transactions.executeWrite(status -> {
            for (int i = 0; i < messages; i++) {
                outbox.enqueue(new Message(Channel.EMAIL, "two" + i + "@example.org", "two-instances", Map.of()), "test", (long) i);
            }
            return null;
        });
        List<OutboxSender> senders = List.of(context.getBean(OutboxSender.class), second.getApplicationContext().getBean(OutboxSender.class));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> claimed = new ArrayList<>();
            for (OutboxSender sender : senders) {
                claimed.add(pool.submit(() -> {
                    start.await();
                    int sum = 0;
                    for (int round = 0; round < 20; round++) {
                        sum += sender.sendDue();
                    }
                    return sum;
                }));
            }
            start.countDown();
            int total = 0;
            for (Future<Integer> f : claimed) {
                total += f.get();
            }
            assertEquals(messages, total, "between them the instances claimed each message once");
        } finally {
            pool.shutdown();
        }
        assertEquals(messages, ReviewFixtures.count(context, "select count(*) from notification_outbox where template_key = 'two-instances' and state = 'SENT'"));
        List<String> references = new ArrayList<>();
        try (java.sql.Connection c = ReviewFixtures.connection(context); java.sql.Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery("select reference::text from notification_outbox where template_key = 'two-instances'")) {
            while (rs.next()) {
                references.add(rs.getString(1));
            }
        }
        assertEquals(messages, references.size());
        for (String reference : references) {
            assertEquals(1, CountingNotify.DELIVERED.get(reference).get(), "message " + reference + " delivered once");
        }
    }

    @Test
    void throttlesCountTriesOnEitherInstance() {
        WebClient guesser = balanced();
        int status = 0;
        for (int i = 0; i < 10; i++) {
            status = guesser.send(guesser.request("/consultation/link/" + String.format("%022d", 7_000 + i))
                    .header("X-Forwarded-For", "192.0.2.99").GET().build()).status();
        }
        assertEquals(429, status, "ten wrong links across two instances refuse the address");
        assertEquals(429, guesser.send(guesser.request("/consultation/link/" + String.format("%022d", 8_000))
                .header("X-Forwarded-For", "192.0.2.99").GET().build()).status(), "on the other instance too");

        StaffFixtures.account(context, "two.locked", Role.SERVICE_MANAGER);
        WebClient person = balanced();
        for (int i = 0; i < 5; i++) {
            StaffFixtures.postSignIn(person, "two.locked", "LEAKCANARY-wrong-" + i + "-xx");
        }
        for (int i = 0; i < 2; i++) {
            WebClient.Page locked = StaffFixtures.postSignIn(person, "two.locked", StaffFixtures.PASSWORD);
            assertEquals(422, locked.status(), "five wrong passwords across two instances lock the account on both");
        }
    }
}
