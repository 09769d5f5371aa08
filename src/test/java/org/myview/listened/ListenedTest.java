package org.myview.listened;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.myview.staff.Role;
import org.myview.support.ReviewFixtures;
import org.myview.support.StaffFixtures;
import org.myview.support.WebClient;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "Were you listened to?" over HTTP: who may be asked and when, answering once, what the officer and the manager
 * read, and the results with small numbers hidden.
 */
@MicronautTest(transactional = false)
@Property(name = "myview.proxy.trusted-addresses", value = "127.0.0.1,::1")
@Property(name = "myview.links.slow-down-step", value = "5ms")
class ListenedTest {

    static final String WORDS = "LEAKCANARY nobody asked me about school";

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext context;

    static int children;

    private ListenedTestSupport.Setup review(String officer, String type) {
        return ListenedTestSupport.review(context, server.getURI(), officer, "LST" + (++children), type, LocalDate.now().minusDays(2));
    }

    private WebClient open(String link) {
        WebClient client = new WebClient(server.getURI());
        WebClient.Page opened = client.get(link);
        assertEquals(303, opened.status());
        assertEquals("/listened", opened.location());
        return client;
    }

    @Test
    void aChildIsAskedOnlyAfterParticipationIsRecordedAndAnswersOnce() {
        ListenedTestSupport.Setup setup = review("lst.officer", "CLA");
        WebClient.Page before = setup.officer().get("/reviews/" + setup.reviewId());
        assertTrue(before.body().contains("Once you have recorded how the child took part"));
        assertNull(ListenedTestSupport.createLink(setup, "CHILD"), "not before participation is recorded");
        ListenedTestSupport.heldWithFormLink(context, setup.reviewId());
        assertNull(ListenedTestSupport.createLink(setup, "PARENT"), "parents only for child protection reviews");

        String first = ListenedTestSupport.createLink(setup, "CHILD");
        String link = ListenedTestSupport.createLink(setup, "CHILD");
        WebClient.Page replaced = new WebClient(server.getURI()).get(first);
        assertFalse(replaced.status() == 303 && "/listened".equals(replaced.location()), "the replaced link opens no form");

        WebClient child = open(link);
        WebClient.Page start = child.get("/listened");
        assertEquals(200, start.status());
        assertTrue(start.body().contains("Your reviewing officer and their manager (the reviewing service manager) read your answers."
                + " The manager also sees how many people answered each way, without names, with small numbers hidden. Nobody else reads your answers."));
        assertEquals("no-store", start.header("Cache-Control").replace(", private", ""));
        WebClient.Page q1 = child.get("/listened/q/1");
        assertTrue(q1.body().contains("Did you feel listened to at your review?"));
        assertFalse(q1.body().contains("checked"), "nothing chosen for the child");
        assertEquals("/listened/q/2", child.post("/listened/q/1", "_csrf", q1.inputValue("_csrf"), "answer", "partly", "action", "save").location());
        assertEquals("/listened/q/3", child.post("/listened/q/2", "_csrf", q1.inputValue("_csrf"), "action", "skip").location());
        WebClient.Page tooLong = child.post("/listened/q/3", "_csrf", q1.inputValue("_csrf"), "answer", "x".repeat(1001), "action", "save");
        assertEquals(422, tooLong.status());
        assertTrue(tooLong.body().contains("<title>Error:"));
        assertTrue(tooLong.body().contains("Your answer must be 1000 characters or fewer"));
        assertEquals("/listened/check", child.post("/listened/q/3", "_csrf", q1.inputValue("_csrf"), "answer", WORDS, "action", "save").location());
        WebClient.Page check = child.get("/listened/check");
        assertTrue(check.body().contains("A bit"));
        assertTrue(check.body().contains("You chose not to say"));
        assertTrue(check.body().contains(WORDS));
        assertEquals("/listened/sent", child.post("/listened/send", "_csrf", check.inputValue("_csrf")).location());
        assertEquals("/listened/sent", child.post("/listened/send", "_csrf", check.inputValue("_csrf")).location(), "a second press changes nothing");
        assertTrue(child.get("/listened/sent").body().contains("Thank you"));
        WebClient.Page again = child.post("/listened/q/1", "_csrf", q1.inputValue("_csrf"), "answer", "no", "action", "save");
        assertEquals("/listened/sent", again.location(), "once sent, nothing changes");
        assertEquals(1, ReviewFixtures.count(context, "select count(*) from listened_link where review_id = " + setup.reviewId()
                + " and sent_at is not null and listened = 'partly' and understood = 'skipped'"));
        assertNull(ListenedTestSupport.createLink(setup, "CHILD"), "once per review");

        WebClient.Page reviewPage = setup.officer().get("/reviews/" + setup.reviewId());
        assertTrue(reviewPage.body().contains("The child has answered."));
        assertTrue(reviewPage.body().contains(WORDS), "the officer reads the answer");
        StaffFixtures.account(context, "lst.manager", Role.SERVICE_MANAGER);
        WebClient manager = new WebClient(server.getURI());
        StaffFixtures.signIn(manager, "lst.manager");
        assertTrue(manager.get("/reviews/" + setup.reviewId()).body().contains(WORDS), "and their manager");
        WebClient.Page results = manager.get("/listened/results");
        assertEquals(200, results.status());
        assertFalse(results.body().contains("LEAKCANARY"), "no words in the figures");
        StaffFixtures.account(context, "lst.other", Role.REVIEWING_OFFICER);
        WebClient other = new WebClient(server.getURI());
        String otherCsrf = StaffFixtures.signIn(other, "lst.other");
        assertEquals(404, other.get("/reviews/" + setup.reviewId()).status());
        assertEquals(404, other.post("/reviews/" + setup.reviewId() + "/listened-link", "_csrf", otherCsrf, "respondent", "CHILD").status());
        assertEquals(403, other.get("/listened/results").status(), "results are the manager's");
        assertTrue(new WebClient(server.getURI()).get("/privacy").body().contains("If you answer “Were you listened to?” after your review,"
                + " your reviewing officer and their manager read your answers."), "the privacy notice says the same");
    }

    @Test
    void parentsOfAChildProtectionReviewGetALinkEachSentThroughTheOutbox() {
        ListenedTestSupport.Setup setup = review("lst.chair", "CP_REVIEW");
        ListenedTestSupport.recorded(context, setup.reviewId());
        assertNull(ListenedTestSupport.createLink(setup, "CHILD"), "the child had no form link");
        String mum = ListenedTestSupport.createLink(setup, "PARENT");
        String dad = ListenedTestSupport.createLink(setup, "PARENT");
        String token = mum.substring(mum.lastIndexOf('/') + 1);
        WebClient.Page bad = setup.officer().post("/reviews/" + setup.reviewId() + "/listened-link/send", "_csrf", setup.csrf(),
                "token", token, "email", "not an address");
        assertEquals(422, bad.status());
        assertTrue(bad.body().contains("Enter an email address in the right format"));
        assertTrue(bad.body().contains(mum), "the link is still there to copy");
        assertEquals(0, ReviewFixtures.count(context, "select count(*) from notification_outbox where template_key = 'listened-link'"));
        WebClient.Page sent = setup.officer().post("/reviews/" + setup.reviewId() + "/listened-link/send", "_csrf", setup.csrf(),
                "token", token, "email", "parent@example.com", "mobile", "07700 900123");
        assertEquals(303, sent.status(), sent.body());
        assertEquals(2, ReviewFixtures.count(context, "select count(*) from notification_outbox where template_key = 'listened-link'"));

        for (String link : new String[]{mum, dad}) {
            WebClient parent = open(link);
            WebClient.Page q1 = parent.get("/listened/q/1");
            assertTrue(q1.body().contains("Did you feel listened to at the conference?"), q1.body());
            parent.post("/listened/q/1", "_csrf", q1.inputValue("_csrf"), "answer", "yes", "action", "save");
            assertEquals("/listened/sent", parent.post("/listened/send", "_csrf", q1.inputValue("_csrf")).location());
        }
        assertEquals(2, ReviewFixtures.count(context, "select count(*) from listened_link where review_id = " + setup.reviewId()
                + " and respondent = 'PARENT' and sent_at is not null"), "each parent answers once");
    }

    @Test
    void theResultsHideSmallNumbersInEveryQuarter() {
        StaffFixtures.account(context, "lst.results", Role.SERVICE_MANAGER);
        int year = LocalDate.now().getMonthValue() >= 4 ? LocalDate.now().getYear() - 1 : LocalDate.now().getYear() - 2;
        // Last financial year. Q1: 10 children and 8 parents said yes. Q2: 7 children yes, 2 children no, 6 parents yes.
        answers(year, 5, "CHILD", "yes", 10);
        answers(year, 5, "PARENT", "yes", 8);
        answers(year, 8, "CHILD", "yes", 7);
        answers(year, 8, "CHILD", "no", 2);
        answers(year, 8, "PARENT", "yes", 6);
        WebClient manager = new WebClient(server.getURI());
        StaffFixtures.signIn(manager, "lst.results");
        WebClient.Page page = manager.get("/listened/results?year=" + year + "-" + String.valueOf(year + 1).substring(2));
        assertEquals(200, page.status());
        String q1 = table(page.body(), "listened-Q1");
        assertEquals(java.util.List.of("10", "8", "18", "0", "0", "0", "0", "0", "0", "0", "0", "0", "10", "8", "18"), cells(q1), "Q1: nothing small");
        String q2 = table(page.body(), "listened-Q2");
        java.util.List<String> cells = cells(q2);
        assertTrue(cells.contains("c"), "Q2 hides the 2: " + cells);
        for (String cell : cells) {
            assertFalse(cell.matches("[1-5]"), "no count from 1 to 5 is shown: " + cells);
        }
        for (String t : new String[]{"listened-Q3", "listened-Q4", "listened-YEAR", "understood-Q2"}) {
            for (String cell : cells(table(page.body(), t))) {
                assertFalse(cell.matches("[1-5]"), t + ": " + cell);
            }
        }

        // The CSV and the API give the page's cells, hidden ones hidden.
        String label = year + "-" + String.valueOf(year + 1).substring(2);
        WebClient.Page csv = manager.get("/listened/results/export.csv?year=" + label);
        assertEquals(200, csv.status());
        assertTrue(csv.header("Content-Type").startsWith("text/csv"));
        java.util.List<String> lines = csv.body().lines().toList();
        assertEquals("Question,Answer,Respondent,Q1,Q2,Q3,Q4,YEAR", lines.get(0));
        assertEquals(1 + 2 * 5 * 3, lines.size(), "two questions, five answer rows with the total, three respondent columns");
        java.util.List<String> q2Cells = cells(table(page.body(), "listened-Q2"));
        java.util.List<String> q2FromCsv = new java.util.ArrayList<>();
        for (String line : lines.subList(1, 16)) {
            q2FromCsv.add(line.split(",")[4]);
        }
        assertEquals(q2Cells, q2FromCsv, "the CSV's Q2 column is the page's Q2 table, row by row");
        assertTrue(lines.contains("listened,yes,children,10," + q2Cells.get(0) + ",0,0," + cells(table(page.body(), "listened-YEAR")).get(0)), lines.toString());
        for (String line : lines.subList(1, lines.size())) {
            for (String cell : line.split(",")) {
                assertFalse(cell.matches("[1-5]"), line);
            }
        }

        WebClient.Page api = manager.send(manager.request("/api/listened/results?year=" + label).header("Authorization", basic()).GET().build());
        assertEquals(200, api.status(), api.body());
        assertTrue(api.body().contains("\"Q1\":{\"yes\":{\"children\":{\"count\":10,\"hidden\":false},\"parents\":{\"count\":8,\"hidden\":false}"), api.body());
        assertTrue(api.body().contains("{\"count\":null,\"hidden\":true}"), "Q2's small counts are hidden in the API too");
        assertFalse(api.body().matches("(?s).*\"count\":[1-5][,}].*"), api.body());
        assertEquals(400, manager.send(manager.request("/api/listened/results?year=next").header("Authorization",
                basic()).GET().build()).status());
    }

    private static String basic() {
        return "Basic " + java.util.Base64.getEncoder().encodeToString(("lst.results:" + StaffFixtures.PASSWORD).getBytes(
                java.nio.charset.StandardCharsets.UTF_8));
    }

    private void answers(int year, int month, String respondent, String listened, int count) {
        for (int i = 0; i < count; i++) {
            long child = ReviewFixtures.child(context, "LSTR" + (++children), "R", LocalDate.of(2010, 1, 1));
            long review = ReviewFixtures.review(context, child, "CP_REVIEW", LocalDate.of(year, month, 1 + i), null);
            ReviewFixtures.execute(context, "insert into listened_link (review_id, respondent, token_hash, created_at, expires_at, listened, understood, sent_at) values ("
                    + review + ", '" + respondent + "', decode(md5(random()::text || clock_timestamp()::text), 'hex'), now(), now(), '" + listened + "', 'yes', now())");
        }
    }

    private static String table(String body, String id) {
        Matcher m = Pattern.compile("id=\"" + id + "\".*?</table>", Pattern.DOTALL).matcher(body);
        assertTrue(m.find(), id);
        return m.group();
    }

    private static java.util.List<String> cells(String table) {
        java.util.List<String> cells = new java.util.ArrayList<>();
        Matcher m = Pattern.compile("<td[^>]*>(.*?)</td>", Pattern.DOTALL).matcher(table);
        while (m.find()) {
            cells.add(m.group(1).trim());
        }
        return cells;
    }
}
