package org.myview.parent;

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
import org.myview.support.StaffFixtures;
import org.myview.support.WebClient;

import java.net.http.HttpRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The participation lead enters and imports plans, starts a round, and reads the results; the manager reads them too. */
@MicronautTest(transactional = false)
@Property(name = "test.mutable-clock", value = "true")
@Property(name = "myview.notify.sender-enabled", value = "false")
@Property(name = "myview.parent.jobs-enabled", value = "false")
class ParentStaffPagesTest {

    @Inject
    ApplicationContext context;
    @Inject
    EmbeddedServer server;
    @Inject
    MutableClock clock;
    @Inject
    ParentFormService forms;

    private WebClient lead;
    private String csrf;

    @BeforeEach
    void signIn() {
        clock.set(Instant.parse("2026-11-30T12:00:00Z"));
        ParentFixtures.clear(context);
        if (ReviewFixtures.count(context, "select count(*) from staff_account where username = 'pages.lead'") == 0) {
            StaffFixtures.account(context, "pages.lead", Role.PARTICIPATION_LEAD);
            StaffFixtures.account(context, "pages.manager", Role.SERVICE_MANAGER);
        }
        lead = new WebClient(server.getURI());
        csrf = StaffFixtures.signIn(lead, "pages.lead");
    }

    @Test
    void theLeadAddsAPlanAndIsToldPlainlyWhatIsWrongFirst() {
        WebClient.Page wrong = lead.post("/parent/plans", "_csrf", csrf, "planReference", "CP/1", "planType", "CP",
                "startDate", "31/2/2026", "childReferences", "", "parentName", "Sam", "email", "not-an-email", "language", "en");
        assertEquals(422, wrong.status());
        assertTrue(wrong.body().contains("<title>Error: Add a plan"));
        assertTrue(wrong.body().contains("Enter a real date, like 27/3/2026"));
        assertTrue(wrong.body().contains("Enter the case reference of at least one child"));
        assertTrue(wrong.body().contains("Enter an email address like name@example.com"));
        assertTrue(wrong.body().contains("value=\"Sam\""), "answers kept");
        assertEquals(0, ReviewFixtures.count(context, "select count(*) from parent_plan"));

        WebClient.Page saved = lead.post("/parent/plans", "_csrf", csrf, "planReference", "CP/1", "planType", "CP",
                "startDate", "1/8/2026", "childReferences", "A1, A2", "parentName", "Sam", "email", "sam@example.org",
                "mobile", "07700 900 982", "language", "pl");
        assertEquals(303, saved.status());
        WebClient.Page list = lead.get(saved.location());
        assertTrue(list.body().contains("The plan has been saved."));
        assertTrue(list.body().contains("A1, A2"));
        assertEquals(1, ReviewFixtures.count(context, "select count(*) from parent_contact where mobile = '07700900982' and language = 'pl'"));

        WebClient.Page rounds = lead.get("/parent/rounds");
        assertTrue(rounds.body().contains("CP/1"), "due: open 4 months");
        assertTrue(rounds.body().contains("Start the first round"));
        WebClient.Page started = lead.post("/parent/rounds", "_csrf", csrf);
        assertEquals(303, started.status());
        WebClient.Page after = lead.get(started.location());
        assertTrue(after.body().contains("Links for 1 parents are being sent."));
        assertTrue(after.body().contains("Round 1 started on"));
        assertTrue(lead.get("/notify/outbox").body().contains("sam@example.org"), "queued, shown on the messages page");
    }

    @Test
    void anImportWithAnyBadRowImportsNothingAndListsEveryProblem() {
        String bad = "plan_reference,plan_type,start_date,end_date,child_references,parent_name,email,mobile,language\n"
                + "P1,CP,2026-08-01,,C1;C2,Alex,alex@example.org,,en\n"
                + "P2,XX,2026-08-01,,C3,Bo,,12345,en\n"
                + "P3,CIN,2026-13-01,,C4,,cam@example.org,,en\n";
        WebClient.Page refused = upload(bad);
        assertEquals(422, refused.status());
        assertTrue(refused.body().contains("Nothing was imported: 4 problems"), refused.body());
        assertTrue(refused.body().contains("Line 3, plan_type: Choose the type of plan: CP or CIN"));
        assertTrue(refused.body().contains("Line 3, mobile: Enter a UK mobile number"));
        assertTrue(refused.body().contains("Line 4, start_date: Enter a real date"));
        assertTrue(refused.body().contains("Line 4, parent_name: Enter the name to greet the parent by"));
        assertEquals(0, ReviewFixtures.count(context, "select count(*) from parent_plan"));

        String good = "plan_reference,plan_type,start_date,end_date,child_references,parent_name,email,mobile,language\n"
                + "P1,CP,2026-08-01,,C1;C2,Alex,alex@example.org,,en\n"
                + "P1,CP,2026-08-01,,C1;C2,Sam,,07700900982,cy\n"
                + "P2,CIN,1/9/2026,,C3,Bo,bo@example.org,,en\n";
        WebClient.Page imported = upload(good);
        assertEquals(200, imported.status());
        assertTrue(imported.body().contains("3 rows imported: 2 new plans, 3 parents added."), imported.body());
        assertEquals(3, ReviewFixtures.count(context, "select count(*) from parent_contact"));
        assertEquals(2, ReviewFixtures.count(context, "select count(*) from parent_plan_child c join parent_plan p on p.id = c.plan_id "
                + "where p.plan_reference = 'P1'"), "C1 and C2 on P1");
        assertTrue(upload(good).body().contains("3 rows imported: 0 new plans, 0 parents added."), "importing the same file again adds nothing");
        assertEquals(2, ReviewFixtures.count(context, "select count(*) from audit_event where action = 'PARENT_PLANS_IMPORTED' and detail->>'source' = 'IMPORT'"));
    }

    @Test
    void theManagerSeesResponseRatesTheBaselineAndFollowUpsAndTheExportIsAudited() {
        for (int i = 0; i < 4; i++) {
            ParentFixtures.plan(context, "RES" + i, LocalDate.of(2026, 8, 1), null, "Parent " + i, "res" + i + "@example.org");
        }
        context.getBean(RoundService.class).sendToDuePlans(ParentFixtures.lead(context));
        List<Long> ids = List.of(id("res0"), id("res1"), id("res2"));
        answer(ids.get(0), "YES", "YES");
        answer(ids.get(1), "NO", "PARTLY");
        answer(ids.get(2), "NO", null);

        WebClient manager = new WebClient(server.getURI());
        StaffFixtures.signIn(manager, "pages.manager");
        WebClient.Page page = manager.get("/parent/results");
        assertEquals(200, page.status());
        String body = page.body().replaceAll("\\s+", " ");
        assertTrue(body.contains("<td class=\"govuk-table__cell govuk-table__cell--numeric\">4</td> "
                + "<td class=\"govuk-table__cell govuk-table__cell--numeric\">3</td> "
                + "<td class=\"govuk-table__cell govuk-table__cell--numeric\">75%</td> "
                + "<td class=\"govuk-table__cell govuk-table__cell--numeric\">33%</td> "
                + "<td class=\"govuk-table__cell govuk-table__cell--numeric\">50%</td>"), body);
        assertFalse(body.contains("res0@example.org"), "no contact details in results");

        WebClient.Page csv = manager.get("/parent/results/export.csv");
        assertEquals(200, csv.status());
        assertTrue(csv.header("Content-Type").startsWith("text/csv"));
        assertTrue(csv.body().startsWith("round,ask,plan_type,answered_on,understand_why"));
        assertEquals(4, csv.body().split("\r\n").length);
        assertFalse(csv.body().contains("@example.org"));
        assertEquals(1, ReviewFixtures.count(context, "select count(*) from audit_event where action = 'PARENT_RESULTS_EXPORTED' "
                + "and actor_username = 'pages.manager'"));
        assertEquals(403, manager.get("/parent/rounds").status(), "the manager reads results but does not run rounds");
    }

    @Test
    void thePrivacyNoticeStatesTheConfiguredRetentionPeriods() {
        String body = new WebClient(server.getURI()).get("/privacy").body();
        assertTrue(body.contains("deleted 90 days after their child’s plan ends"), body);
        assertTrue(body.contains("stops working after 28 days"));
    }

    private long id(String emailStart) {
        return ReviewFixtures.count(context, "select i.id from parent_invitation i join parent_contact k on k.id = i.contact_id "
                + "where k.email like '" + emailStart + "@%'");
    }

    private void answer(long invitation, String understand, String know) {
        forms.answer(invitation, ParentQuestions.FIRST.get(0), List.of(understand), null);
        if (know != null) {
            forms.answer(invitation, ParentQuestions.FIRST.get(1), List.of(know), null);
        }
        forms.submit(invitation);
    }

    private WebClient.Page upload(String csv) {
        String boundary = "parentimport";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"plans.csv\"\r\nContent-Type: text/csv\r\n\r\n"
                + csv + "\r\n--" + boundary + "--\r\n";
        return lead.send(lead.request("/parent/plans/import").header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Origin", server.getURI().toString().replaceAll("/$", ""))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }
}
