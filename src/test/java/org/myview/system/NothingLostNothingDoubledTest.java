package org.myview.system;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.myview.staff.Role;
import org.myview.support.RestartableDatabase;
import org.myview.support.ReviewFixtures;
import org.myview.support.StaffFixtures;
import org.myview.support.WebClient;
import org.myview.web.link.LinkTokens;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Three thousand children (a system property changes it) send their forms from many phones at once while PostgreSQL is stopped and
 * started again in the middle. Phones retry as a phone would (a failed or unanswered request is
 * tried again after a pause). Afterwards every form the service acknowledged is stored exactly once,
 * with its answer, and nothing is stored twice; while the database was away the service answered
 * "try again" (503), never a 500; and it recovered by itself.
 */
class NothingLostNothingDoubledTest {

    private static final int FORMS = Integer.getInteger("myview.lossTest.forms", 3_000);
    private static final int PHONES = 32;
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private static RestartableDatabase database;
    private static ApplicationContext context;
    private static EmbeddedServer server;

    @BeforeAll
    static void start() {
        database = new RestartableDatabase();
        context = ApplicationContext.run(Map.of(
                "datasources.default.url", database.jdbcUrl(),
                "datasources.default.username", "postgres",
                "datasources.default.password", "postgres",
                "datasources.default.connection-timeout", "1000",
                "datasources.default.maximum-pool-size", "16",
                "micronaut.server.port", -1), "test");
        server = context.getBean(EmbeddedServer.class).start();
    }

    @AfterAll
    static void stop() {
        context.close();
        database.close();
    }

    @Test
    void everyAcknowledgedFormIsStoredOnceThroughADatabaseRestart() throws Exception {
        List<String> tokens = prepareLinks();
        Set<Integer> acknowledged = ConcurrentHashMap.newKeySet();
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        AtomicInteger tryAgainPages = new AtomicInteger();
        List<String> problems = java.util.Collections.synchronizedList(new ArrayList<>());

        ExecutorService phones = Executors.newFixedThreadPool(PHONES);
        List<Future<?>> work = new ArrayList<>();
        for (int i = 0; i < FORMS; i++) {
            int form = i;
            work.add(phones.submit(() -> {
                try {
                    if (sendForm(form, tokens.get(form), statuses, tryAgainPages)) {
                        acknowledged.add(form);
                    }
                } catch (RuntimeException e) {
                    problems.add("form " + form + ": " + e.getMessage());
                }
            }));
        }
        // Restart the database once about a third of the forms are in.
        while (acknowledged.size() < FORMS / 3) {
            Thread.sleep(20);
        }
        database.stop();
        Thread.sleep(3_000);
        database.start();
        for (Future<?> f : work) {
            f.get(5, TimeUnit.MINUTES);
        }
        phones.shutdown();

        assertEquals(List.of(), problems);
        assertEquals(null, statuses.get(500), "a 500 was answered: " + statuses);
        assertTrue(tryAgainPages.get() > 0, "no \"try again\" page was seen while the database was away: " + statuses);
        assertEquals(FORMS, acknowledged.size(), "every phone kept trying until its form was acknowledged");

        try (Connection db = ReviewFixtures.connection(context)) {
            // Each acknowledged form: sent, once, with its own answer once.
            Map<String, Integer> sentByToken = new java.util.HashMap<>();
            try (PreparedStatement query = db.prepareStatement("""
                    select l.token_hash, count(c.id) filter (where c.sent_at is not null) as sent,
                           count(a.answer) filter (where a.answer = 'answer-' || l.id) as answers
                    from consultation_link l left join consultation c on c.link_id = l.id
                    left join consultation_answer a on a.consultation_id = c.id and a.question_id = 'going-well'
                    group by l.id, l.token_hash""");
                 ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    sentByToken.put(java.util.HexFormat.of().formatHex(rs.getBytes(1)), rs.getInt(2) * 10 + rs.getInt(3));
                }
            }
            for (int form : acknowledged) {
                String hash = java.util.HexFormat.of().formatHex(LinkTokens.hash(tokens.get(form)));
                assertEquals(11, sentByToken.get(hash), "form " + form + " is not stored exactly once with its answer");
            }
            assertEquals(0, ReviewFixtures.count(context,
                    "select count(*) from (select link_id from consultation group by link_id having count(*) > 1) doubled"));
            assertEquals(FORMS, ReviewFixtures.count(context, "select count(*) from consultation where sent_at is not null"));
        }
        assertEquals(200, new WebClient(server.getURI()).get("/health").status());
    }

    /** One phone: open the link, answer the first question, check answers, send; each step retried until answered. */
    private static boolean sendForm(int form, String token, Map<Integer, Integer> statuses, AtomicInteger tryAgainPages) {
        WebClient phone = new WebClient(server.getURI());
        retry(() -> phone.get("/consultation/link/" + token), statuses, tryAgainPages, 303);
        WebClient.Page question = retry(() -> phone.get("/consultation/q/1"), statuses, tryAgainPages, 200);
        String csrf = csrf(question);
        retry(() -> phone.post("/consultation/q/1", "_csrf", csrf, "answer", "answer-" + linkIdOf(question, form), "action", "save"),
                statuses, tryAgainPages, 303);
        WebClient.Page check = retry(() -> phone.get("/consultation/check"), statuses, tryAgainPages, 200);
        String sendCsrf = csrf(check);
        WebClient.Page sent = retry(() -> phone.post("/consultation/send", "_csrf", sendCsrf), statuses, tryAgainPages, 303);
        return sent.location() != null && sent.location().startsWith("/consultation/sent");
    }

    /** The answer names the link it belongs to, so the check can find it (the id is on no page: look it up). */
    private static long linkIdOf(WebClient.Page ignored, int form) {
        return LINK_IDS.get(form);
    }

    private static final Map<Integer, Long> LINK_IDS = new ConcurrentHashMap<>();

    private static WebClient.Page retry(Supplier<WebClient.Page> step, Map<Integer, Integer> statuses, AtomicInteger tryAgainPages,
                                        int expected) {
        long deadline = System.currentTimeMillis() + 120_000;
        while (true) {
            WebClient.Page page = null;
            try {
                page = step.get();
                statuses.merge(page.status(), 1, Integer::sum);
                if (page.status() == expected) {
                    return page;
                }
                if (page.status() == 503 && page.body().contains("try again")) {
                    tryAgainPages.incrementAndGet();
                } else if (page.status() != 503) {
                    throw new IllegalStateException("answered " + page.status() + " where " + expected + " was expected");
                }
            } catch (IllegalStateException e) {
                if (page != null) {
                    throw e;
                }
                // No answer at all (connection dropped): a phone tries again.
            }
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("no answer within 2 minutes");
            }
            try {
                Thread.sleep(200 + ThreadLocalRandom.current().nextInt(300));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static String csrf(WebClient.Page page) {
        Matcher m = CSRF.matcher(page.body());
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on the page");
        }
        return m.group(1);
    }

    /** Children aged 9 with a review next week, each with a link made the way the service makes them (a hashed token). */
    private static List<String> prepareLinks() throws Exception {
        long officer = StaffFixtures.account(context, "loss.officer", Role.REVIEWING_OFFICER);
        List<String> tokens = new ArrayList<>();
        try (Connection db = ReviewFixtures.connection(context)) {
            db.setAutoCommit(false);
            try (PreparedStatement child = db.prepareStatement(
                    "insert into child (case_reference, first_name, date_of_birth) values (?, 'Sam', ?) returning id");
                 PreparedStatement review = db.prepareStatement(
                         "insert into review (child_id, review_type, review_date, reviewing_officer_id) values (?, 'CLA', ?, ?) returning id");
                 PreparedStatement link = db.prepareStatement(
                         "insert into consultation_link (review_id, token_hash, created_by, expires_at) values (?, ?, ?, now() + interval '30 days') returning id")) {
                for (int i = 0; i < FORMS; i++) {
                    child.setString(1, "LOSS" + i);
                    child.setObject(2, LocalDate.now().minusYears(9).minusDays(30));
                    long childId = single(child);
                    review.setLong(1, childId);
                    review.setObject(2, LocalDate.now().plusDays(7));
                    review.setLong(3, officer);
                    long reviewId = single(review);
                    LinkTokens.NewLink newLink = LinkTokens.newLink();
                    link.setLong(1, reviewId);
                    link.setBytes(2, newLink.hash());
                    link.setLong(3, officer);
                    LINK_IDS.put(i, single(link));
                    tokens.add(newLink.token());
                }
            }
            db.commit();
        }
        return tokens;
    }

    private static long single(PreparedStatement statement) throws Exception {
        try (ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
