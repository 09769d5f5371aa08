package org.myview.forum;

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
import org.myview.support.MutableClock;
import org.myview.support.ReviewFixtures;
import org.myview.support.StaffFixtures;
import org.myview.support.WebClient;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The forum's figures over HTTP, on reviews built to tempt disclosure: cells of 1 to 5, a column whose only
 * review is a single child, a row where "took part" would give a hidden cell back. Every number of the page, the
 * printable page, the CSV and the JSON is read back and checked: none from 1 to 5, and no row or column (totals
 * included) with exactly one hidden cell. The three agree on which cells are hidden.
 */
@MicronautTest(transactional = false)
@Property(name = "test.mutable-clock", value = "true")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ForumFiguresHttpTest {

    static final String PERIOD = "2025-26-q1"; // April to June 2025: finished on 10 May 2026

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

    /** Reviews of children in care on 15 May 2025: age, then counts for PN1, PN2, PN3, PN4, PN5, PN6, PN7. */
    static final int[][] LOADED = {
            {5, 20, 3, 0, 0, 0, 12, 8},
            {9, 30, 0, 0, 7, 5, 15, 10},
            {13, 25, 0, 1, 0, 0, 20, 9},
            {17, 12, 4, 0, 0, 0, 9, 6},
    };

    @BeforeAll
    void load() {
        clock.set(Instant.parse("2026-05-10T09:00:00Z"));
        StaffFixtures.account(context, "figures.forum", Role.FORUM);
        StaffFixtures.account(context, "figures.lead", Role.PARTICIPATION_LEAD);
        for (int[] row : LOADED) {
            for (int code = 1; code <= 7; code++) {
                reviews("CLA", row[0], "PN" + code, row[code]);
            }
        }
        reviews("CLA", 2, "PN0", 3);   // under 4: not in the forum's figures
        reviews("CP_REVIEW", 9, "PN1", 40); // not children in care: not in the forum's figures
    }

    private int batch;

    private void reviews(String type, int age, String code, int count) {
        if (count == 0) {
            return;
        }
        batch++;
        ReviewFixtures.execute(context, "with c as (insert into child (case_reference, first_name, date_of_birth) "
                + "select 'FF" + batch + "-' || g, 'Test', (date '2025-05-15' - interval '" + age + " years' - interval '30 days')::date "
                + "from generate_series(1, " + count + ") g returning id), "
                + "r as (insert into review (child_id, review_type, review_date) select id, '" + type + "', date '2025-05-15' from c returning id) "
                + "insert into review_participation (review_id, pn_code) select id, '" + code + "' from r");
    }

    private WebClient forum() {
        WebClient browser = new WebClient(server.getURI());
        StaffFixtures.signIn(browser, "figures.forum");
        return browser;
    }

    @Test
    void thePageShowsNoCountFromOneToFiveAndEveryLineHasNoneOrSeveralHidden() {
        WebClient.Page page = forum().get("/forum?period=" + PERIOD);

        assertEquals(200, page.status());
        assertEquals("no-store", page.header("Cache-Control"));
        List<List<String>> grid = table(page.body(), "all");
        assertEquals(5, grid.size(), "4 age bands and the totals row");
        assertEquals(8, grid.get(0).size(), "7 ways of taking part and the total");
        assertProtected(grid, "page");
        for (String id : List.of("methods", "ages")) {
            for (List<String> row : table(page.body(), id)) {
                for (String cell : row) {
                    assertNoSmallCount(cell, "table " + id);
                }
            }
        }
        assertTrue(page.body().contains("We never show a number from 1 to 5"), "the rule is stated on the page");
        assertTrue(page.body().contains("at least 10 young people"), "the percentage minimum is stated");
        assertTrue(page.body().contains("it means fewer than 6"));
        assertFalse(page.body().contains("name=\"officer\""), "no officer filter");
        assertTrue(page.body().contains("role=\"img\""), "charts are images with a text alternative");
        assertTrue(page.body().contains("<desc id=\"chart-methods-desc\">"));
    }

    @Test
    void theHeadlineSaysHowManyOutOfTenTookPartInWords() {
        WebClient.Page page = forum().get("/forum?period=" + PERIOD);

        // took part: 20+3+12 + 30+5+15 + 25+1+20 + 12+4+9 = 156 of 43+67+55+31 = 196 (80%): about 8 out of 10.
        // (With PN5 = 2 instead of 5, the hidden PN3 and PN5 totals would add up to 3, leaving each 1 or 2 at most; the
        // range rule then hides PN4's total as well, and "took part" can no longer be shown.)
        assertTrue(page.body().contains("About 8 out of 10 young people took part in their review."), page.body());
        assertTrue(page.body().contains("156 of 196 young people took part (80%)."),
                page.body().substring(page.body().indexOf("id=\"headline\""), page.body().indexOf("id=\"rules\"")));
    }

    @Test
    void theCsvAndTheJsonHoldTheSameProtectedFigures() throws Exception {
        WebClient browser = forum();
        List<List<String>> page = table(browser.get("/forum?period=" + PERIOD).body(), "all");

        WebClient.Page csv = browser.get("/forum/figures.csv?period=" + PERIOD);
        assertEquals(200, csv.status());
        assertTrue(csv.header("Content-Type").startsWith("text/csv"));
        List<List<String>> csvGrid = new ArrayList<>();
        String[] lines = csv.body().split("\r\n");
        for (int i = 1; i < lines.length; i++) {
            List<String> cells = new ArrayList<>(List.of(lines[i].split(",", -1)));
            cells.remove(0); // age band
            for (String cell : cells) {
                assertNoSmallCount(cell, "CSV");
            }
            csvGrid.add(cells.subList(0, 8)); // the ways, then all reviews
        }
        assertProtected(csvGrid, "CSV");
        assertEquals(hiddenPattern(page), hiddenPattern(csvGrid), "the CSV hides what the page hides");

        WebClient.Page api = api("figures.forum", "/api/forum/figures?period=" + PERIOD);
        assertEquals(200, api.status());
        @SuppressWarnings("unchecked")
        Map<String, Object> body = json.readValue(api.body(), Map.class);
        List<Integer> counts = new ArrayList<>();
        collectCounts(body, counts);
        assertFalse(counts.isEmpty());
        for (int count : counts) {
            assertFalse(count >= 1 && count <= 5, "JSON holds a count of " + count + ": " + api.body());
        }
        List<List<String>> jsonGrid = jsonGrid(body);
        assertProtected(jsonGrid, "JSON");
        assertEquals(hiddenPattern(page), hiddenPattern(jsonGrid), "the JSON hides what the page hides");
        assertEquals(5, ((Map<?, ?>) body.get("rules")).get("countsHiddenUpTo"));

        WebClient.Page apiCsv = api("figures.forum", "/api/forum/figures.csv?period=" + PERIOD);
        assertEquals(csv.body(), apiCsv.body());
        assertTrue(audit.search("figures.forum", null, null, null, 50).stream()
                .anyMatch(e -> e.action() == AuditAction.FORUM_EXPORTED && "api-json".equals(e.detail().get("export"))));
    }

    @Test
    void thePrintablePageHasTheSameProtection() {
        WebClient.Page print = forum().get("/forum/print?period=" + PERIOD);
        assertEquals(200, print.status());
        List<List<String>> grid = table(print.body(), "all");
        assertProtected(grid, "print");
        assertEquals(hiddenPattern(table(forum().get("/forum?period=" + PERIOD).body(), "all")), hiddenPattern(grid));
    }

    @Test
    void singleMonthsAndUnfinishedPeriodsCannotBeChosen() {
        assertEquals(400, api("figures.forum", "/api/forum/figures?period=2025-05").status());
        assertEquals(400, api("figures.forum", "/api/forum/figures?period=2026-27-q1").status(), "not finished");
        WebClient.Page page = forum().get("/forum?period=2025-05");
        assertEquals(200, page.status());
        assertTrue(page.body().contains("January to March 2026"), "falls back to the latest finished quarter");
        assertFalse(page.body().contains("value=\"2026-27-q1\""), "the quarter not yet finished is not offered");
    }

    @Test
    void anotherRoleCannotReadTheForumApi() {
        StaffFixtures.account(context, "figures.officer", Role.REVIEWING_OFFICER);
        assertEquals(403, api("figures.officer", "/api/forum/figures").status());
        assertEquals(200, api("figures.lead", "/api/forum/figures").status());
    }

    // ---- reading the outputs back ----

    private WebClient.Page api(String username, String path) {
        String credentials = Base64.getEncoder().encodeToString((username + ":" + StaffFixtures.PASSWORD).getBytes(StandardCharsets.UTF_8));
        WebClient client = new WebClient(server.getURI());
        return client.send(client.request(path).header("Authorization", "Basic " + credentials).GET().build());
    }

    /** The body cells of a table (row headers left out), as text. */
    static List<List<String>> table(String html, String id) {
        Matcher table = Pattern.compile("<table[^>]*id=\"" + id + "\".*?<tbody[^>]*>(.*?)</tbody>", Pattern.DOTALL).matcher(html);
        assertTrue(table.find(), "no table " + id);
        List<List<String>> rows = new ArrayList<>();
        Matcher row = Pattern.compile("<tr[^>]*>(.*?)</tr>", Pattern.DOTALL).matcher(table.group(1));
        while (row.find()) {
            List<String> cells = new ArrayList<>();
            Matcher cell = Pattern.compile("<td[^>]*>(.*?)</td>", Pattern.DOTALL).matcher(row.group(1));
            while (cell.find()) {
                cells.add(cell.group(1).replaceAll("<[^>]+>", "").strip());
            }
            rows.add(cells);
        }
        return rows;
    }

    static void assertNoSmallCount(String cell, String where) {
        if (cell.matches("\\d+")) {
            int n = Integer.parseInt(cell);
            assertFalse(n >= 1 && n <= 5, where + " shows a count of " + n);
        }
    }

    /** No count from 1 to 5; no row or column with exactly one hidden cell; something hidden (the data tempts it). */
    static void assertProtected(List<List<String>> grid, String where) {
        int hidden = 0;
        for (List<String> row : grid) {
            for (String cell : row) {
                assertNoSmallCount(cell, where);
            }
            long inRow = row.stream().filter("hidden"::equals).count();
            assertNotEquals(1, inRow, where + ": a row with one hidden cell gives it away: " + row);
            hidden += (int) inRow;
        }
        for (int c = 0; c < grid.get(0).size(); c++) {
            final int column = c;
            long inColumn = grid.stream().filter(r -> "hidden".equals(r.get(column))).count();
            assertNotEquals(1, inColumn, where + ": column " + c + " has one hidden cell: " + grid);
        }
        assertTrue(hidden >= 4, where + ": the small cells must be hidden: " + grid);
    }

    static List<List<Boolean>> hiddenPattern(List<List<String>> grid) {
        return grid.stream().map(r -> r.stream().map("hidden"::equals).toList()).toList();
    }

    @SuppressWarnings("unchecked")
    private static void collectCounts(Object node, List<Integer> counts) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                if ("count".equals(k) && v instanceof Number n) {
                    counts.add(n.intValue());
                } else {
                    collectCounts(v, counts);
                }
            });
        } else if (node instanceof List<?> list) {
            list.forEach(v -> collectCounts(v, counts));
        }
    }

    /** The JSON's cells by age band, then the totals row, as the page's grid ("hidden" or the count). */
    @SuppressWarnings("unchecked")
    private static List<List<String>> jsonGrid(Map<String, Object> body) {
        List<List<String>> grid = new ArrayList<>();
        for (Map<String, Object> band : (List<Map<String, Object>>) body.get("byAgeBand")) {
            List<String> row = new ArrayList<>();
            ((Map<String, Map<String, Object>>) band.get("methods")).values().forEach(c -> row.add(text(c)));
            row.add(text((Map<String, Object>) band.get("reviews")));
            grid.add(row);
        }
        List<String> totals = new ArrayList<>();
        for (Map<String, Object> method : (List<Map<String, Object>>) body.get("byMethod")) {
            totals.add(text(method));
        }
        totals.add(text((Map<String, Object>) ((Map<String, Object>) body.get("allAges")).get("reviews")));
        grid.add(totals);
        return grid;
    }

    private static String text(Map<String, Object> cell) {
        return Boolean.TRUE.equals(cell.get("hidden")) ? "hidden" : String.valueOf(cell.get("count"));
    }
}
