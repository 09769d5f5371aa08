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
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "Read before the review" (issue 15, item 3) on the dashboard, its CSV and its JSON, from hand-built reviews whose
 * figures are worked out below, and the rule that records a read: only the child's own officer opening the answers.
 *
 * <p>CLA 2025-26 (today is 10 May 2026): Q1: R1 (officer one, 6, read two days before), R2 (one, 10, read at 22:30 on
 * the review day), R3 (two, 13, read at 00:30 the day after): 2 of 3 = 67%. Q2: none. Q3: R4 (two, 5, never read): 0 of 1.
 * Q4: R7 (one, 16, form sent the day after the review: not counted) and R8 (one, a CP review: not CLA). Year: 2 of 4 = 50%.
 * Officer one 2 of 2; officer two 0 of 2. Ages 4-7: 1 of 2; 8-11: 1 of 1; 12-15: 0 of 1.
 * Coming up: R9 in 2 days, sent and unread (listed); R10 in 15 days, unread (not listed: beyond 7 days); R11 in 3 days, read.
 */
@MicronautTest(transactional = false)
@Property(name = "test.mutable-clock", value = "true")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FormsReadTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext context;
    @Inject
    MutableClock clock;
    @Inject
    JsonMapper json;

    private long one;
    private long two;
    private long r4;
    private long r8;
    private long r9;
    private long r10;
    private long r11;
    private int children;

    @BeforeAll
    void load() {
        clock.set(Instant.parse("2026-05-10T09:00:00Z"));
        one = StaffFixtures.account(context, "read.one", Role.REVIEWING_OFFICER);
        two = StaffFixtures.account(context, "read.two", Role.REVIEWING_OFFICER);
        StaffFixtures.account(context, "read.manager", Role.SERVICE_MANAGER);

        long r1 = review("READ1", LocalDate.of(2025, 5, 10), 6, "CLA", one);
        read(sent(r1, at(2025, 5, 5, 10, 0)), one, at(2025, 5, 9, 9, 0));
        long r2 = review("READ2", LocalDate.of(2025, 6, 10), 10, "CLA", one);
        read(sent(r2, at(2025, 6, 1, 10, 0)), one, at(2025, 6, 10, 22, 30));
        long r3 = review("READ3", LocalDate.of(2025, 6, 20), 13, "CLA", two);
        read(sent(r3, at(2025, 6, 15, 10, 0)), two, at(2025, 6, 21, 0, 30));
        r4 = review("READ4", LocalDate.of(2025, 11, 15), 5, "CLA", two);
        sent(r4, at(2025, 11, 10, 10, 0));
        long r7 = review("READ7", LocalDate.of(2026, 2, 1), 16, "CLA", one);
        sent(r7, at(2026, 2, 2, 10, 0));
        r8 = review("READ8", LocalDate.of(2026, 3, 1), 9, "CP_REVIEW", one);
        sent(r8, at(2026, 2, 20, 10, 0));

        r9 = review("READ9", LocalDate.of(2026, 5, 12), 9, "CLA", one);
        sent(r9, at(2026, 5, 8, 10, 0));
        r10 = review("READ10", LocalDate.of(2026, 5, 25), 9, "CLA", one);
        sent(r10, at(2026, 5, 8, 11, 0));
        r11 = review("READ11", LocalDate.of(2026, 5, 13), 9, "CLA", one);
        read(sent(r11, at(2026, 5, 8, 12, 0)), one, at(2026, 5, 9, 12, 0));
    }

    @Test
    void theManagersDashboardShowsEachFigureByQuarterOfficerAndAge() {
        WebClient.Page page = signedIn("read.manager").get("/participation?year=2025-26&type=CLA");
        assertEquals(200, page.status());
        assertEquals(List.of("67% 2/3", "no data 0/0", "0% 0/1", "no data 0/0", "50% 2/4"), cells(page, "mrmv-read-total", "all"));
        assertEquals(List.of("100% 2/2", "no data 0/0", "no data 0/0", "no data 0/0", "100% 2/2"), cells(page, "mrmv-read-officer", "Test read.one"));
        assertEquals(List.of("0% 0/1", "no data 0/0", "0% 0/1", "no data 0/0", "0% 0/2"), cells(page, "mrmv-read-officer", "Test read.two"));
        assertEquals(List.of("100% 1/1", "no data 0/0", "0% 0/1", "no data 0/0", "50% 1/2"), cells(page, "mrmv-read-band", "4-7"));
        assertEquals(List.of("100% 1/1", "no data 0/0", "no data 0/0", "no data 0/0", "100% 1/1"), cells(page, "mrmv-read-band", "8-11"));
        assertEquals(List.of("0% 0/1", "no data 0/0", "no data 0/0", "no data 0/0", "0% 0/1"), cells(page, "mrmv-read-band", "12-15"));
        assertEquals(List.of("no data 0/0", "no data 0/0", "no data 0/0", "no data 0/0", "no data 0/0"), cells(page, "mrmv-read-band", "16+"));

        assertEquals(List.of(r4), listed(page, "mrmv-unread-never"), "held, sent before the review, never read; not R7 (sent after), not R8 (CP)");
        assertEquals(List.of(r9), listed(page, "mrmv-unread-due"), "in the next 7 days and unread: R9, not R10 (15 days) nor R11 (read)");
        assertTrue(page.body().contains("READ4, review on 15 November 2025"), "the list names the case and the date");

        WebClient.Page all = signedIn("read.manager").get("/participation?year=2025-26&type=ALL");
        assertEquals(List.of(r4, r8), listed(all, "mrmv-unread-never"));
    }

    @Test
    void anOfficerSeesOnlyTheirOwnReviews() {
        WebClient.Page page = signedIn("read.two").get("/participation?year=2025-26&type=CLA");
        assertEquals(List.of("0% 0/1", "no data 0/0", "0% 0/1", "no data 0/0", "0% 0/2"), cells(page, "mrmv-read-total", "all"));
        assertFalse(page.body().contains("Test read.one"), "no other officer's row");
        assertEquals(List.of(r4), listed(page, "mrmv-unread-never"));
        assertEquals(List.of(), listed(page, "mrmv-unread-due"));
        assertTrue(page.body().contains("id=\"mrmv-unread-due-none\""));
    }

    @Test
    void theCsvHasEveryFigure() {
        WebClient.Page csv = signedIn("read.manager").get("/participation/mrmv-read.csv?year=2025-26&type=CLA");
        assertEquals(200, csv.status());
        assertTrue(csv.header("Content-Type").startsWith("text/csv"));
        List<String> lines = csv.body().lines().toList();
        assertEquals("Group,Name,Figure,Q1,Q2,Q3,Q4,YTD", lines.get(0));
        assertTrue(lines.contains("ALL,All reviews,FORMS_SENT,3,0,1,0,4"), lines.toString());
        assertTrue(lines.contains("ALL,All reviews,READ_BEFORE_REVIEW,2,0,0,0,2"), lines.toString());
        assertTrue(lines.contains("ALL,All reviews,READ_PERCENT,67,no data,0,no data,50"), lines.toString());
        assertTrue(lines.contains("OFFICER,Test read.two,READ_BEFORE_REVIEW,0,0,0,0,0"), lines.toString());
        assertTrue(lines.contains("AGE_BAND,4-7,FORMS_SENT,1,0,1,0,2"), lines.toString());
        assertFalse(csv.body().contains("READ4"), "figures only: no case references");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theApiHasEveryFigure() throws Exception {
        WebClient client = new WebClient(server.getURI());
        WebClient.Page page = client.send(client.request("/api/participation/mrmv-read?reviewType=CLA&year=2025-26")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("read.manager:" + StaffFixtures.PASSWORD)
                        .getBytes(StandardCharsets.UTF_8))).GET().build());
        assertEquals(200, page.status(), page.body());
        Map<String, Object> body = json.readValue(page.body(), Map.class);
        Map<String, Map<String, Object>> quarters = (Map<String, Map<String, Object>>) body.get("quarters");
        assertEquals(3, ((Number) quarters.get("Q1").get("formsSent")).intValue());
        assertEquals(2, ((Number) quarters.get("Q1").get("readBeforeReview")).intValue());
        assertEquals(67, ((Number) quarters.get("Q1").get("readPercent")).intValue());
        assertEquals(null, quarters.get("Q2").get("readPercent"));
        assertEquals(50, ((Number) quarters.get("YTD").get("readPercent")).intValue());
        Map<String, Map<String, Map<String, Object>>> officers = (Map<String, Map<String, Map<String, Object>>>) body.get("byOfficer");
        assertEquals(2, ((Number) officers.get("Test read.one").get("YTD").get("readBeforeReview")).intValue());
        Map<String, Map<String, Map<String, Object>>> bands = (Map<String, Map<String, Map<String, Object>>>) body.get("byAgeBand");
        assertEquals(2, ((Number) bands.get("4-7").get("YTD").get("formsSent")).intValue());
        assertEquals(1, ((Number) body.get("heldNeverRead")).intValue());
        assertEquals(1, ((Number) body.get("dueUnread")).intValue());
        assertFalse(page.body().contains("READ4"));
    }

    @Test
    void onlyTheChildsOwnOfficerOpeningTheAnswersCountsAsARead() {
        WebClient manager = signedIn("read.manager");
        assertEquals(200, manager.get("/reviews/" + r10).status());
        assertEquals(0, firstReads(r10), "the manager looking is not the officer reading");
        assertTrue(signedIn("read.manager").get("/reviews?form=SENT_NOT_READ").body().contains("READ10"));

        WebClient officer = signedIn("read.one");
        assertEquals(200, officer.get("/reviews/" + r10).status());
        assertEquals(1, firstReads(r10));
        Instant first = Instant.parse(readAt(r10));
        clock.set(Instant.parse("2026-05-10T10:00:00Z"));
        officer.get("/reviews/" + r10);
        assertEquals(first.toString(), readAt(r10), "a later look changes nothing");
        clock.set(Instant.parse("2026-05-10T09:00:00Z"));

        String list = officer.get("/reviews?form=SENT_NOT_READ").body();
        assertFalse(list.contains("READ10"), "read now");
        assertFalse(list.contains("READ11"), "read before");
        assertTrue(list.contains("READ9"), "still unread");
    }

    private long firstReads(long review) {
        return ReviewFixtures.count(context, "select count(*) from consultation_first_read x join consultation c on c.id = x.consultation_id"
                + " where c.review_id = " + review);
    }

    private String readAt(long review) {
        try (var connection = ReviewFixtures.connection(context);
             var rs = connection.createStatement().executeQuery("select x.read_at from consultation_first_read x join consultation c"
                     + " on c.id = x.consultation_id where c.review_id = " + review)) {
            rs.next();
            return rs.getTimestamp(1).toInstant().toString();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private WebClient signedIn(String username) {
        WebClient client = new WebClient(server.getURI());
        StaffFixtures.signIn(client, username);
        return client;
    }

    /** The text of each cell of a row of a table ("67% 2/3"), whitespace collapsed. */
    private static List<String> cells(WebClient.Page page, String tableId, String row) {
        String body = page.body();
        int table = body.indexOf("id=\"" + tableId + "\"");
        assertTrue(table >= 0, tableId);
        int start = body.indexOf("data-row=\"" + row + "\"", table);
        assertTrue(start >= 0, tableId + " " + row);
        String tr = body.substring(start, body.indexOf("</tr>", start));
        List<String> cells = new ArrayList<>();
        Matcher m = Pattern.compile("(?s)<td[^>]*>(.*?)</td>").matcher(tr);
        while (m.find()) {
            cells.add(m.group(1).replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").trim());
        }
        return cells;
    }

    private static List<Long> listed(WebClient.Page page, String listId) {
        String body = page.body();
        int list = body.indexOf("id=\"" + listId + "\"");
        if (list < 0) {
            return List.of();
        }
        String ul = body.substring(list, body.indexOf("</ul>", list));
        List<Long> ids = new ArrayList<>();
        Matcher m = Pattern.compile("data-review=\"(\\d+)\"").matcher(ul);
        while (m.find()) {
            ids.add(Long.parseLong(m.group(1)));
        }
        return ids;
    }

    private long review(String reference, LocalDate date, int age, String type, long officer) {
        children++;
        long child = ReviewFixtures.child(context, reference, "Read" + children, date.minusYears(age).minusDays(30));
        return ReviewFixtures.review(context, child, type, date, officer);
    }

    /** A link and a form sent at {@code sentAt}; returns the form's id. */
    private long sent(long review, Instant sentAt) {
        long link = ReviewFixtures.count(context, "insert into consultation_link (review_id, token_hash, created_at, expires_at) values ("
                + review + ", decode(md5(random()::text || clock_timestamp()::text), 'hex'), '" + sentAt.minusSeconds(86_400) + "', '"
                + sentAt.plusSeconds(60L * 24 * 3600) + "') returning id");
        return ReviewFixtures.count(context, "insert into consultation (link_id, review_id, definition_id, started_at, sent_at) values ("
                + link + ", " + review + ", 'consultation-8-11', '" + sentAt + "', '" + sentAt + "') returning id");
    }

    private void read(long form, long officer, Instant at) {
        ReviewFixtures.execute(context, "insert into consultation_first_read (consultation_id, read_by, read_at) values ("
                + form + ", " + officer + ", '" + at + "')");
    }

    private static Instant at(int year, int month, int day, int hour, int minute) {
        return LocalDateTime.of(year, month, day, hour, minute).atZone(LONDON).toInstant();
    }
}
