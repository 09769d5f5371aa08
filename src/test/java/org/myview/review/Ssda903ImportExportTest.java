package org.myview.review;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.myview.staff.AuditAction;
import org.myview.staff.AuditEvent;
import org.myview.staff.AuditTrail;
import org.myview.staff.Role;
import org.myview.support.MutableClock;
import org.myview.support.ReviewFixtures;
import org.myview.support.StaffFixtures;
import org.myview.support.WebClient;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
@Property(name = "test.mutable-clock", value = "true")
class Ssda903ImportExportTest {

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext context;
    @Inject
    MutableClock clock;
    @Inject
    AuditTrail audit;

    WebClient api;

    static final String FILE = String.join("\r\n",
            "CHILD,DOB,REVIEW,REVIEW_CODE",
            "RT001,14/03/2012,02/05/2025,PN1",
            "RT002,01/01/2023,10/06/2025,PN0",
            "RT003,30/09/2015,15/07/2025,PN6",
            "RT001,14/03/2012,02/11/2025,PN5",
            "RT004,29/02/2016,01/08/2025,PN7") + "\r\n";

    @BeforeEach
    void setUp() {
        clock.set(Instant.parse("2026-01-15T12:00:00Z"));
        if (ReviewFixtures.count(context, "select count(*) from staff_account where username = 'ssda.manager'") == 0) {
            StaffFixtures.account(context, "ssda.manager", Role.SERVICE_MANAGER);
            StaffFixtures.account(context, "ssda.officer", Role.REVIEWING_OFFICER);
        }
        api = new WebClient(server.getURI());
    }

    @Test
    void aFileImportedThenExportedForTheSameRangeGivesTheSameRowsAndImportingTwiceChangesNothing() {
        WebClient.Page first = importCsv(FILE);
        assertEquals(200, first.status(), first.body());
        assertTrue(first.body().contains("\"imported\":true"));
        assertTrue(first.body().contains("\"reviewsCreated\":5"));
        assertTrue(first.body().contains("\"participationRecorded\":5"));

        long reviews = ReviewFixtures.count(context, "select count(*) from review where child_id in (select id from child where case_reference like 'RT%')");
        WebClient.Page second = importCsv(FILE);
        assertEquals(200, second.status());
        assertTrue(second.body().contains("\"childrenCreated\":0"));
        assertTrue(second.body().contains("\"reviewsCreated\":0"));
        assertTrue(second.body().contains("\"participationRecorded\":0"));
        assertTrue(second.body().contains("\"participationChanged\":0"));
        assertEquals(reviews, ReviewFixtures.count(context, "select count(*) from review where child_id in (select id from child where case_reference like 'RT%')"));

        WebClient.Page export = api.send(api.request("/api/reviews/export.csv?from=2025-04-01&to=2025-12-31")
                .header("Authorization", basic("ssda.manager")).GET().build());
        assertEquals(200, export.status());
        assertTrue(export.header("Content-Type").startsWith("text/csv"));
        assertEquals(sorted(FILE), sorted(export.body()));
        assertTrue(audit.search("ssda.manager", null, null, null, 50).stream().anyMatch(e -> e.action() == AuditAction.REVIEWS_EXPORTED));
    }

    @Test
    void oneBadRowAndNothingIsImportedAndEveryProblemIsListedWithLineColumnAndRule() {
        String bad = String.join("\n",
                "CHILD,DOB,REVIEW,REVIEW_CODE",
                "BAD001,14/03/2012,02/05/2025,PN1",
                "BAD002,01/01/2023,31/02/2025,PN0",
                "BAD003,30/09/2015,15/07/2025,pn6",
                "BAD004,01/01/2022,01/02/2025,PN1",
                "BAD005,01/01/2012,01/02/2025,PN0",
                "BAD006,01/01/2012,01/02/2027,PN1",
                "BAD,007,01/01/2012,01/02/2025,PN1");

        WebClient.Page page = importCsv(bad);

        assertEquals(422, page.status());
        assertTrue(page.header("Content-Type").startsWith("application/json"));
        String body = page.body();
        assertTrue(body.contains("{\"line\":3,\"column\":\"REVIEW\",\"rule\":\"166\""), body);
        assertTrue(body.contains("{\"line\":4,\"column\":\"REVIEW_CODE\",\"rule\":\"167\""), body);
        assertTrue(body.contains("{\"line\":5,\"column\":\"REVIEW_CODE\",\"rule\":\"441\""), body);
        assertTrue(body.contains("{\"line\":6,\"column\":\"REVIEW_CODE\",\"rule\":\"440\""), body);
        assertTrue(body.contains("{\"line\":7,\"column\":\"REVIEW\",\"rule\":\"FUTURE\""), body);
        assertTrue(body.contains("{\"line\":8,\"column\":\"ROW\",\"rule\":\"FILE\""), body);
        assertEquals(0, ReviewFixtures.count(context, "select count(*) from child where case_reference like 'BAD%'"),
                "the good row was not imported either");
    }

    @Test
    void aQuoteNeverClosedIsRefusedWithItsLineAndNothingIsImported() {
        WebClient.Page page = importCsv(String.join("\n",
                "CHILD,DOB,REVIEW,REVIEW_CODE",
                "QUO001,14/03/2012,02/05/2025,PN1",
                "\"QUO002,14/03/2012,02/05/2025,PN1",
                "QUO003,14/03/2012,02/05/2025,PN1"));

        assertEquals(422, page.status());
        assertTrue(page.body().contains("{\"line\":3,\"column\":\"FILE\",\"rule\":\"FILE\""), page.body());
        assertEquals(0, ReviewFixtures.count(context, "select count(*) from child where case_reference like 'QUO%'"));
    }

    /** Issue 21: on the fourth birthday exactly both PN0 and PN1-PN7 are imported (as the DfE accepts), with a note. */
    @Test
    void onTheFourthBirthdayBothCodesAreImportedWithANoteAndCountedAsGiven() {
        String file = "CHILD,DOB,REVIEW,REVIEW_CODE\nB4A,01/06/2021,01/06/2025,PN0\nB4C,01/06/2021,01/06/2025,PN2\n"
                + "B4D,29/02/2020,29/02/2024,PN0\n";

        WebClient.Page page = importCsv(file);

        assertEquals(200, page.status(), page.body());
        assertTrue(page.body().contains("\"line\":2,\"message\":\"The review was on the child’s fourth birthday (01/06/2025)."), page.body());
        assertTrue(page.body().contains("counted as PN2, as given"), page.body());
        assertTrue(page.body().contains("\"line\":4,"), page.body());
        assertEquals(1, ReviewFixtures.count(context, "select count(*) from review r join child c on c.id = r.child_id "
                + "join review_participation p on p.review_id = r.id where c.case_reference = 'B4A' and p.pn_code = 'PN0'"));
        assertEquals(1, ReviewFixtures.count(context, "select count(*) from review r join child c on c.id = r.child_id "
                + "join review_participation p on p.review_id = r.id where c.case_reference = 'B4C' and p.pn_code = 'PN2'"));
    }

    @Test
    void theDayBeforeAndTheDayAfterTheFourthBirthdayAreStillRowErrors() {
        String file = "CHILD,DOB,REVIEW,REVIEW_CODE\nB4E,01/06/2021,02/06/2025,PN0\nB4B,02/06/2021,01/06/2025,PN1\n";

        WebClient.Page page = importCsv(file);

        assertEquals(422, page.status());
        assertTrue(page.body().contains("\"line\":2,\"column\":\"REVIEW_CODE\",\"rule\":\"440\""), "4 yesterday: PN0 is wrong");
        assertTrue(page.body().contains("\"line\":3,\"column\":\"REVIEW_CODE\",\"rule\":\"441\""), "4 tomorrow: PN1 is wrong");
    }

    /** Issue 21, item 4: CP and CIN participation out, with the same codes, and never in the SSDA903 file. */
    @Test
    void childProtectionAndChildInNeedReviewsExportWithTheirTypeAndStayOutOfTheSsda903File() {
        String file = "CHILD,DOB,REVIEW,REVIEW_CODE,REVIEW_TYPE\nCPX1,14/03/2012,03/03/2023,PN4,CP_REVIEW\n"
                + "CPX2,01/01/2022,04/03/2023,PN0,CIN\nCPX3,30/09/2015,05/03/2023,PN6,CLA\n";
        assertEquals(200, importCsv(file).status());

        WebClient.Page cpCin = api.send(api.request("/api/reviews/export.csv?from=2023-03-01&to=2023-03-31&reviews=CP_CIN")
                .header("Authorization", basic("ssda.manager")).GET().build());
        assertEquals(200, cpCin.status(), cpCin.body());
        assertEquals("CHILD,DOB,REVIEW_TYPE,REVIEW,REVIEW_CODE\r\nCPX1,14/03/2012,CP_REVIEW,03/03/2023,PN4\r\n"
                + "CPX2,01/01/2022,CIN,04/03/2023,PN0\r\n", cpCin.body());
        assertTrue(cpCin.header("Content-Disposition").contains("cp-cin-participation-2023-03-01-to-2023-03-31.csv"));

        WebClient.Page cla = api.send(api.request("/api/reviews/export.csv?from=2023-03-01&to=2023-03-31")
                .header("Authorization", basic("ssda.manager")).GET().build());
        assertEquals("CHILD,DOB,REVIEW,REVIEW_CODE\r\nCPX3,30/09/2015,05/03/2023,PN6\r\n", cla.body());

        WebClient manager = new WebClient(server.getURI());
        StaffFixtures.signIn(manager, "ssda.manager");
        WebClient.Page page = manager.get("/reviews/export");
        assertTrue(page.body().contains("Child protection and child in need"), page.body());
        WebClient.Page download = manager.get("/reviews/export.csv?from=2023-03-01&to=2023-03-31&reviews=CP_CIN");
        assertEquals(200, download.status());
        assertTrue(download.body().startsWith("CHILD,DOB,REVIEW_TYPE,REVIEW,REVIEW_CODE"));
    }

    @Test
    void aChangedCodeUpdatesTheReviewWithHistoryAndAudit() {
        importCsv("CHILD,DOB,REVIEW,REVIEW_CODE\nCHG1,14/03/2012,02/05/2025,PN5\n");

        WebClient.Page changed = importCsv("CHILD,DOB,REVIEW,REVIEW_CODE\nCHG1,14/03/2012,02/05/2025,PN6\n");

        assertTrue(changed.body().contains("\"participationChanged\":1"), changed.body());
        assertEquals(1, ReviewFixtures.count(context, "select count(*) from review_participation p join review r on r.id = p.review_id "
                + "join child c on c.id = r.child_id where c.case_reference = 'CHG1' and p.pn_code = 'PN6'"));
        assertEquals(1, ReviewFixtures.count(context, "select count(*) from review_participation_change h join review r on r.id = h.review_id "
                + "join child c on c.id = r.child_id where c.case_reference = 'CHG1' and h.old_pn_code = 'PN5' and h.new_pn_code = 'PN6'"));
        List<AuditEvent> events = audit.search("ssda.manager", "CHG1", null, null, 10);
        assertTrue(events.stream().anyMatch(e -> e.action() == AuditAction.PARTICIPATION_CHANGED
                && "PN5".equals(e.detail().get("from")) && "PN6".equals(e.detail().get("to"))));
    }

    @Test
    void aDateOfBirthThatContradictsTheOneHeldIsARowError() {
        importCsv("CHILD,DOB,REVIEW,REVIEW_CODE\nDOBX,14/03/2012,02/05/2025,PN1\n");

        WebClient.Page page = importCsv("CHILD,DOB,REVIEW,REVIEW_CODE\nDOBX,15/03/2012,02/06/2025,PN1\n");

        assertEquals(422, page.status());
        assertTrue(page.body().contains("\"line\":2,\"column\":\"DOB\",\"rule\":\"DOB\""), page.body());
    }

    @Test
    void optionalColumnsSetTheTypeAndTheOfficerAndAFutureReviewWithNoCodeIsScheduled() {
        String file = "CHILD,DOB,REVIEW,REVIEW_CODE,REVIEW_TYPE,REVIEWING_OFFICER\n"
                + "OPT1,14/03/2012,02/05/2025,PN1,CP_REVIEW,ssda.officer\n"
                + "OPT1,14/03/2012,02/03/2026,,CP_REVIEW,ssda.officer\n";

        WebClient.Page page = importCsv(file);

        assertEquals(200, page.status(), page.body());
        assertEquals(2, ReviewFixtures.count(context, "select count(*) from review r join child c on c.id = r.child_id "
                + "join staff_account s on s.id = r.reviewing_officer_id where c.case_reference = 'OPT1' "
                + "and r.review_type = 'CP_REVIEW' and s.username = 'ssda.officer'"));
        WebClient.Page badOfficer = importCsv("CHILD,DOB,REVIEW,REVIEW_CODE,REVIEWING_OFFICER\nOPT2,14/03/2012,02/05/2025,PN1,nobody\n");
        assertTrue(badOfficer.body().contains("\"column\":\"REVIEWING_OFFICER\""));
    }

    @Test
    void theExportNeutralisesACellThatCouldRunAsAFormula() {
        importCsv("CHILD,DOB,REVIEW,REVIEW_CODE\n-1234,14/03/2012,02/05/2025,PN1\n");

        WebClient.Page export = api.send(api.request("/api/reviews/export.csv?from=2025-05-02&to=2025-05-02")
                .header("Authorization", basic("ssda.manager")).GET().build());

        assertTrue(export.body().contains("\r\n'-1234,14/03/2012,02/05/2025,PN1"), export.body());
    }

    @Test
    void theImportAndExportAreForTheManagerOnly() {
        WebClient.Page officer = api.send(api.request("/api/reviews/import").header("Authorization", basic("ssda.officer"))
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString(FILE)).build());
        assertEquals(403, officer.status());
    }

    @Test
    void theImportPageShowsTheSameProblemsAsAGovukErrorSummary() {
        WebClient browser = new WebClient(server.getURI());
        String csrf = StaffFixtures.signIn(browser, "ssda.manager");
        String boundary = "----myviewtest";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"r.csv\"\r\nContent-Type: text/csv\r\n\r\n"
                + "CHILD,DOB,REVIEW,REVIEW_CODE\nPG1,01/01/2012,31/02/2025,PN1\nPG2,01/01/2012,01/02/2025,PN9\n\r\n--" + boundary + "--\r\n";
        WebClient.Page page = browser.send(browser.request("/reviews/import")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());

        assertEquals(422, page.status());
        assertTrue(page.body().contains("govuk-error-summary"));
        assertTrue(page.body().contains("There are 2 problems with the file"), page.body());
        assertTrue(page.body().contains("Line 2, REVIEW"));
        assertTrue(page.body().contains("Line 3, REVIEW_CODE"));
        assertTrue(page.body().contains("Nothing was imported"));

        WebClient.Page forged = browser.send(browser.request("/reviews/import")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body.replace(csrf, "forged"))).build());
        assertEquals(403, forged.status(), "the upload checks its CSRF token too");
    }

    private WebClient.Page importCsv(String csv) {
        return api.send(api.request("/api/reviews/import").header("Authorization", basic("ssda.manager"))
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString(csv)).build());
    }

    private static String basic(String username) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + StaffFixtures.PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> sorted(String csv) {
        return csv.lines().filter(l -> !l.isBlank()).sorted().toList();
    }
}
