package org.myview.extract;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.myview.staff.Role;
import org.myview.support.MutableClock;
import org.myview.support.ReviewFixtures;
import org.myview.support.Secrets;
import org.myview.support.StaffFixtures;
import org.myview.support.WebClient;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
@Property(name = "test.mutable-clock", value = "true")
class ExtractImportTest {

    private static final Pattern TOKEN = Pattern.compile("myview_[A-Za-z0-9_-]{43}");
    private static final String HEADER = "RECORD,CASE_REFERENCE,FIRST_NAME,DOB,LANGUAGE,REVIEWING_OFFICER,REVIEW_ID,REVIEW_TYPE,"
            + "REVIEW_DATE,PLAN_REFERENCE,PLAN_TYPE,PLAN_START,PLAN_END,CONTACT_NAME,CONTACT_EMAIL,CONTACT_MOBILE";

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext context;
    @Inject
    MutableClock clock;

    WebClient api;

    @BeforeEach
    void setUp() {
        clock.set(Instant.parse("2026-01-15T12:00:00Z"));
        if (ReviewFixtures.count(context, "select count(*) from staff_account where username = 'ext.manager'") == 0) {
            StaffFixtures.account(context, "ext.manager", Role.SERVICE_MANAGER);
            StaffFixtures.account(context, "ext.officer", Role.REVIEWING_OFFICER);
            StaffFixtures.account(context, "ext.officer2", Role.REVIEWING_OFFICER);
        }
        api = new WebClient(server.getURI());
    }

    /** An extract as an LCS report would give it: two children, their reviews held and upcoming, a parent on a plan. */
    private static String extract(String prefix, String secondReviewDate) {
        return String.join("\r\n", HEADER,
                "CHILD," + prefix + "1,Amira,14/03/2012,ar,ext.officer,,,,,,,,,,",
                "CHILD," + prefix + "2,Jake,2019-06-01,,ext.officer2,,,,,,,,,,",
                "REVIEW," + prefix + "1,,,,,LCS-" + prefix + "-1,CLA,02/05/2025,,,,,,,",
                "REVIEW," + prefix + "1,,,,,LCS-" + prefix + "-2,CLA," + secondReviewDate + ",,,,,,,",
                "REVIEW," + prefix + "2,,,,,LCS-" + prefix + "-3,CP_REVIEW,2026-03-10,,,,,,,",
                "PARENT," + prefix + "2,,,pl,,,,," + prefix + "-P1,CP,01/09/2025,,Kasia,kasia@example.com,",
                "PARENT," + prefix + "2,,,,,,,," + prefix + "-P1,CP,01/09/2025,,Tom,,07700 900 982") + "\r\n";
    }

    @Test
    void aGoodExtractAddsChildrenReviewsAndParentsAndTheSameExtractTwiceChangesNothing() {
        WebClient.Page first = importCsv(extract("EXA", "20/02/2026"), basic("ext.manager"));

        assertEquals(200, first.status(), first.body());
        assertTrue(first.body().contains("\"childrenAdded\":2"), first.body());
        assertTrue(first.body().contains("\"reviewsAdded\":3"), first.body());
        assertTrue(first.body().contains("\"plansAdded\":1"), first.body());
        assertTrue(first.body().contains("\"parentsAdded\":2"), first.body());
        assertEquals(1, ReviewFixtures.count(context, "select count(*) from child where case_reference = 'EXA1' and first_name = 'Amira' "
                + "and date_of_birth = '2012-03-14' and preferred_language = 'ar'"));
        assertEquals(1, ReviewFixtures.count(context, "select count(*) from review r join child c on c.id = r.child_id "
                + "join staff_account s on s.id = r.reviewing_officer_id where c.case_reference = 'EXA2' and r.review_type = 'CP_REVIEW' "
                + "and r.review_date = '2026-03-10' and r.external_id = 'LCS-EXA-3' and s.username = 'ext.officer2'"));
        assertEquals(1, ReviewFixtures.count(context, "select count(*) from parent_plan_child pc join parent_plan p on p.id = pc.plan_id "
                + "where p.plan_reference = 'EXA-P1' and p.plan_type = 'CP' and pc.case_reference = 'EXA2'"));
        assertEquals(1, ReviewFixtures.count(context, "select count(*) from parent_contact k join parent_plan p on p.id = k.plan_id "
                + "where p.plan_reference = 'EXA-P1' and k.language = 'pl' and k.email = 'kasia@example.com'"));

        WebClient.Page second = importCsv(extract("EXA", "20/02/2026"), basic("ext.manager"));

        assertEquals(200, second.status(), second.body());
        for (String count : new String[] {"childrenAdded", "childrenChanged", "officersAssigned", "reviewsAdded", "reviewsChanged",
                "reviewsMoved", "plansAdded", "plansChanged", "parentsAdded"}) {
            assertTrue(second.body().contains("\"" + count + "\":0"), count + " in " + second.body());
        }
        assertEquals(3, ReviewFixtures.count(context, "select count(*) from review r join child c on c.id = r.child_id "
                + "where c.case_reference like 'EXA%'"));
        assertTrue(ReviewFixtures.count(context, "select count(*) from audit_event where action = 'EXTRACT_IMPORTED'") >= 2,
                "audited, with its counts");
    }

    @Test
    void aReviewWhoseDateChangedInTheCaseSystemMovesAndItsHistoryKeepsTheOldDate() {
        assertEquals(200, importCsv(extract("MOV", "20/02/2026"), basic("ext.manager")).status());
        long reviewId = ReviewFixtures.count(context, "select r.id from review r join child c on c.id = r.child_id "
                + "where c.case_reference = 'MOV1' and r.external_id = 'LCS-MOV-2'");

        WebClient.Page moved = importCsv(extract("MOV", "27/02/2026"), basic("ext.manager"));

        assertEquals(200, moved.status(), moved.body());
        assertTrue(moved.body().contains("\"reviewsAdded\":0"), moved.body());
        assertTrue(moved.body().contains("\"reviewsChanged\":1"), moved.body());
        assertTrue(moved.body().contains("\"reviewsMoved\":1"), moved.body());
        assertEquals(1, ReviewFixtures.count(context, "select count(*) from review where id = " + reviewId
                + " and review_date = '2026-02-27'"), "the same review, moved");
        assertEquals(0, ReviewFixtures.count(context, "select count(*) from review r join child c on c.id = r.child_id "
                + "where c.case_reference = 'MOV1' and r.review_date = '2026-02-20'"), "not added twice");
        assertEquals(1, ReviewFixtures.count(context, "select count(*) from review_date_change where review_id = " + reviewId
                + " and old_date = '2026-02-20' and new_date = '2026-02-27' and source = 'EXTRACT'"));

        WebClient browser = new WebClient(server.getURI());
        StaffFixtures.signIn(browser, "ext.manager");
        WebClient.Page page = browser.get("/reviews/" + reviewId);
        assertEquals(200, page.status());
        assertTrue(page.body().contains("Moved by the case system"), "the review page shows the move");
        assertTrue(page.body().contains("20 Feb 2026") && page.body().contains("27 Feb 2026"), page.body());
    }

    @Test
    void aReviewMyViewAlreadyHeldWithoutAnIdIsLinkedNotAddedAgain() {
        long child = ReviewFixtures.child(context, "LNK1", "Amira", LocalDate.of(2012, 3, 14));
        long review = ReviewFixtures.review(context, child, "CLA", LocalDate.of(2025, 5, 2), null);

        WebClient.Page page = importCsv(extract("LNK", "20/02/2026"), basic("ext.manager"));

        assertEquals(200, page.status(), page.body());
        assertEquals(1, ReviewFixtures.count(context, "select count(*) from review where id = " + review + " and external_id = 'LCS-LNK-1'"));
        assertEquals(2, ReviewFixtures.count(context, "select count(*) from review where child_id = " + child));
        assertEquals(1, ReviewFixtures.count(context, "select count(*) from review where id = " + review
                + " and reviewing_officer_id is not null"), "a held review with no officer recorded takes the child's officer");
    }

    @Test
    void aBadExtractNamesEveryBadRowAndWritesNothing() {
        ReviewFixtures.child(context, "BADX9", "Held", LocalDate.of(2010, 1, 1));
        String bad = String.join("\n", HEADER,
                "CHILD,BADX1,Amira,14/03/2012,ar,ext.officer,,,,,,,,,,",
                "CHILD,BADX2,,31/02/2012,english,nobody.here,,,,,,,,,,",
                "CHILD,BADX1,Amira,14/03/2012,ar,,,,,,,,,,,",
                "REVIEW,BADX1,,,,,R1,CLA,2025-05-02,,,,,,,",
                "REVIEW,BADX1,,,,,R1,CLA,2025-06-02,,,,,,,",
                "REVIEW,BADX3,,,,,R3,XYZ,2025-13-01,,,,,,,",
                "PARENT,BADX1,,,,,,,,BADX-P1,CP,01/09/2030,,Kasia,not-an-email,",
                "CHILD,BADX9,Held,02/01/2010,,,,,,,,,,,,",
                "WHAT,BADX1,,,,,,,,,,,,,,",
                "CHILD,BADX4,Short,row");

        WebClient.Page page = importCsv(bad, basic("ext.manager"));

        assertEquals(422, page.status(), page.body());
        String body = page.body();
        assertTrue(body.contains("{\"line\":3,\"column\":\"FIRST_NAME\""), body);
        assertTrue(body.contains("{\"line\":3,\"column\":\"DOB\""), body);
        assertTrue(body.contains("{\"line\":3,\"column\":\"LANGUAGE\""), body);
        assertTrue(body.contains("{\"line\":3,\"column\":\"REVIEWING_OFFICER\""), body);
        assertTrue(body.contains("{\"line\":4,\"column\":\"CASE_REFERENCE\""), body);
        assertTrue(body.contains("{\"line\":6,\"column\":\"REVIEW_ID\""), body);
        assertTrue(body.contains("{\"line\":7,\"column\":\"CASE_REFERENCE\""), body);
        assertTrue(body.contains("{\"line\":7,\"column\":\"REVIEW_TYPE\""), body);
        assertTrue(body.contains("{\"line\":7,\"column\":\"REVIEW_DATE\""), body);
        assertTrue(body.contains("{\"line\":8,\"column\":\"PLAN_START\""), body);
        assertTrue(body.contains("{\"line\":8,\"column\":\"CONTACT_EMAIL\""), body);
        assertTrue(body.contains("{\"line\":10,\"column\":\"RECORD\""), body);
        assertTrue(body.contains("{\"line\":11,\"column\":\"ROW\""), body);
        assertFalse(body.contains("\"line\":2,"), "line 2 is a good row: " + body);
        assertEquals(0, ReviewFixtures.count(context, "select count(*) from child where case_reference in ('BADX1', 'BADX2')"),
                "the good rows were not imported either");
        assertEquals(0, ReviewFixtures.count(context, "select count(*) from parent_plan where plan_reference = 'BADX-P1'"));

        // What only the database can tell is checked before anything is written too.
        WebClient.Page held = importCsv(String.join("\n", HEADER, "CHILD,BADX1,Amira,14/03/2012,ar,,,,,,,,,,,",
                "CHILD,BADX9,Held,02/01/2010,,,,,,,,,,,,"), basic("ext.manager"));
        assertEquals(422, held.status(), held.body());
        assertTrue(held.body().contains("{\"line\":3,\"column\":\"DOB\""), held.body());
        assertEquals(0, ReviewFixtures.count(context, "select count(*) from child where case_reference = 'BADX1'"));
    }

    @Test
    void aQuoteNeverClosedIsRefusedWithItsLine() {
        WebClient.Page page = importCsv(String.join("\n", HEADER, "CHILD,QX1,Amira,14/03/2012,ar,,,,,,,,,,,",
                "CHILD,\"QX2,Jo,14/03/2012,ar,,,,,,,,,,,", "CHILD,QX3,Amira,14/03/2012,ar,,,,,,,,,,,"), basic("ext.manager"));

        assertEquals(422, page.status());
        assertTrue(page.body().contains("{\"line\":3,\"item\":null,\"column\":\"FILE\"") || page.body().contains("{\"line\":3,\"column\":\"FILE\""),
                page.body());
        assertEquals(0, ReviewFixtures.count(context, "select count(*) from child where case_reference like 'QX%'"));
    }

    @Test
    void theSameExtractAsJsonImportsTheSameWayAndNamesBadItems() {
        String json = """
                {"children": [{"case_reference": "JSN1", "first_name": "Amira", "dob": "2012-03-14", "language": "ar",
                               "reviewing_officer": "ext.officer"}],
                 "reviews": [{"case_reference": "JSN1", "review_id": "M-77", "review_type": "CLA", "review_date": "2026-02-20"}],
                 "parents": [{"plan_reference": "JSN-P1", "plan_type": "CIN", "plan_start": "2025-10-01", "case_reference": "JSN1",
                              "contact_name": "Sam", "contact_mobile": "07700900982", "language": "en"}]}
                """;
        WebClient.Page page = importJson(json, basic("ext.manager"));
        assertEquals(200, page.status(), page.body());
        assertTrue(page.body().contains("\"reviewsAdded\":1"), page.body());
        assertTrue(page.body().contains("\"plansAdded\":1"), page.body());
        WebClient.Page again = importJson(json, basic("ext.manager"));
        assertTrue(again.body().contains("\"reviewsAdded\":0") && again.body().contains("\"reviewsChanged\":0"), again.body());

        WebClient.Page bad = importJson("""
                {"children": [{"case_reference": "JSN2", "first_name": "", "dob": "2012-03-14", "colour": "red"}],
                 "reviews": [{"case_reference": "JSN2", "review_id": "M-78", "review_type": "CLA", "review_date": "2026-02-30"}]}
                """, basic("ext.manager"));
        assertEquals(422, bad.status(), bad.body());
        assertTrue(bad.body().contains("\"item\":\"children[0]\",\"column\":\"COLOUR\""), bad.body());
        assertTrue(bad.body().contains("\"item\":\"children[0]\",\"column\":\"FIRST_NAME\""), bad.body());
        assertTrue(bad.body().contains("\"item\":\"reviews[0]\",\"column\":\"REVIEW_DATE\""), bad.body());
        assertEquals(0, ReviewFixtures.count(context, "select count(*) from child where case_reference = 'JSN2'"));

        WebClient.Page broken = importJson("{\"children\": [{\"case_reference\": \"JSN3\"", basic("ext.manager"));
        assertEquals(422, broken.status(), broken.body());
        assertTrue(broken.body().contains("not JSON of the extract") && !broken.body().contains("JSN3"), "refused without quoting it");
    }

    @Test
    void anImportTokenImportsAndAFiguresTokenIsRefused() {
        String figures = token("ext.manager", "FIGURES");
        String importer = token("ext.manager", "IMPORT");

        assertEquals(403, importCsv(extract("TOK", "20/02/2026"), "Bearer " + figures).status());
        assertEquals(403, importJson("{\"children\": []}", "Bearer " + figures).status());
        assertEquals(0, ReviewFixtures.count(context, "select count(*) from child where case_reference like 'TOK%'"), "nothing imported");

        WebClient.Page imported = importCsv(extract("TOK", "20/02/2026"), "Bearer " + importer);
        assertEquals(200, imported.status(), imported.body());
        assertEquals(2, ReviewFixtures.count(context, "select count(*) from child where case_reference like 'TOK%'"));

        assertEquals(403, importCsv(extract("TOF", "20/02/2026"), basic("ext.officer")).status(), "an officer cannot import");
    }

    @Test
    void theImportPageShowsTheSummaryOrEveryProblemAsAGovukErrorSummary() {
        WebClient browser = new WebClient(server.getURI());
        String csrf = StaffFixtures.signIn(browser, "ext.manager");
        WebClient.Page bad = upload(browser, csrf, String.join("\n", HEADER, "CHILD,PGX1,,14/03/2012,,,,,,,,,,,,",
                "REVIEW,PGX1,,,,,R1,CLA,31/02/2025,,,,,,,"));
        assertEquals(422, bad.status());
        assertTrue(bad.body().contains("govuk-error-summary"));
        assertTrue(bad.body().contains("There are 2 problems with the extract"), bad.body());
        assertTrue(bad.body().contains("Line 2, FIRST_NAME"), bad.body());
        assertTrue(bad.body().contains("Line 3, REVIEW_DATE"), bad.body());
        assertTrue(bad.body().contains("Nothing was imported"));

        WebClient.Page good = upload(browser, csrf, extract("PGX", "20/02/2026"));
        assertEquals(200, good.status(), good.body());
        assertTrue(good.body().contains("Extract imported"), good.body());
        assertTrue(good.body().contains("2 added, 0 changed"), good.body());
        WebClient.Page again = upload(browser, csrf, extract("PGX", "20/02/2026"));
        assertTrue(again.body().contains("nothing was added or changed"), again.body());

        WebClient.Page forged = upload(browser, "forged", extract("PGY", "20/02/2026"));
        assertEquals(403, forged.status(), "the upload checks its CSRF token too");
    }

    private WebClient.Page upload(WebClient browser, String csrf, String csv) {
        String boundary = "----myviewtest";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"extract.csv\"\r\nContent-Type: text/csv\r\n\r\n"
                + csv + "\r\n--" + boundary + "--\r\n";
        return browser.send(browser.request("/extracts/import").header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private WebClient.Page importCsv(String csv, String authorization) {
        return api.send(api.request("/api/extracts/import").header("Authorization", authorization)
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString(csv)).build());
    }

    private WebClient.Page importJson(String json, String authorization) {
        return api.send(api.request("/api/extracts/import").header("Authorization", authorization)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private String token(String username, String scope) {
        WebClient browser = new WebClient(server.getURI());
        String csrf = StaffFixtures.signIn(browser, username);
        WebClient.Page created = browser.post("/staff/api-tokens", "_csrf", csrf, "name", "Extract " + scope, "scope", scope, "expires", "30");
        assertEquals(200, created.status(), created.body());
        Matcher m = TOKEN.matcher(created.body());
        assertTrue(m.find(), "the new token is on the page");
        return Secrets.remember(m.group());
    }

    private static String basic(String username) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + StaffFixtures.PASSWORD).getBytes(StandardCharsets.UTF_8));
    }
}
