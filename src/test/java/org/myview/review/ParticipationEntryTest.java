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

@MicronautTest(transactional = false)
@Property(name = "test.mutable-clock", value = "true")
class ParticipationEntryTest {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 10);

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext context;
    @Inject
    MutableClock clock;
    @Inject
    AuditTrail audit;

    long officerId;
    long otherOfficerId;
    WebClient officer;
    String csrf;

    @BeforeEach
    void setUp() {
        clock.set(Instant.parse("2026-03-10T10:00:00Z"));
        if (ReviewFixtures.count(context, "select count(*) from staff_account where username = 'entry.officer'") == 0) {
            StaffFixtures.account(context, "entry.officer", Role.REVIEWING_OFFICER);
            StaffFixtures.account(context, "entry.other", Role.REVIEWING_OFFICER);
            StaffFixtures.account(context, "entry.manager", Role.SERVICE_MANAGER);
        }
        officerId = ReviewFixtures.count(context, "select id from staff_account where username = 'entry.officer'");
        otherOfficerId = ReviewFixtures.count(context, "select id from staff_account where username = 'entry.other'");
        officer = new WebClient(server.getURI());
        csrf = StaffFixtures.signIn(officer, "entry.officer");
    }

    @Test
    void anOfficerFindsAnOverdueReviewAndRecordsItThenChangesItAndThePageShowsWhoChangedWhat() {
        long child = ReviewFixtures.child(context, "ENT001", "Pebble", LocalDate.of(2014, 5, 1));
        long review = ReviewFixtures.review(context, child, "CLA", TODAY.minusDays(5), officerId);

        WebClient.Page list = officer.get("/reviews");
        assertEquals(200, list.status());
        assertTrue(list.body().contains("Pebble"));
        assertTrue(list.body().contains("5 days"), "how many days overdue");
        assertEquals(List.of(), HtmlChecker.errors(list.body()));

        WebClient.Page page = officer.get("/reviews/" + review);
        assertTrue(page.body().contains("ENT001"));
        assertTrue(page.body().contains("11 years old"), "age on the review date");
        assertTrue(page.body().contains("CLA review"));
        assertEquals(List.of(), HtmlChecker.errors(page.body()));

        WebClient.Page form = officer.get("/reviews/" + review + "/participation");
        assertFalse(form.body().contains("value=\"PN0\""), "PN0 is not offered at 11");
        assertTrue(form.body().contains("value=\"PN7\""));
        assertEquals(List.of(), HtmlChecker.errors(form.body()));

        WebClient.Page saved = officer.post("/reviews/" + review + "/participation", "_csrf", csrf, "code", "PN5",
                "advocate", "NYAS", "viewsReachedBy", "ADVOCATE");
        assertEquals(303, saved.status());
        assertFalse(toRecord(officer.get("/reviews")).contains("/reviews/" + review + "\""), "no longer waiting to be recorded");

        officer.post("/reviews/" + review + "/participation", "_csrf", csrf, "code", "PN6", "advocate", "NONE",
                "viewsReachedBy", "CONSULTATION_FORM");
        WebClient.Page after = officer.get("/reviews/" + review + "?saved=1");
        assertTrue(after.body().contains("Changed PN5 to PN6"));
        assertTrue(after.body().contains("Test entry.officer"));
        assertTrue(after.body().contains("A consultation form"));

        List<AuditAction> actions = audit.search("entry.officer", "ENT001", null, null, 10).stream().map(AuditEvent::action).toList();
        assertTrue(actions.containsAll(List.of(AuditAction.PARTICIPATION_RECORDED, AuditAction.PARTICIPATION_CHANGED)));
    }

    private static String toRecord(WebClient.Page list) {
        String body = list.body();
        return body.substring(body.indexOf("id=\"to-record\""), body.indexOf("Upcoming reviews"));
    }

    @Test
    void pn0IsTheOnlyChoiceUnderFourAndTheFourthBirthdayCountsAsFour() {
        long baby = ReviewFixtures.child(context, "ENT002", "Sprout", TODAY.minusYears(4).plusDays(1));
        long birthday = ReviewFixtures.child(context, "ENT003", "Comet", TODAY.minusYears(4));
        long babyReview = ReviewFixtures.review(context, baby, "CP_REVIEW", TODAY, officerId);
        long birthdayReview = ReviewFixtures.review(context, birthday, "CP_REVIEW", TODAY, officerId);

        WebClient.Page babyForm = officer.get("/reviews/" + babyReview + "/participation");
        assertTrue(babyForm.body().contains("value=\"PN0\""));
        assertFalse(babyForm.body().contains("value=\"PN1\""));
        WebClient.Page birthdayForm = officer.get("/reviews/" + birthdayReview + "/participation");
        assertFalse(birthdayForm.body().contains("value=\"PN0\""), "four today: PN0 not offered");

        WebClient.Page wrongForBaby = officer.post("/reviews/" + babyReview + "/participation", "_csrf", csrf, "code", "PN1", "advocate", "NONE");
        assertEquals(422, wrongForBaby.status());
        assertTrue(wrongForBaby.body().contains("The child was under 4 on the review date"));
        WebClient.Page wrongOnBirthday = officer.post("/reviews/" + birthdayReview + "/participation", "_csrf", csrf, "code", "PN0", "advocate", "NONE");
        assertEquals(422, wrongOnBirthday.status());
        assertTrue(wrongOnBirthday.body().contains("The child was 4 or over on the review date"));
        assertTrue(wrongOnBirthday.body().contains("<title>Error: "));
        assertEquals(List.of(), HtmlChecker.errors(wrongOnBirthday.body()));
        assertEquals(0, ReviewFixtures.count(context, "select count(*) from review_participation where review_id in ("
                + babyReview + "," + birthdayReview + ")"), "nothing saved");
    }

    @Test
    void aFutureReviewCannotBeRecordedAndNothingChosenIsExplained() {
        long child = ReviewFixtures.child(context, "ENT004", "Juniper", LocalDate.of(2012, 1, 1));
        long future = ReviewFixtures.review(context, child, "CIN", TODAY.plusDays(3), officerId);
        long past = ReviewFixtures.review(context, child, "CIN", TODAY.minusDays(1), officerId);

        WebClient.Page futurePost = officer.post("/reviews/" + future + "/participation", "_csrf", csrf, "code", "PN1", "advocate", "NONE");
        assertEquals(422, futurePost.status());
        assertTrue(futurePost.body().contains("The review date is in the future"));

        WebClient.Page nothing = officer.post("/reviews/" + past + "/participation", "_csrf", csrf, "advocate", "NONE");
        assertEquals(422, nothing.status());
        assertTrue(nothing.body().contains("href=\"#code\">Select how the child took part"));

        WebClient.Page noAdvocate = officer.post("/reviews/" + past + "/participation", "_csrf", csrf, "code", "PN5", "advocate", "NONE");
        assertTrue(noAdvocate.body().contains("select NYAS or another advocate"));
    }

    @Test
    void anOfficerTicksTwoWaysTheViewsReachedTheReviewAndBothAreKeptOrNoneAtAll() {
        long child = ReviewFixtures.child(context, "ENT010", "Thistle", LocalDate.of(2013, 6, 6));
        long review = ReviewFixtures.review(context, child, "CLA", TODAY.minusDays(2), officerId);

        WebClient.Page two = officer.post("/reviews/" + review + "/participation", "_csrf", csrf, "code", "PN2", "advocate", "NYAS",
                "viewsReachedBy", "SPOKE", "viewsReachedBy", "ADVOCATE");
        assertEquals(303, two.status());
        WebClient.Page page = officer.get("/reviews/" + review + "/participation");
        assertTrue(page.body().matches("(?s).*value=\"SPOKE\"[^>]*checked.*"),
                "the child spoke: ticked again when the form opens");
        assertTrue(page.body().matches("(?s).*value=\"ADVOCATE\"[^>]*checked.*"), "an advocate: ticked again when the form opens");
        assertFalse(page.body().matches("(?s).*value=\"OTHER_MEDIUM\"[^>]*checked.*"), "not ticked");

        WebClient.Page wrong = officer.post("/reviews/" + review + "/participation", "_csrf", csrf, "code", "PN2", "advocate", "NYAS",
                "viewsReachedBy", "SPOKE", "viewsReachedBy", "CARRIER_PIGEON");
        assertEquals(422, wrong.status());
        assertTrue(wrong.body().contains("href=\"#viewsReachedBy\">Select ways the views reached the review from the list"));
        assertTrue(wrong.body().matches("(?s).*value=\"SPOKE\"[^>]*checked.*"), "what was ticked stays ticked");
        assertEquals(List.of(), HtmlChecker.errors(wrong.body()));

        assertEquals(303, officer.post("/reviews/" + review + "/participation", "_csrf", csrf, "code", "PN1", "advocate", "NONE").status());
        assertFalse(officer.get("/reviews/" + review + "/participation").body().matches("(?s).*value=\"(SPOKE|ADVOCATE)\"[^>]*checked.*"),
                "no box ticked: none kept");
        assertEquals(0, ReviewFixtures.count(context, "select coalesce(cardinality(views_reached_by), 0) from review_participation where review_id = "
                + review));
    }

    @Test
    void anOfficerSeesOnlyTheirOwnReviewsAndTheManagerSeesEveryone() {
        long child = ReviewFixtures.child(context, "ENT005", "Quasar", LocalDate.of(2013, 2, 2));
        long theirs = ReviewFixtures.review(context, child, "CLA", TODAY.minusDays(2), otherOfficerId);

        assertFalse(officer.get("/reviews").body().contains("Quasar"), "not in my list");
        assertEquals(404, officer.get("/reviews/" + theirs).status());
        assertEquals(404, officer.get("/reviews/" + theirs + "/participation").status());
        assertEquals(404, officer.post("/reviews/" + theirs + "/participation", "_csrf", csrf, "code", "PN1", "advocate", "NONE").status());

        WebClient manager = new WebClient(server.getURI());
        StaffFixtures.signIn(manager, "entry.manager");
        assertTrue(manager.get("/reviews").body().contains("Quasar"));
        assertEquals(200, manager.get("/reviews/" + theirs).status());
        assertFalse(manager.get("/reviews?officer=entry.officer").body().contains("Quasar"), "the officer filter works");
    }

    @Test
    void theManagerAddsAReviewForANewChildThenTheOfficerAddsTheNextOne() {
        WebClient manager = new WebClient(server.getURI());
        String managerCsrf = StaffFixtures.signIn(manager, "entry.manager");
        WebClient.Page created = manager.post("/reviews", "_csrf", managerCsrf, "caseReference", "NEW001", "firstName", "Bramble",
                "dob-day", "3", "dob-month", "4", "dob-year", "2015", "type", "CLA", "date-day", "20", "date-month", "3", "date-year", "2026",
                "officer", "entry.officer");
        assertEquals(303, created.status());
        assertTrue(officer.get(created.location()).body().contains("Bramble"), "the officer holds the review, so the child is in their caseload");

        WebClient.Page form = officer.get("/reviews/new");
        assertEquals(List.of(), HtmlChecker.errors(form.body()));
        assertTrue(form.body().contains("children in your caseload"));
        WebClient.Page next = officer.post("/reviews", "_csrf", csrf, "caseReference", "new001", "firstName", "",
                "type", "CLA", "date-day", "20", "date-month", "9", "date-year", "2026");
        assertEquals(303, next.status(), "a child of the officer's caseload needs no name or date of birth");
        assertTrue(officer.get(next.location()).body().contains("Bramble"));

        WebClient.Page contradicts = officer.post("/reviews", "_csrf", csrf, "caseReference", "NEW001", "firstName", "",
                "dob-day", "4", "dob-month", "4", "dob-year", "2015", "type", "CLA", "date-day", "20", "date-month", "12", "date-year", "2026");
        assertEquals(422, contradicts.status());
        assertTrue(contradicts.body().contains("does not match the one MyView holds"));

        WebClient.Page bad = officer.post("/reviews", "_csrf", csrf, "caseReference", "", "type", "CLA",
                "date-day", "31", "date-month", "2", "date-year", "2026");
        assertEquals(422, bad.status());
        assertTrue(bad.body().contains("href=\"#caseReference\""));
        assertTrue(bad.body().contains("href=\"#date-day\">Enter a real date for the review"));
        assertEquals(List.of(), HtmlChecker.errors(bad.body()));
    }

    @Test
    void anOfficerCannotAddAChildMyViewDoesNotKnowButTheManagerCanAssignOne() {
        WebClient.Page refused = officer.post("/reviews", "_csrf", csrf, "caseReference", "NEW002", "firstName", "Tansy",
                "dob-day", "3", "dob-month", "4", "dob-year", "2015", "type", "CLA", "date-day", "20", "date-month", "3", "date-year", "2026");
        assertEquals(422, refused.status());
        assertTrue(refused.body().contains("no child with this case reference in your caseload"));
        assertEquals(0, ReviewFixtures.count(context, "select count(*) from child where case_reference = 'NEW002'"));

        long child = ReviewFixtures.child(context, "ENT009", "Sorrel", LocalDate.of(2012, 1, 1));
        ReviewFixtures.review(context, child, "CLA", TODAY.minusDays(100), otherOfficerId);
        WebClient manager = new WebClient(server.getURI());
        String managerCsrf = StaffFixtures.signIn(manager, "entry.manager");
        assertEquals(List.of(), HtmlChecker.errors(manager.get("/caseloads").body()));
        WebClient.Page unknown = manager.post("/caseloads", "_csrf", managerCsrf, "caseReference", "NOPE99", "officer", "entry.officer");
        assertEquals(422, unknown.status());
        assertEquals(List.of(), HtmlChecker.errors(unknown.body()));
        WebClient.Page assigned = manager.post("/caseloads", "_csrf", managerCsrf, "caseReference", "ENT009", "officer", "entry.officer");
        assertEquals(303, assigned.status());
        assertTrue(manager.get(assigned.location()).body().contains("in the officer’s caseload"));
        assertTrue(audit.search("entry.manager", "ENT009", null, null, 10).stream().anyMatch(e -> e.action() == AuditAction.CHILD_ASSIGNED));

        WebClient.Page added = officer.post("/reviews", "_csrf", csrf, "caseReference", "ENT009", "type", "CLA",
                "date-day", "20", "date-month", "3", "date-year", "2026");
        assertEquals(303, added.status(), "an assigned child is in the officer's caseload");
    }
}
