package org.myview.received;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.myview.staff.Role;
import org.myview.support.HtmlChecker;
import org.myview.support.MutableClock;
import org.myview.support.ReviewFixtures;
import org.myview.support.StaffFixtures;
import org.myview.support.WebClient;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An officer records on the review page that a child's views came another way (a paper booklet), with GOV.UK
 * errors that change nothing on bad input; changes and removes it, each audited without personal words; another
 * officer's review answers 404 exactly as the review page does.
 */
@MicronautTest(transactional = false)
@Property(name = "test.mutable-clock", value = "true")
class ViewsReceivedTest {

    static final LocalDate REVIEW_DATE = LocalDate.of(2026, 3, 20);

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext context;
    @Inject
    MutableClock clock;

    static int children;

    record Setup(long reviewId, WebClient officer, String csrf) {
    }

    @BeforeEach
    void setUp() {
        clock.set(Instant.parse("2026-03-25T10:00:00Z")); // the review was on 20 March
    }

    private Setup review(String officer) {
        long officerId = ReviewFixtures.count(context, "select count(*) from staff_account where username = '" + officer + "'") == 0
                ? StaffFixtures.account(context, officer, Role.REVIEWING_OFFICER)
                : ReviewFixtures.count(context, "select id from staff_account where username = '" + officer + "'");
        long child = ReviewFixtures.child(context, "VR" + (++children), "Robin", LocalDate.of(2015, 5, 1));
        long review = ReviewFixtures.review(context, child, "CLA", REVIEW_DATE, officerId);
        WebClient client = new WebClient(server.getURI());
        return new Setup(review, client, StaffFixtures.signIn(client, officer));
    }

    private long stored(long reviewId) {
        return ReviewFixtures.count(context, "select count(*) from views_received where review_id = " + reviewId);
    }

    private long audited(long reviewId, String action) {
        return ReviewFixtures.count(context, "select count(*) from audit_event where action = '" + action + "' and review_id = " + reviewId);
    }

    @Test
    void theReviewPageOffersItAndTheFormAsksHowAndWhen() {
        Setup setup = review("vr.officer");
        WebClient.Page page = setup.officer().get("/reviews/" + setup.reviewId());
        assertEquals(200, page.status());
        assertTrue(page.body().contains("id=\"views-received\""), "the review page has the section");
        assertTrue(page.body().contains("Views received another way"));
        assertTrue(page.body().contains("href=\"/reviews/" + setup.reviewId() + "/views-received\""), "a link to record");

        WebClient.Page form = setup.officer().get("/reviews/" + setup.reviewId() + "/views-received");
        assertEquals(200, form.status());
        assertEquals(List.of(), HtmlChecker.errors(form.body()));
        for (String words : List.of("Paper My Review My View booklet", "Completed with a worker", "Another app", "A letter or a drawing",
                "Date received", "name=\"received-day\"", "name=\"received-month\"", "name=\"received-year\"")) {
            assertTrue(form.body().contains(words), words);
        }
        assertFalse(form.body().contains("checked"), "nothing is chosen for the officer");
    }

    @Test
    void badInputIs422WithTheErrorsAndStoresNothing() {
        Setup setup = review("vr.officer");
        String path = "/reviews/" + setup.reviewId() + "/views-received";
        String[][] bad = {
                {"", "", "", "", "Choose how the child’s views came", "Enter the date the views were received"},
                {"PAPER_BOOKLET", "31", "2", "2026", "Date received must be a real date", null},
                {"PAPER_BOOKLET", "26", "3", "2026", "Date received must be today or in the past", null}, // tomorrow
                {"PAPER_BOOKLET", "19", "3", "2025", "no more than a year before the review date", null},
                {"BY_PIGEON", "20", "3", "2026", "Choose how the child’s views came", null},
                {"PAPER_BOOKLET", "x", "3", "2026", "Date received must be a real date", null},
        };
        for (String[] b : bad) {
            WebClient.Page page = setup.officer().post(path, "_csrf", setup.csrf(), "channel", b[0], "received-day", b[1],
                    "received-month", b[2], "received-year", b[3]);
            assertEquals(422, page.status(), String.join(",", b));
            assertTrue(page.body().contains("<title>Error:"), "the title says Error");
            assertTrue(page.body().contains("govuk-error-summary"));
            assertTrue(page.body().contains(b[4]), b[4]);
            if (b[5] != null) {
                assertTrue(page.body().contains(b[5]), b[5]);
            }
            assertTrue(page.body().contains("value=\"" + b[3] + "\""), "the answers are kept");
            assertEquals(List.of(), HtmlChecker.errors(page.body()));
        }
        assertEquals(0, stored(setup.reviewId()));
        assertEquals(0, audited(setup.reviewId(), "VIEWS_RECEIVED_RECORDED"));
    }

    @Test
    void aPaperBookletIsRecordedShownChangedAndRemovedEachAudited() {
        Setup setup = review("vr.officer");
        String path = "/reviews/" + setup.reviewId() + "/views-received";
        WebClient.Page saved = setup.officer().post(path, "_csrf", setup.csrf(), "channel", "PAPER_BOOKLET", "received-day", "18",
                "received-month", "3", "received-year", "2026");
        assertEquals(303, saved.status());
        assertEquals("/reviews/" + setup.reviewId() + "#views-received", saved.location());
        assertEquals(1, stored(setup.reviewId()));
        assertEquals(1, ReviewFixtures.count(context, "select count(*) from views_received where channel = 'PAPER_BOOKLET' and received_on = "
                + "'2026-03-18' and review_id = " + setup.reviewId()));
        assertEquals(1, audited(setup.reviewId(), "VIEWS_RECEIVED_RECORDED"));
        assertEquals(0, ReviewFixtures.count(context, "select count(*) from audit_event where review_id = " + setup.reviewId()
                + " and action like 'VIEWS_RECEIVED%' and (cast(detail as text) like '%Robin%' or cast(detail as text) like '%booklet%')"),
                "codes only in the audit, never words");

        WebClient.Page participation = setup.officer().get("/reviews/" + setup.reviewId() + "/participation");
        assertTrue(participation.body().contains("The child’s views came another way"), "a hint where the officer records participation");
        WebClient.Page page = setup.officer().get("/reviews/" + setup.reviewId());
        assertTrue(page.body().contains("Paper My Review My View booklet"), "the review page shows what came");
        assertTrue(page.body().contains("18 March 2026"));
        assertTrue(page.body().contains("/views-received/remove"), "with a remove button");
        assertFalse(page.body().contains("does not count as completed before the review"));

        // Changed: still one per review; the form shows what is recorded.
        WebClient.Page again = setup.officer().get(path);
        assertTrue(again.body().matches("(?s).*value=\"PAPER_BOOKLET\"[^>]*checked.*"), "the recorded channel is chosen");
        assertEquals(303, setup.officer().post(path, "_csrf", setup.csrf(), "channel", "LETTER_OR_DRAWING", "received-day", "22",
                "received-month", "3", "received-year", "2026").status());
        assertEquals(1, stored(setup.reviewId()));
        assertEquals(1, ReviewFixtures.count(context, "select count(*) from views_received where channel = 'LETTER_OR_DRAWING' and review_id = "
                + setup.reviewId()));
        assertEquals(2, audited(setup.reviewId(), "VIEWS_RECEIVED_RECORDED"));
        assertTrue(setup.officer().get("/reviews/" + setup.reviewId()).body().contains("does not count as completed before the review"),
                "received after the review date: the page says it does not count");

        WebClient.Page removed = setup.officer().post(path + "/remove", "_csrf", setup.csrf());
        assertEquals(303, removed.status());
        assertEquals(0, stored(setup.reviewId()));
        assertEquals(1, audited(setup.reviewId(), "VIEWS_RECEIVED_REMOVED"));
        assertTrue(setup.officer().get("/reviews/" + setup.reviewId()).body().contains("Record views received another way"));
        // Removing again changes nothing and audits nothing.
        assertEquals(303, setup.officer().post(path + "/remove", "_csrf", setup.csrf()).status());
        assertEquals(1, audited(setup.reviewId(), "VIEWS_RECEIVED_REMOVED"));
    }

    @Test
    void anotherOfficersReviewIsNotFoundAsTheReviewPageIsAndTheManagerMayRecord() {
        Setup mine = review("vr.mine");
        Setup theirs = review("vr.theirs");
        String path = "/reviews/" + theirs.reviewId() + "/views-received";
        assertEquals(404, mine.officer().get("/reviews/" + theirs.reviewId()).status(), "as the review page");
        assertEquals(404, mine.officer().get(path).status());
        assertEquals(404, mine.officer().post(path, "_csrf", mine.csrf(), "channel", "PAPER_BOOKLET", "received-day", "18",
                "received-month", "3", "received-year", "2026").status());
        assertEquals(404, mine.officer().post(path + "/remove", "_csrf", mine.csrf()).status());
        assertEquals(0, stored(theirs.reviewId()));

        StaffFixtures.account(context, "vr.manager", Role.SERVICE_MANAGER);
        WebClient manager = new WebClient(server.getURI());
        String csrf = StaffFixtures.signIn(manager, "vr.manager");
        assertEquals(303, manager.post(path, "_csrf", csrf, "channel", "WITH_WORKER", "received-day", "18",
                "received-month", "3", "received-year", "2026").status());
        assertEquals(1, stored(theirs.reviewId()));

        StaffFixtures.account(context, "vr.lead", Role.PARTICIPATION_LEAD);
        WebClient lead = new WebClient(server.getURI());
        StaffFixtures.signIn(lead, "vr.lead");
        assertEquals(403, lead.get(path).status(), "only those who record participation");
    }
}
