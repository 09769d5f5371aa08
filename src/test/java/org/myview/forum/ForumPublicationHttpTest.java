package org.myview.forum;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.TestInstance;
import org.myview.staff.Role;
import org.myview.support.MutableClock;
import org.myview.support.ReviewFixtures;
import org.myview.support.StaffFixtures;
import org.myview.support.WebClient;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Publish, then freeze: a quarter reaches the forum a month after it ends, and from then on nothing the forum can
 * read about it changes, not even when a late review is imported for it. The year is built from the quarters as
 * published, so the late review does not show there either.
 */
@MicronautTest(transactional = false)
@Property(name = "test.mutable-clock", value = "true")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ForumPublicationHttpTest {

    static final String Q1 = "2024-25-q1"; // April to June 2024

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext context;
    @Inject
    MutableClock clock;

    /** Reviews of children in care on 15 May 2024: age, then PN1..PN7, small cells included. */
    static final int[][] LOADED = {
            {5, 20, 3, 0, 0, 0, 12, 8},
            {9, 30, 0, 0, 7, 5, 15, 10},
            {13, 25, 0, 1, 0, 0, 20, 9},
            {17, 12, 4, 0, 0, 0, 9, 6},
    };

    private int batch;

    @BeforeAll
    void load() {
        StaffFixtures.account(context, "pub.forum", Role.FORUM);
        StaffFixtures.account(context, "pub.manager", Role.SERVICE_MANAGER);
        for (int[] row : LOADED) {
            for (int code = 1; code <= 7; code++) {
                if (row[code] > 0) {
                    batch++;
                    ReviewFixtures.execute(context, "with c as (insert into child (case_reference, first_name, date_of_birth) "
                            + "select 'PB" + batch + "-' || g, 'Test', (date '2024-05-15' - interval '" + row[0] + " years' - interval '30 days')::date "
                            + "from generate_series(1, " + row[code] + ") g returning id), "
                            + "r as (insert into review (child_id, review_type, review_date) select id, 'CLA', date '2024-05-15' from c returning id) "
                            + "insert into review_participation (review_id, pn_code) select id, 'PN" + code + "' from r");
                }
            }
        }
    }

    @Test
    @Order(1)
    void aLateReviewForAPublishedQuarterChangesNothingTheForumReads() {
        // 20 July 2024: the quarter ended on 30 June but has not settled for a month yet.
        clock.set(Instant.parse("2024-07-20T09:00:00Z"));
        assertEquals(400, api("/api/forum/figures?period=" + Q1).status(), "not published yet");
        assertFalse(forum().get("/forum").body().contains("value=\"" + Q1 + "\""), "not offered yet");

        clock.set(Instant.parse("2024-08-05T09:00:00Z"));
        WebClient browser = forum();
        String page = browser.get("/forum?period=" + Q1).body();
        String print = browser.get("/forum/print?period=" + Q1).body();
        String csv = browser.get("/forum/figures.csv?period=" + Q1).body();
        String json = api("/api/forum/figures?period=" + Q1).body();
        String apiCsv = api("/api/forum/figures.csv?period=" + Q1).body();
        assertTrue(page.contains("Published on 5 August 2024. These figures will not change."), page);
        assertTrue(print.contains("Published on 5 August 2024."));
        assertTrue(csv.contains(",2024-08-05\r\n"), csv);
        assertTrue(json.contains("\"publishedOn\":\"2024-08-05\""), json);

        // The late review: a 9-year-old who attended and whose advocate spoke (PN2), imported on 6 August.
        clock.set(Instant.parse("2024-08-06T09:00:00Z"));
        WebClient.Page imported = importCsv("CHILD,DOB,REVIEW,REVIEW_CODE\nLATE1,01/02/2015,20/05/2024,PN2\n");
        assertEquals(200, imported.status(), imported.body());
        assertTrue(imported.body().contains("\"reviewsCreated\":1"), imported.body());
        // The manager's own figures do see it (the review is there); the forum's do not.
        assertEquals(1, ReviewFixtures.count(context, "select count(*) from review r join child c on c.id = r.child_id "
                + "where c.case_reference = 'LATE1' and r.review_date = date '2024-05-20'"));

        clock.set(Instant.parse("2024-09-01T09:00:00Z"));
        WebClient later = forum();
        assertEquals(section(page), section(later.get("/forum?period=" + Q1).body()), "the page");
        assertEquals(section(print), section(later.get("/forum/print?period=" + Q1).body()), "the print page");
        assertEquals(csv, later.get("/forum/figures.csv?period=" + Q1).body(), "the CSV");
        assertEquals(json, api("/api/forum/figures?period=" + Q1).body(), "the JSON");
        assertEquals(apiCsv, api("/api/forum/figures.csv?period=" + Q1).body(), "the API's CSV");

        // A year later: the whole year is published, built from the quarters as published. Its total is Q1's as
        // published (the only quarter with reviews), not one more.
        clock.set(Instant.parse("2025-05-10T09:00:00Z"));
        String year = api("/api/forum/figures?period=2024-25").body();
        int q1Total = 43 + 67 + 55 + 31;
        assertTrue(year.contains("\"allAges\":{\"reviews\":{\"count\":" + q1Total + ","), year);
        assertEquals(json, api("/api/forum/figures?period=" + Q1).body(), "Q1 still as first published");
    }

    @Test
    @Order(2)
    void publishedFiguresCannotBeChangedEvenInTheDatabase() {
        clock.set(Instant.parse("2024-08-05T09:00:00Z"));
        assertEquals(200, api("/api/forum/figures?period=" + Q1).status());
        assertThrows(RuntimeException.class, () -> ReviewFixtures.execute(context,
                "update forum_publication_cell set count = count + 1 where period_key = '" + Q1 + "'"));
        assertThrows(RuntimeException.class, () -> ReviewFixtures.execute(context,
                "delete from forum_publication where period_key = '" + Q1 + "'"));
    }

    /** Several requests (as from several instances) for a period nobody has published yet: published once. */
    @Test
    @Order(3)
    void manyFirstReadersPublishOnce() throws Exception {
        clock.set(Instant.parse("2025-08-05T09:00:00Z")); // Q1 2025-26 is now due, and nobody has read it yet
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                Callable<String> read = () -> api("/api/forum/figures?period=2025-26-q1").body();
                answers.add(pool.submit(read));
            }
            String first = answers.get(0).get();
            for (Future<String> answer : answers) {
                assertEquals(first, answer.get());
            }
            assertNotEquals("", first);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, ReviewFixtures.count(context, "select count(*) from forum_publication where period_key = '2025-26-q1'"));
        assertEquals(40, ReviewFixtures.count(context, "select count(*) from forum_publication_cell where period_key = '2025-26-q1'"));
    }

    // ---- helpers ----

    private WebClient forum() {
        WebClient browser = new WebClient(server.getURI());
        StaffFixtures.signIn(browser, "pub.forum");
        return browser;
    }

    private WebClient.Page api(String path) {
        WebClient client = new WebClient(server.getURI());
        return client.send(client.request(path).header("Authorization", basic("pub.forum")).GET().build());
    }

    private WebClient.Page importCsv(String file) {
        WebClient client = new WebClient(server.getURI());
        return client.send(client.request("/api/reviews/import").header("Authorization", basic("pub.manager"))
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString(file)).build());
    }

    private static String basic(String username) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + StaffFixtures.PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    /** The figures part of a page (the rest holds per-request things such as the CSRF token). */
    private static String section(String html) {
        int from = html.indexOf("id=\"headline\"");
        int to = html.indexOf("</table>", html.indexOf("id=\"all\""));
        assertTrue(from > 0 && to > from, "the page has its figures");
        return html.substring(from, to);
    }
}
