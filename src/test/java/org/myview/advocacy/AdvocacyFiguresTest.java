package org.myview.advocacy;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.myview.staff.Role;
import org.myview.support.MutableClock;
import org.myview.support.ReviewFixtures;
import org.myview.support.StaffFixtures;
import org.myview.support.WebClient;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The advocacy figures of 2025-26 on 15 November 2025, worked out by hand, cell by cell, on the page, in the CSV and
 * in the JSON. Referrals (request time, service, referral date):
 * 1: 3 Apr, NYAS 5 Apr. 2: 20 Apr, NYAS 2 May. 3: 10 May, NYAS 12 May. 4: 30 Jun 23:30 UTC (1 July 00:30 in London),
 * NYAS 1 Jul. 5: 5 Jul, another service 6 Jul. 6: 9 Jul, NYAS 20 Jul. 7: 31 Oct 23:30 UTC (31 October in London,
 * GMT), NYAS 3 Nov. 8: 10 Nov, not referred yet. 9: 30 March 2025 (last year), NYAS 1 Apr.
 * The lead enters April to July (April twice: the second replaces the first). Reviews coded with a NYAS advocate:
 * 15 Apr, 1 Aug, 20 Aug (and one with another advocate, 16 Apr, which does not count).
 * The manager's target for NYAS referrals: 3 a quarter, tolerance 1, baseline 2 (annual target 12).
 */
@MicronautTest(transactional = false)
@Property(name = "test.mutable-clock", value = "true")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdvocacyFiguresTest {

    /** Each row: 12 months (April first), Q1-Q4, total, % of annual target; "" for no value. */
    static final Map<String, List<String>> EXPECTED = new LinkedHashMap<>();

    static {
        EXPECTED.put("REQUESTED", List.of("2", "1", "0", "3", "0", "0", "1", "1", "", "", "", "", "3", "3", "2", "", "8", ""));
        EXPECTED.put("REFERRED_NYAS", List.of("2", "2", "0", "2", "0", "0", "0", "1", "", "", "", "", "4", "2", "1", "", "7", "58"));
        EXPECTED.put("REFERRED_OTHER", List.of("0", "0", "0", "1", "0", "0", "0", "0", "", "", "", "", "0", "1", "0", "", "1", ""));
        EXPECTED.put("ISSUE_BASED", List.of("12", "11", "16", "5", "", "", "", "", "", "", "", "", "39", "5", "", "", "44", "367"));
        EXPECTED.put("RIGHTS_SESSIONS", List.of("9", "8", "1", "0", "", "", "", "", "", "", "", "", "18", "0", "", "", "18", ""));
        EXPECTED.put("REVIEWS_WITH_NYAS", List.of("1", "0", "0", "0", "2", "0", "0", "0", "", "", "", "", "1", "2", "0", "", "3", ""));
    }

    static final List<String> RATINGS = List.of("GREEN", "AMBER", "RED", "GREY");

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext context;
    @Inject
    MutableClock clock;
    @Inject
    JsonMapper json;

    private WebClient manager;
    private int children;

    @BeforeAll
    void load() {
        clock.set(Instant.parse("2025-11-15T12:00:00Z"));
        StaffFixtures.account(context, "fig.manager", Role.SERVICE_MANAGER);
        StaffFixtures.account(context, "fig.lead", Role.PARTICIPATION_LEAD);
        referral("2025-04-03T10:00:00Z", "NYAS", "2025-04-05");
        referral("2025-04-20T10:00:00Z", "NYAS", "2025-05-02");
        referral("2025-05-10T10:00:00Z", "NYAS", "2025-05-12");
        referral("2025-06-30T23:30:00Z", "NYAS", "2025-07-01");
        referral("2025-07-05T10:00:00Z", "OTHER", "2025-07-06");
        referral("2025-07-09T10:00:00Z", "NYAS", "2025-07-20");
        referral("2025-10-31T23:30:00Z", "NYAS", "2025-11-03");
        referral("2025-11-10T10:00:00Z", null, null);
        referral("2025-03-30T10:00:00Z", "NYAS", "2025-04-01");
        coded("2025-04-15", "NYAS");
        coded("2025-04-16", "OTHER");
        coded("2025-08-01", "NYAS");
        coded("2025-08-20", "NYAS");
        ReviewFixtures.execute(context, "insert into participation_target (measure, review_types, baseline, target, tolerance) "
                + "values ('NYAS_REFERRALS', 'ALL', 2, 3, 1)");

        WebClient lead = new WebClient(server.getURI());
        String csrf = StaffFixtures.signIn(lead, "fig.lead");
        WebClient.Page empty = lead.post("/advocacy/months", "_csrf", csrf, "month", "2025-04");
        assertEquals(422, empty.status());
        assertTrue(empty.body().contains("<title>Error:"));
        assertTrue(empty.body().contains("Enter the number of issue-based advocacy cases, a whole number from 0 to 10000"), empty.body());
        assertEquals(422, lead.post("/advocacy/months", "_csrf", csrf, "month", "2025-12", "issueBased", "1", "rightsSessions", "1").status(),
                "a month that has not begun");
        String[][] months = {{"2025-04", "99", "99"}, {"2025-04", "12", "9"}, {"2025-05", "11", "8"}, {"2025-06", "16", "1"}, {"2025-07", "5", "0"}};
        for (String[] m : months) {
            WebClient.Page saved = lead.post("/advocacy/months", "_csrf", csrf, "month", m[0], "issueBased", m[1], "rightsSessions", m[2]);
            assertEquals(303, saved.status(), saved.body());
        }
        assertTrue(lead.get("/advocacy/months?saved=2025-07").body().contains("Figures saved for July 2025"));

        manager = new WebClient(server.getURI());
        StaffFixtures.signIn(manager, "fig.manager");
    }

    private long review(String date) {
        children++;
        long child = ReviewFixtures.child(context, "FIG" + children, "Fig", LocalDate.of(2012, 1, 1));
        return ReviewFixtures.review(context, child, "CLA", LocalDate.parse(date), null);
    }

    private void referral(String requestedAt, String service, String referredOn) {
        long review = review(requestedAt.substring(0, 10));
        long link = ReviewFixtures.count(context, "insert into consultation_link (review_id, token_hash, created_at, expires_at) values ("
                + review + ", decode(md5(random()::text || clock_timestamp()::text), 'hex'), '" + requestedAt + "', '" + requestedAt + "') returning id");
        long consultation = ReviewFixtures.count(context, "insert into consultation (link_id, review_id, definition_id, sent_at) values ("
                + link + ", " + review + ", 'consultation-12-plus', '" + requestedAt + "') returning id");
        ReviewFixtures.execute(context, "insert into advocacy_referral (review_id, consultation_id, requested_at, service, other_service, referred_on) values ("
                + review + ", " + consultation + ", '" + requestedAt + "', " + (service == null ? "null" : "'" + service + "'") + ", "
                + ("OTHER".equals(service) ? "'Local advocacy'" : "null") + ", " + (referredOn == null ? "null" : "'" + referredOn + "'") + ")");
    }

    private void coded(String date, String advocate) {
        ReviewFixtures.execute(context, "insert into review_participation (review_id, pn_code, advocate) values (" + review(date) + ", 'PN5', '" + advocate + "')");
    }

    @Test
    void thePageShowsEveryCellTheRatingsAndBothFiguresClearlyNamed() {
        WebClient.Page page = manager.get("/advocacy/figures?year=2025-26");
        assertEquals(200, page.status());
        for (Map.Entry<String, List<String>> row : EXPECTED.entrySet()) {
            Matcher tr = Pattern.compile("<tr[^>]*id=\"row-" + row.getKey() + "\"[^>]*>(.*?)</tr>", Pattern.DOTALL).matcher(page.body());
            assertTrue(tr.find(), row.getKey());
            List<String> cells = new ArrayList<>();
            Matcher cell = Pattern.compile("<t[hd][^>]*>(.*?)</t[hd]>", Pattern.DOTALL).matcher(tr.group(1));
            while (cell.find()) {
                cells.add(cell.group(1).trim());
            }
            boolean entered = row.getKey().equals("ISSUE_BASED") || row.getKey().equals("RIGHTS_SESSIONS");
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < row.getValue().size(); i++) {
                String v = row.getValue().get(i);
                expected.add(i == 17 ? (v.isEmpty() ? "N/A" : v + "%") : !v.isEmpty() ? v : (entered && i < 12) ? "not entered" : "–");
            }
            assertEquals(expected, cells.subList(1, cells.size()), row.getKey());
        }
        assertTrue(page.body().contains("Referrals made to NYAS"));
        assertTrue(page.body().contains("Reviews coded with a NYAS advocate (the old proxy)"));
        for (int q = 1; q <= 4; q++) {
            Matcher tr = Pattern.compile("<tr[^>]*id=\"rating-q" + q + "\"[^>]*>(.*?)</tr>", Pattern.DOTALL).matcher(page.body());
            assertTrue(tr.find());
            assertTrue(tr.group(1).contains(">" + RATINGS.get(q - 1) + "<"), "Q" + q + ": " + tr.group(1));
        }
        assertTrue(page.body().contains("NYAS’s target is 3 referrals a quarter"), "the manager's target");

        WebClient.Page dashboard = manager.get("/participation?year=2025-26&type=ALL");
        assertTrue(dashboard.body().contains("href=\"/advocacy/figures\""), "the dashboard links to the referral figures");
        assertTrue(dashboard.body().contains("Reviews coded with a NYAS advocate"), "the dashboard's proxy says what it counts");
    }

    @Test
    void theCsvHasTheSameCells() {
        WebClient.Page csv = manager.get("/advocacy/figures.csv?year=2025-26");
        assertEquals(200, csv.status());
        List<String> expected = new ArrayList<>();
        expected.add("Figure,2025-04,2025-05,2025-06,2025-07,2025-08,2025-09,2025-10,2025-11,2025-12,2026-01,2026-02,2026-03,"
                + "Q1,Q2,Q3,Q4,TOTAL,PERCENT_OF_ANNUAL_TARGET");
        EXPECTED.forEach((row, cells) -> expected.add(row + "," + String.join(",", cells)));
        expected.add("RAG_REFERRED_NYAS" + ",".repeat(12) + "," + String.join(",", RATINGS));
        assertEquals(expected, List.of(csv.body().split("\r\n")));
        assertEquals(1, ReviewFixtures.count(context, "select count(*) from audit_event where action = 'DASHBOARD_EXPORTED' and detail::text like '%advocacy%'"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theJsonHasTheSameCells() throws Exception {
        WebClient client = new WebClient(server.getURI());
        WebClient.Page page = client.send(client.request("/api/advocacy/figures?year=2025-26").header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString(("fig.manager:" + StaffFixtures.PASSWORD).getBytes(StandardCharsets.UTF_8))).GET().build());
        assertEquals(200, page.status(), page.body());
        Map<String, Object> body = json.readValue(page.body(), Map.class);
        Map<String, Map<String, Object>> rows = (Map<String, Map<String, Object>>) body.get("rows");
        assertEquals(List.copyOf(EXPECTED.keySet()), List.copyOf(rows.keySet()));
        for (Map.Entry<String, List<String>> row : EXPECTED.entrySet()) {
            Map<String, Object> got = rows.get(row.getKey());
            List<String> cells = new ArrayList<>();
            ((Map<String, Object>) got.get("months")).values().forEach(v -> cells.add(v == null ? "" : String.valueOf(v)));
            ((Map<String, Object>) got.get("quarters")).values().forEach(v -> cells.add(v == null ? "" : String.valueOf(v)));
            cells.add(got.get("total") == null ? "" : String.valueOf(got.get("total")));
            cells.add(got.get("percentOfAnnualTarget") == null ? "" : String.valueOf(got.get("percentOfAnnualTarget")));
            assertEquals(row.getValue(), cells, row.getKey());
        }
        List<Map<String, Object>> ratings = (List<Map<String, Object>>) body.get("referralRatings");
        assertEquals(RATINGS, ratings.stream().map(r -> r.get("rag")).toList());
        WebClient.Page bad = client.send(client.request("/api/advocacy/figures?year=soon").header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString(("fig.manager:" + StaffFixtures.PASSWORD).getBytes(StandardCharsets.UTF_8))).GET().build());
        assertEquals(400, bad.status());
    }
}
