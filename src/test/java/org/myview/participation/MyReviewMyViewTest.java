package org.myview.participation;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.myview.staff.AuditAction;
import org.myview.staff.AuditTrail;
import org.myview.staff.Role;
import org.myview.support.HtmlChecker;
import org.myview.support.MutableClock;
import org.myview.support.ReviewFixtures;
import org.myview.support.StaffFixtures;
import org.myview.support.WebClient;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * My Review My View on the dashboard, its CSV and its JSON, from reviews and consultations whose figures
 * are worked out by hand below: first reviews, age bands (with birthdays on and after the review date),
 * a quarter with no reviews, forms sent but never completed, and forms or links from after the review
 * date, which must not count.
 */
@MicronautTest(transactional = false)
@Property(name = "test.mutable-clock", value = "true")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MyReviewMyViewTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final List<String> COLUMNS = List.of("Q1", "Q2", "Q3", "Q4", "YTD");
    private static final List<String> BANDS = List.of("under-4", "4-7", "8-11", "12-15", "16-plus");

    /**
     * Every CLA figure for 2025-26, by column: completed, completed by band (under 4, 4-7, 8-11, 12-15, 16+),
     * completed for a first review, held, form sent; then the percentage (null for no data).
     * Q1: R1 (5, first, sent before), R2 (10, not first, sent at 23:30 on the review day), R3 (13, link, never sent),
     * R4 (6, link, sent 00:30 the day after), R5 (2, no link): 5 held, 4 with a link, 2 completed, 4 of 5 = 80%.
     * Q2: none. Q3: R6 (7 on their birthday, first, two forms), R7 (7, turns 8 the next day, not first),
     * R8 (16, link and form only after the review), R9 (child of R1 again, link, never sent): 4 held, 3 linked,
     * 2 completed, 75%. Q4: 8 first reviews of 12-year-olds, one completed: 1 of 8 = 12.5%, shown 13%.
     */
    private static final Map<String, long[]> CLA = new LinkedHashMap<>();
    private static final Map<String, Integer> CLA_PERCENT = new LinkedHashMap<>();

    static {
        CLA.put("Q1", new long[]{2, 0, 1, 1, 0, 0, 1, 5, 4});
        CLA.put("Q2", new long[]{0, 0, 0, 0, 0, 0, 0, 0, 0});
        CLA.put("Q3", new long[]{2, 0, 2, 0, 0, 0, 1, 4, 3});
        CLA.put("Q4", new long[]{1, 0, 0, 0, 1, 0, 1, 8, 1});
        CLA.put("YTD", new long[]{5, 0, 3, 1, 1, 0, 3, 17, 8});
        CLA_PERCENT.put("Q1", 80);
        CLA_PERCENT.put("Q2", null);
        CLA_PERCENT.put("Q3", 75);
        CLA_PERCENT.put("Q4", 13);
        CLA_PERCENT.put("YTD", 47); // 8 of 17 = 47.06%
    }

    /** The officer's own reviews: R1 (Q1) and R6 (Q3), both completed first reviews of 4 to 7 year olds. */
    private static final Map<String, long[]> OFFICER = new LinkedHashMap<>();
    private static final Map<String, Integer> OFFICER_PERCENT = new LinkedHashMap<>();

    static {
        OFFICER.put("Q1", new long[]{1, 0, 1, 0, 0, 0, 1, 1, 1});
        OFFICER.put("Q2", new long[]{0, 0, 0, 0, 0, 0, 0, 0, 0});
        OFFICER.put("Q3", new long[]{1, 0, 1, 0, 0, 0, 1, 1, 1});
        OFFICER.put("Q4", new long[]{0, 0, 0, 0, 0, 0, 0, 0, 0});
        OFFICER.put("YTD", new long[]{2, 0, 2, 0, 0, 0, 2, 2, 2});
        OFFICER_PERCENT.put("Q1", 100);
        OFFICER_PERCENT.put("Q2", null);
        OFFICER_PERCENT.put("Q3", 100);
        OFFICER_PERCENT.put("Q4", null);
        OFFICER_PERCENT.put("YTD", 100);
    }

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext context;
    @Inject
    MutableClock clock;
    @Inject
    JsonMapper json;
    @Inject
    AuditTrail audit;

    private int children;

    @BeforeAll
    void load() {
        clock.set(Instant.parse("2026-05-10T09:00:00Z")); // 2025-26 is over: every review of it has been held
        long officer = StaffFixtures.account(context, "mrmv.officer", Role.REVIEWING_OFFICER);
        StaffFixtures.account(context, "mrmv.manager", Role.SERVICE_MANAGER);

        // Q1
        LocalDate r1Date = LocalDate.of(2025, 4, 10);
        long childA = child(r1Date.minusYears(5).minusMonths(2));
        long cpA = ReviewFixtures.review(context, childA, "CP_REVIEW", LocalDate.of(2025, 5, 5), null);
        form(link(cpA, at(2025, 4, 28, 10, 0)), cpA, at(2025, 5, 1, 18, 0)); // counts for ALL, never for CLA
        long r1 = ReviewFixtures.review(context, childA, "CLA", r1Date, officer); // first CLA review, though not first review
        form(link(r1, at(2025, 4, 1, 9, 0)), r1, at(2025, 4, 9, 16, 0));

        LocalDate r2Date = LocalDate.of(2025, 5, 20);
        long childB = child(r2Date.minusYears(10).minusDays(40));
        ReviewFixtures.review(context, childB, "CLA", LocalDate.of(2024, 11, 20), null);
        long r2 = ReviewFixtures.review(context, childB, "CLA", r2Date, null);
        form(link(r2, at(2025, 5, 10, 9, 0)), r2, at(2025, 5, 20, 23, 30)); // late on the review day still counts

        LocalDate r3Date = LocalDate.of(2025, 6, 2);
        long r3 = ReviewFixtures.review(context, child(r3Date.minusYears(13)), "CLA", r3Date, null);
        form(link(r3, at(2025, 5, 20, 9, 0)), r3, null); // started, never sent

        LocalDate r4Date = LocalDate.of(2025, 6, 10);
        long r4 = ReviewFixtures.review(context, child(r4Date.minusYears(6)), "CLA", r4Date, null);
        form(link(r4, at(2025, 6, 1, 9, 0)), r4, at(2025, 6, 11, 0, 30)); // sent after the review date (23:30 UTC on the 10th)

        LocalDate r5Date = LocalDate.of(2025, 6, 20);
        ReviewFixtures.review(context, child(r5Date.minusYears(2)), "CLA", r5Date, null); // no link

        // Q2: no reviews. Q3
        LocalDate r6Date = LocalDate.of(2025, 11, 15);
        long r6 = ReviewFixtures.review(context, child(r6Date.minusYears(7)), "CLA", r6Date, officer); // 7 on their birthday
        long oldLink = link(r6, at(2025, 11, 1, 9, 0));
        form(oldLink, r6, at(2025, 11, 2, 9, 0));
        ReviewFixtures.execute(context, "update consultation_link set replaced_at = now() where id = " + oldLink);
        form(link(r6, at(2025, 11, 5, 9, 0)), r6, at(2025, 11, 6, 9, 0)); // a second form: the review still counts once

        LocalDate r7Date = LocalDate.of(2025, 12, 1);
        long childG = child(r7Date.minusYears(8).plusDays(1)); // 8 the day after the review: 7 on the day
        ReviewFixtures.review(context, childG, "CLA", LocalDate.of(2023, 6, 1), null);
        long r7 = ReviewFixtures.review(context, childG, "CLA", r7Date, null);
        form(link(r7, at(2025, 11, 20, 9, 0)), r7, at(2025, 11, 30, 9, 0));

        LocalDate r8Date = LocalDate.of(2025, 12, 5);
        long r8 = ReviewFixtures.review(context, child(r8Date.minusYears(16)), "CLA", r8Date, null);
        form(link(r8, at(2025, 12, 6, 9, 0)), r8, at(2025, 12, 7, 9, 0)); // link and form only after the review

        long r9 = ReviewFixtures.review(context, childA, "CLA", LocalDate.of(2025, 10, 20), null); // A's second CLA review
        form(link(r9, at(2025, 10, 1, 9, 0)), r9, null);

        // Q4: eight first reviews of 12-year-olds, one with a form
        for (int i = 0; i < 8; i++) {
            LocalDate date = LocalDate.of(2026, 1 + i % 3, 5 + i);
            long review = ReviewFixtures.review(context, child(date.minusYears(12).minusDays(3)), "CLA", date, null);
            if (i == 0) {
                form(link(review, at(2026, 1, 1, 9, 0)), review, at(2026, 1, 2, 9, 0));
            }
        }

        // 2026-27 has started: a review later this year with a form already sent has not been held, so it is not counted yet.
        LocalDate future = LocalDate.of(2026, 6, 1);
        long later = ReviewFixtures.review(context, child(future.minusYears(9)), "CLA", future, null);
        form(link(later, at(2026, 5, 1, 9, 0)), later, at(2026, 5, 2, 9, 0));
    }

    @Test
    void everyCellOfTheManagersSectionMatchesTheArithmetic() {
        WebClient manager = new WebClient(server.getURI());
        StaffFixtures.signIn(manager, "mrmv.manager");
        WebClient.Page page = manager.get("/participation?year=2025-26&type=CLA");

        assertEquals(200, page.status());
        assertEquals(List.of(), HtmlChecker.errors(page.body()));
        assertTrue(page.body().contains("My Review My View: CLA reviews, 2025-26"));
        assertTrue(page.body().contains("a form sent after the review date does not count"), "the definition is on the page");
        assertSection(section(page.body(), "mrmv"), CLA, CLA_PERCENT, BANDS);
        assertFalse(page.body().contains("id=\"mrmv-service\""), "the manager sees the whole service already");
    }

    @Test
    void anOfficerSeesTheirOwnBesideTheService() {
        WebClient officer = new WebClient(server.getURI());
        StaffFixtures.signIn(officer, "mrmv.officer");
        WebClient.Page page = officer.get("/participation?year=2025-26&type=CLA&officer=someone.else");

        assertEquals(200, page.status());
        assertEquals(List.of(), HtmlChecker.errors(page.body()));
        assertSection(section(page.body(), "mrmv"), OFFICER, OFFICER_PERCENT, BANDS);

        // The whole service (every type and age) is about other officers' children too: what is shown, less the
        // officer's own (both their reviews are CLA), is never 1 to 5. In Q1 one other child completed a form: hidden.
        Map<String, List<String>> service = section(page.body(), "mrmv-service");
        List<String> names = new ArrayList<>(List.of("completed"));
        BANDS.forEach(b -> names.add("completed-" + b));
        names.addAll(List.of("completed-first-review", "held", "form-sent", "form-sent-percent"));
        assertEquals(names, List.copyOf(service.keySet()));
        assertEquals("hidden", service.get("completed").get(0), service.toString());
        for (int i = 0; i < names.size() - 1; i++) {
            for (int c = 0; c < COLUMNS.size(); c++) {
                String shown = service.get(names.get(i)).get(c);
                if (!shown.equals("hidden")) {
                    long others = Long.parseLong(shown) - OFFICER.get(COLUMNS.get(c))[i];
                    assertTrue(others == 0 || others > 5, names.get(i) + " " + COLUMNS.get(c) + ": " + service);
                }
            }
        }
    }

    @Test
    void theCsvHasEveryCellAndIsAudited() {
        WebClient manager = new WebClient(server.getURI());
        StaffFixtures.signIn(manager, "mrmv.manager");
        WebClient.Page csv = manager.get("/participation/mrmv.csv?year=2025-26&type=CLA");

        assertEquals(200, csv.status());
        assertTrue(csv.header("Content-Type").startsWith("text/csv"));
        assertTrue(csv.header("Content-Disposition").contains("my-review-my-view-cla-2025-26.csv"));
        List<String> expected = new ArrayList<>();
        expected.add("Figure,Q1,Q2,Q3,Q4,YTD");
        List<String> names = new ArrayList<>(List.of("COMPLETED"));
        BANDS.forEach(b -> names.add("COMPLETED_AGED_" + b));
        names.addAll(List.of("COMPLETED_FIRST_REVIEW", "REVIEWS_HELD", "FORM_SENT"));
        for (int i = 0; i < names.size(); i++) {
            StringBuilder line = new StringBuilder(names.get(i));
            for (String column : COLUMNS) {
                line.append(',').append(CLA.get(column)[i]);
            }
            expected.add(line.toString());
        }
        StringBuilder percent = new StringBuilder("FORM_SENT_PERCENT");
        COLUMNS.forEach(c -> percent.append(',').append(CLA_PERCENT.get(c) == null ? "no data" : CLA_PERCENT.get(c)));
        expected.add(percent.toString());
        // Every form here came online (MyReviewMyViewChannelsTest has the other ways).
        StringBuilder online = new StringBuilder("COMPLETED_BY_ONLINE_FORM");
        COLUMNS.forEach(c -> online.append(',').append(CLA.get(c)[0]));
        expected.add(online.toString());
        for (String channel : List.of("PAPER_BOOKLET", "WITH_WORKER", "OTHER_APP", "LETTER_OR_DRAWING")) {
            expected.add("COMPLETED_BY_" + channel + ",0,0,0,0,0");
        }
        assertEquals(expected, List.of(csv.body().split("\r\n")));
        assertTrue(audit.search("mrmv.manager", null, null, null, 20).stream().anyMatch(e -> e.action() == AuditAction.DASHBOARD_EXPORTED
                && String.valueOf(e.detail()).contains("mrmv")));

        // Filtered to 4 to 7 year olds: only that band, and only their reviews are held (R1, R4; R6, R7, R9).
        WebClient.Page young = manager.get("/participation/mrmv.csv?year=2025-26&type=CLA&band=4-7");
        assertEquals(List.of("Figure,Q1,Q2,Q3,Q4,YTD", "COMPLETED,1,0,2,0,3", "COMPLETED_AGED_4-7,1,0,2,0,3",
                "COMPLETED_FIRST_REVIEW,1,0,1,0,2", "REVIEWS_HELD,2,0,3,0,5", "FORM_SENT,2,0,3,0,5",
                "FORM_SENT_PERCENT,100,no data,100,no data,100", "COMPLETED_BY_ONLINE_FORM,1,0,2,0,3",
                "COMPLETED_BY_PAPER_BOOKLET,0,0,0,0,0", "COMPLETED_BY_WITH_WORKER,0,0,0,0,0", "COMPLETED_BY_OTHER_APP,0,0,0,0,0",
                "COMPLETED_BY_LETTER_OR_DRAWING,0,0,0,0,0"), List.of(young.body().split("\r\n")));
    }

    @Test
    void theJsonHasEveryCellAndTheOtherReviewTypesAreSeparate() throws Exception {
        Map<String, Map<String, Object>> quarters = api("/api/participation/mrmv?reviewType=CLA&year=2025-26");
        assertEquals(COLUMNS, List.copyOf(quarters.keySet()));
        for (String column : COLUMNS) {
            Map<String, Object> q = quarters.get(column);
            long[] expected = CLA.get(column);
            assertEquals(expected[0], number(q.get("completed")), column + " completed");
            @SuppressWarnings("unchecked")
            Map<String, Object> byBand = (Map<String, Object>) q.get("completedByAgeBand");
            assertEquals(BANDS, List.copyOf(byBand.keySet()));
            for (int b = 0; b < BANDS.size(); b++) {
                assertEquals(expected[1 + b], number(byBand.get(BANDS.get(b))), column + " " + BANDS.get(b));
            }
            assertEquals(expected[6], number(q.get("completedFirstReview")), column + " first review");
            assertEquals(expected[7], number(q.get("reviewsHeld")), column + " held");
            assertEquals(expected[8], number(q.get("reviewsWithFormSent")), column + " form sent");
            Integer percent = CLA_PERCENT.get(column);
            assertEquals(percent == null ? null : (long) percent, q.get("formSentPercent") == null ? null : number(q.get("formSentPercent")),
                    column + " percent");
        }

        // Every review type: child A's CP review conference in Q1 adds a completed first review of that type.
        Map<String, Map<String, Object>> all = api("/api/participation/mrmv?reviewType=ALL&year=2025-26");
        assertEquals(3, number(all.get("Q1").get("completed")));
        assertEquals(2, number(all.get("Q1").get("completedFirstReview")));
        assertEquals(6, number(all.get("Q1").get("reviewsHeld")));
        assertEquals(83, number(all.get("Q1").get("formSentPercent")), "5 of 6 = 83.3%");

        // 2026-27: the June review has a form, but it has not been held yet.
        Map<String, Map<String, Object>> next = api("/api/participation/mrmv?reviewType=CLA&year=2026-27");
        assertEquals(0, number(next.get("YTD").get("completed")));
        assertEquals(0, number(next.get("YTD").get("reviewsHeld")));
        assertEquals(null, next.get("YTD").get("formSentPercent"));

        WebClient client = new WebClient(server.getURI());
        WebClient.Page bad = client.send(client.request("/api/participation/mrmv?reviewType=CLA&year=next").header("Authorization",
                basic("mrmv.manager")).GET().build());
        assertEquals(400, bad.status());
        WebClient.Page officer = client.send(client.request("/api/participation/mrmv?reviewType=CLA&year=2025-26").header("Authorization",
                basic("mrmv.officer")).GET().build());
        assertEquals(403, officer.status(), "the API is the manager's");
    }

    private Map<String, Map<String, Object>> api(String path) throws Exception {
        WebClient client = new WebClient(server.getURI());
        WebClient.Page page = client.send(client.request(path).header("Authorization", basic("mrmv.manager")).GET().build());
        assertEquals(200, page.status(), page.body());
        @SuppressWarnings("unchecked")
        Map<String, Object> body = json.readValue(page.body(), Map.class);
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> quarters = (Map<String, Map<String, Object>>) body.get("quarters");
        return quarters;
    }

    private static String basic(String username) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + StaffFixtures.PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }

    /** The rows of one My Review My View table on the page: data-figure to the text of each cell. */
    private static Map<String, List<String>> section(String html, String id) {
        int start = html.indexOf("id=\"" + id + "\"");
        assertTrue(start >= 0, "no section " + id);
        String table = html.substring(start, html.indexOf("</table>", start));
        Map<String, List<String>> rows = new LinkedHashMap<>();
        Matcher row = Pattern.compile("<tr[^>]*data-figure=\"([^\"]+)\"[^>]*>(.*?)</tr>", Pattern.DOTALL).matcher(table);
        while (row.find()) {
            List<String> cells = new ArrayList<>();
            Matcher cell = Pattern.compile("<td[^>]*>(.*?)</td>", Pattern.DOTALL).matcher(row.group(2));
            while (cell.find()) {
                cells.add(cell.group(1).replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").strip());
            }
            rows.put(row.group(1), cells);
        }
        return rows;
    }

    private static void assertSection(Map<String, List<String>> rows, Map<String, long[]> expected, Map<String, Integer> percent,
                                      List<String> bands) {
        List<String> names = new ArrayList<>(List.of("completed"));
        bands.forEach(b -> names.add("completed-" + b));
        names.addAll(List.of("completed-first-review", "held", "form-sent"));
        List<String> all = new ArrayList<>(names);
        all.add("form-sent-percent");
        assertEquals(all, List.copyOf(rows.keySet()));
        for (int i = 0; i < names.size(); i++) {
            List<String> cells = new ArrayList<>();
            for (String column : COLUMNS) {
                cells.add(String.valueOf(expected.get(column)[i]));
            }
            assertEquals(cells, rows.get(names.get(i)), names.get(i));
        }
        List<String> shares = new ArrayList<>();
        for (String column : COLUMNS) {
            long[] e = expected.get(column);
            shares.add((percent.get(column) == null ? "no data" : percent.get(column) + "%") + " " + e[8] + "/" + e[7]);
        }
        assertEquals(shares, rows.get("form-sent-percent"));
    }

    private long child(LocalDate dob) {
        children++;
        return ReviewFixtures.child(context, "MRMV" + children, "Mrmv" + children, dob);
    }

    private static Instant at(int year, int month, int day, int hour, int minute) {
        return LocalDateTime.of(year, month, day, hour, minute).atZone(LONDON).toInstant();
    }

    private long link(long review, Instant createdAt) {
        return ReviewFixtures.count(context, "insert into consultation_link (review_id, token_hash, created_at, expires_at) values ("
                + review + ", decode(md5(random()::text || clock_timestamp()::text), 'hex'), '" + createdAt + "', '"
                + createdAt.plusSeconds(60L * 24 * 3600) + "') returning id");
    }

    private void form(long link, long review, Instant sentAt) {
        ReviewFixtures.execute(context, "insert into consultation (link_id, review_id, definition_id, started_at, sent_at) values ("
                + link + ", " + review + ", 'mrmv-8-12', '" + (sentAt == null ? Instant.parse("2025-01-01T00:00:00Z") : sentAt)
                + "', " + (sentAt == null ? "null" : "'" + sentAt + "'") + ")");
    }
}
