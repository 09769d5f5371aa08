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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every channel counts (issue 15, item 4): views received another way (views_received) complete a review as the
 * online form does, when received on or before the review date, in the quarter of the review date; a review
 * counts once, as the online form when the child sent that too. Worked out by hand below, checked on the
 * dashboard, in the CSV and in the JSON, cell by cell.
 */
@MicronautTest(transactional = false)
@Property(name = "test.mutable-clock", value = "true")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MyReviewMyViewChannelsTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final List<String> COLUMNS = List.of("Q1", "Q2", "Q3", "Q4", "YTD");
    private static final List<String> BANDS = List.of("under-4", "4-7", "8-11", "12-15", "16-plus");
    private static final List<String> CHANNELS = List.of("ONLINE_FORM", "PAPER_BOOKLET", "WITH_WORKER", "OTHER_APP", "LETTER_OR_DRAWING");

    /**
     * CLA 2025-26, by column: completed, by band (under 4, 4-7, 8-11, 12-15, 16+), first review, held, form sent.
     * Q1: A (5, first, paper booklet two days before), B (10, not first, online form and a booklet: online),
     * C (13, first, with a worker on the review day), D (6, first, a letter the day after: not counted),
     * E (9, first, online form the day after but another app before: another app): 5 held, 4 completed, 2 linked.
     * Q2: F (7, not first, booklet received in June, Q1, for an August review: counted in Q2, the review's quarter).
     * Q3: G (16, first, booklet on the review day), H (12, nothing). Q4: none (a CP review with a worker is not CLA).
     */
    private static final Map<String, long[]> CLA = new LinkedHashMap<>();
    /** By channel: online form, paper booklet, with a worker, another app, a letter or drawing. */
    private static final Map<String, long[]> BY_CHANNEL = new LinkedHashMap<>();

    static {
        CLA.put("Q1", new long[]{4, 0, 1, 2, 1, 0, 3, 5, 2});
        CLA.put("Q2", new long[]{1, 0, 1, 0, 0, 0, 0, 1, 0});
        CLA.put("Q3", new long[]{1, 0, 0, 0, 0, 1, 1, 2, 0});
        CLA.put("Q4", new long[]{0, 0, 0, 0, 0, 0, 0, 0, 0});
        CLA.put("YTD", new long[]{6, 0, 2, 2, 1, 1, 4, 8, 2});
        BY_CHANNEL.put("Q1", new long[]{1, 1, 1, 1, 0});
        BY_CHANNEL.put("Q2", new long[]{0, 1, 0, 0, 0});
        BY_CHANNEL.put("Q3", new long[]{0, 1, 0, 0, 0});
        BY_CHANNEL.put("Q4", new long[]{0, 0, 0, 0, 0});
        BY_CHANNEL.put("YTD", new long[]{1, 3, 1, 1, 0});
    }

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext context;
    @Inject
    MutableClock clock;
    @Inject
    JsonMapper json;

    private int children;
    private long officer;

    @BeforeAll
    void load() {
        clock.set(Instant.parse("2026-05-10T09:00:00Z")); // 2025-26 is over
        officer = StaffFixtures.account(context, "channels.officer", Role.REVIEWING_OFFICER);
        StaffFixtures.account(context, "channels.manager", Role.SERVICE_MANAGER);

        LocalDate aDate = LocalDate.of(2025, 4, 10);
        long a = ReviewFixtures.review(context, child(aDate.minusYears(5).minusMonths(2)), "CLA", aDate, officer);
        received(a, "PAPER_BOOKLET", LocalDate.of(2025, 4, 8));

        LocalDate bDate = LocalDate.of(2025, 5, 20);
        long childB = child(bDate.minusYears(10).minusDays(40));
        ReviewFixtures.review(context, childB, "CLA", LocalDate.of(2024, 11, 20), null);
        long b = ReviewFixtures.review(context, childB, "CLA", bDate, null);
        form(link(b, at(2025, 5, 10, 9, 0)), b, at(2025, 5, 19, 18, 0));
        received(b, "PAPER_BOOKLET", LocalDate.of(2025, 5, 18)); // both: counted once, as the online form

        LocalDate cDate = LocalDate.of(2025, 6, 2);
        long c = ReviewFixtures.review(context, child(cDate.minusYears(13)), "CLA", cDate, null);
        received(c, "WITH_WORKER", cDate); // on the review day counts

        LocalDate dDate = LocalDate.of(2025, 6, 10);
        long d = ReviewFixtures.review(context, child(dDate.minusYears(6)), "CLA", dDate, null);
        received(d, "LETTER_OR_DRAWING", dDate.plusDays(1)); // after the review: not counted

        LocalDate eDate = LocalDate.of(2025, 6, 20);
        long e = ReviewFixtures.review(context, child(eDate.minusYears(9)), "CLA", eDate, null);
        form(link(e, at(2025, 6, 10, 9, 0)), e, at(2025, 6, 21, 9, 0)); // the online form came late
        received(e, "OTHER_APP", LocalDate.of(2025, 6, 15)); // ... but the app in time

        LocalDate fDate = LocalDate.of(2025, 8, 15);
        long childF = child(fDate.minusYears(7));
        ReviewFixtures.review(context, childF, "CLA", LocalDate.of(2024, 12, 1), null);
        long f = ReviewFixtures.review(context, childF, "CLA", fDate, null);
        received(f, "PAPER_BOOKLET", LocalDate.of(2025, 6, 30)); // received in Q1, counted in Q2 with its review

        LocalDate gDate = LocalDate.of(2025, 11, 1);
        long g = ReviewFixtures.review(context, child(gDate.minusYears(16)), "CLA", gDate, null);
        received(g, "PAPER_BOOKLET", gDate);
        LocalDate hDate = LocalDate.of(2025, 12, 1);
        ReviewFixtures.review(context, child(hDate.minusYears(12)), "CLA", hDate, null);

        // A CP review conference in Q4, completed with a worker: counted for every type, never for CLA.
        LocalDate jDate = LocalDate.of(2026, 2, 1);
        long j = ReviewFixtures.review(context, child(jDate.minusYears(8)), "CP_REVIEW", jDate, null);
        received(j, "WITH_WORKER", LocalDate.of(2026, 1, 30));

        // 2026-27: a booklet already in for a review not held yet is not counted yet.
        LocalDate later = LocalDate.of(2026, 6, 1);
        long i = ReviewFixtures.review(context, child(later.minusYears(9)), "CLA", later, null);
        received(i, "PAPER_BOOKLET", LocalDate.of(2026, 5, 1));
    }

    @Test
    void theDashboardCountsEveryChannelCellByCell() {
        WebClient manager = new WebClient(server.getURI());
        StaffFixtures.signIn(manager, "channels.manager");
        WebClient.Page page = manager.get("/participation?year=2025-26&type=CLA");
        assertEquals(200, page.status());
        assertEquals(List.of(), HtmlChecker.errors(page.body()));
        assertTrue(page.body().contains("a paper booklet, completed with a worker, another app, a letter or a drawing"), "the definition says so");

        Map<String, List<String>> mrmv = section(page.body(), "mrmv");
        List<String> names = new ArrayList<>(List.of("completed"));
        BANDS.forEach(b -> names.add("completed-" + b));
        names.addAll(List.of("completed-first-review", "held", "form-sent"));
        for (int n = 0; n < names.size(); n++) {
            assertEquals(cells(CLA, n), mrmv.get(names.get(n)), names.get(n));
        }

        Map<String, List<String>> channels = section(page.body(), "mrmv-channels");
        assertEquals(CHANNELS.stream().map(ch -> "completed-by-" + ch).toList(), List.copyOf(channels.keySet()));
        for (int n = 0; n < CHANNELS.size(); n++) {
            assertEquals(cells(BY_CHANNEL, n), channels.get("completed-by-" + CHANNELS.get(n)), CHANNELS.get(n));
        }
        for (String words : List.of("Online form", "Paper My Review My View booklet", "Completed with a worker", "Another app",
                "A letter or a drawing")) {
            assertTrue(page.body().contains(words), words);
        }
    }

    @Test
    void anOfficerSeesTheirOwnBookletInTheirOwnFigures() {
        WebClient officerClient = new WebClient(server.getURI());
        StaffFixtures.signIn(officerClient, "channels.officer");
        WebClient.Page page = officerClient.get("/participation?year=2025-26&type=CLA");
        assertEquals(200, page.status());
        assertEquals(List.of("1", "0", "0", "0", "1"), section(page.body(), "mrmv").get("completed"), "review A only");
        assertEquals(List.of("1", "0", "0", "0", "1"), section(page.body(), "mrmv-channels").get("completed-by-PAPER_BOOKLET"));
    }

    @Test
    void theCsvHasARowPerChannel() {
        WebClient manager = new WebClient(server.getURI());
        StaffFixtures.signIn(manager, "channels.manager");
        WebClient.Page csv = manager.get("/participation/mrmv.csv?year=2025-26&type=CLA");
        assertEquals(200, csv.status());
        List<String> expected = new ArrayList<>();
        expected.add("Figure,Q1,Q2,Q3,Q4,YTD");
        List<String> names = new ArrayList<>(List.of("COMPLETED"));
        BANDS.forEach(b -> names.add("COMPLETED_AGED_" + b));
        names.addAll(List.of("COMPLETED_FIRST_REVIEW", "REVIEWS_HELD", "FORM_SENT"));
        for (int n = 0; n < names.size(); n++) {
            expected.add(names.get(n) + "," + String.join(",", cells(CLA, n)));
        }
        expected.add("FORM_SENT_PERCENT,40,0,0,no data,25");
        for (int n = 0; n < CHANNELS.size(); n++) {
            expected.add("COMPLETED_BY_" + CHANNELS.get(n) + "," + String.join(",", cells(BY_CHANNEL, n)));
        }
        assertEquals(expected, List.of(csv.body().split("\r\n")));
    }

    @Test
    void theJsonHasCompletedByChannel() throws Exception {
        Map<String, Map<String, Object>> quarters = api("/api/participation/mrmv?reviewType=CLA&year=2025-26");
        for (int col = 0; col < COLUMNS.size(); col++) {
            String column = COLUMNS.get(col);
            Map<String, Object> q = quarters.get(column);
            assertEquals(CLA.get(column)[0], number(q.get("completed")), column);
            assertEquals(CLA.get(column)[6], number(q.get("completedFirstReview")), column);
            @SuppressWarnings("unchecked")
            Map<String, Object> byChannel = (Map<String, Object>) q.get("completedByChannel");
            assertEquals(CHANNELS, List.copyOf(byChannel.keySet()), column);
            for (int n = 0; n < CHANNELS.size(); n++) {
                assertEquals(BY_CHANNEL.get(column)[n], number(byChannel.get(CHANNELS.get(n))), column + " " + CHANNELS.get(n));
            }
        }
        Map<String, Map<String, Object>> all = api("/api/participation/mrmv?reviewType=ALL&year=2025-26");
        assertEquals(1, number(all.get("Q4").get("completed")), "the CP review with a worker");
        @SuppressWarnings("unchecked")
        Map<String, Object> q4 = (Map<String, Object>) all.get("Q4").get("completedByChannel");
        assertEquals(1, number(q4.get("WITH_WORKER")));
        assertEquals(7, number(all.get("YTD").get("completed")));

        Map<String, Map<String, Object>> next = api("/api/participation/mrmv?reviewType=CLA&year=2026-27");
        assertEquals(0, number(next.get("YTD").get("completed")), "the June review is not held yet");
    }

    private static List<String> cells(Map<String, long[]> figures, int index) {
        List<String> cells = new ArrayList<>();
        for (String column : COLUMNS) {
            cells.add(String.valueOf(figures.get(column)[index]));
        }
        return cells;
    }

    private Map<String, Map<String, Object>> api(String path) throws Exception {
        WebClient client = new WebClient(server.getURI());
        WebClient.Page page = client.send(client.request(path).header("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString(("channels.manager:" + StaffFixtures.PASSWORD).getBytes(StandardCharsets.UTF_8))).GET().build());
        assertEquals(200, page.status(), page.body());
        @SuppressWarnings("unchecked")
        Map<String, Object> body = json.readValue(page.body(), Map.class);
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> quarters = (Map<String, Map<String, Object>>) body.get("quarters");
        return quarters;
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }

    /** The rows of one table on the page: data-figure to the text of each cell. */
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

    private long child(LocalDate dob) {
        children++;
        return ReviewFixtures.child(context, "CHAN" + children, "Chan" + children, dob);
    }

    private void received(long review, String channel, LocalDate on) {
        ReviewFixtures.execute(context, "insert into views_received (review_id, channel, received_on, recorded_by) values ("
                + review + ", '" + channel + "', '" + on + "', " + officer + ")");
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
                + link + ", " + review + ", 'mrmv-8-12', '" + sentAt + "', '" + sentAt + "')");
    }
}
