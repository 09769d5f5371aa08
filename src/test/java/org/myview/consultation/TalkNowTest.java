package org.myview.consultation;

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

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "I want to talk to someone now" as a closed loop, with a duty inbox and an out-of-hours inbox configured:
 * the child is asked first, the officer and the duty inbox each get one message holding only the concern's
 * link, opening pages never closes it, a recorded contact does, and an unanswered one escalates once per period.
 * The sender and the escalation job are off: the test reads the outbox and drives escalation with the clock.
 */
@MicronautTest(transactional = false)
@Property(name = "test.mutable-clock", value = "true")
@Property(name = "myview.notify.sender-enabled", value = "false")
@Property(name = "myview.talk-now.escalation-enabled", value = "false")
@Property(name = "myview.parent.jobs-enabled", value = "false")
@Property(name = "myview.notify.public-url", value = "https://myview.example.org/")
@Property(name = "myview.talk-now.duty-inbox", value = "duty@example.org")
@Property(name = "myview.talk-now.out-of-hours-inbox", value = "ooh@example.org")
class TalkNowTest {

    /** A Tuesday, 10:00 in London (GMT): the office is open. */
    static final Instant OFFICE_HOURS = Instant.parse("2026-03-10T10:00:00Z");
    static final String MESSAGE = "LEAKCANARY please ring after school";

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext context;
    @Inject
    MutableClock clock;
    @Inject
    ConcernService concerns;

    static int children;

    @BeforeEach
    void setUp() {
        clock.set(OFFICE_HOURS);
    }

    private ConsultationTestSupport.Setup review(String officer) {
        ConsultationTestSupport.Setup setup = ConsultationTestSupport.reviewFor(context, server.getURI(), officer, "TALK" + (++children),
                LocalDate.of(2014, 6, 1), LocalDate.of(2026, 3, 20));
        ReviewFixtures.execute(context, "update staff_account set email = '" + officer + "@example.org' where id = " + setup.officerId());
        return setup;
    }

    private WebClient child(ConsultationTestSupport.Setup setup) {
        WebClient child = new WebClient(server.getURI());
        assertEquals(303, child.get(ConsultationTestSupport.createLink(setup)).status());
        return child;
    }

    private long count(String sql) {
        return ReviewFixtures.count(context, sql);
    }

    private long concernOf(ConsultationTestSupport.Setup setup) {
        return count("select id from consultation_concern where review_id = " + setup.reviewId());
    }

    private long messages(long concernId, String template, String to) {
        return count("select count(*) from notification_outbox where subject_type = 'consultation_concern' and subject_id = " + concernId
                + " and template_key = '" + template + "' and channel = 'EMAIL' and recipient = '" + to + "'"
                + " and personalisation = jsonb_build_object('link', 'https://myview.example.org/concerns/" + concernId + "')");
    }

    private long allMessages(long concernId) {
        return count("select count(*) from notification_outbox where subject_type = 'consultation_concern' and subject_id = " + concernId);
    }

    private WebClient.Page raise(WebClient child, String... choices) {
        String[] pairs = new String[choices.length + 2];
        pairs[0] = "_csrf";
        pairs[1] = child.get("/consultation/q/1").inputValue("_csrf");
        System.arraycopy(choices, 0, pairs, 2, choices.length);
        return child.post("/consultation/talk", pairs);
    }

    @Test
    void theChildIsAskedFirstThenTheOfficerAndTheDutyInboxEachGetOneMessageWithOnlyTheConcernLink() {
        ConsultationTestSupport.Setup setup = review("talk.officer");
        WebClient child = child(setup);
        assertTrue(child.get("/consultation/q/2").body().contains("href=\"/consultation/talk\""), "the button on every page is a link to the question");

        WebClient.Page ask = child.get("/consultation/talk");
        assertEquals(200, ask.status());
        assertTrue(ask.body().contains("Do you want someone to contact you today?"), ask.body());
        assertTrue(ask.body().contains("Test talk.officer, and the duty team"));
        assertTrue(ask.body().contains("href=\"tel:999\""));
        assertTrue(ask.body().contains("href=\"tel:08001111\""));
        assertTrue(ask.body().contains("Exit this page"));
        assertEquals(0, count("select count(*) from consultation_concern where review_id = " + setup.reviewId()), "asking raises nothing");
        assertEquals(java.util.List.of(), org.myview.support.HtmlChecker.errors(ask.body()), "valid HTML");

        WebClient.Page raised = raise(child, "ways", "PHONE", "ways", "TEXT", "safeTime", "EVENING", "notThroughCarer", "yes", "message", MESSAGE);
        assertEquals(303, raised.status());
        assertEquals("/consultation/talk/done", raised.location());
        WebClient.Page done = child.get("/consultation/talk/done");
        assertTrue(done.body().contains("We have told your reviewing officer, Test talk.officer, and the duty team"), done.body());
        assertTrue(done.body().contains("Someone will contact you today."));
        assertTrue(done.body().contains("href=\"tel:999\""));
        assertEquals(java.util.List.of(), org.myview.support.HtmlChecker.errors(done.body()), "valid HTML");

        long id = concernOf(setup);
        assertEquals(1, count("select count(*) from consultation_concern where id = " + id + " and contact_ways = '{PHONE,TEXT}' "
                + "and safe_time = 'EVENING' and not_through_carer and message = '" + MESSAGE + "' and closed_at is null "
                + "and next_escalation_at = raised_at + interval '2 hours'"));
        assertEquals(1, messages(id, ConcernService.RAISED_TEMPLATE, "talk.officer@example.org"), "the officer: one message");
        assertEquals(1, messages(id, ConcernService.RAISED_TEMPLATE, "duty@example.org"), "the duty inbox: one message");
        assertEquals(2, allMessages(id), "in office hours the out-of-hours inbox is not told; nothing else is queued");
        assertEquals(0, count("select count(*) from notification_outbox where personalisation::text like '%LEAKCANARY%' "
                + "or personalisation::text like '%TALK%'"), "no message, name or case reference in any message");

        assertEquals(303, raise(child, "ways", "HOME").status(), "pressing again while it is open");
        assertEquals(1, count("select count(*) from consultation_concern where review_id = " + setup.reviewId()));
        assertEquals(2, allMessages(id), "raises and sends nothing more");
        assertEquals(303, child.get("/consultation/talk").status(), "and the question is not asked again while it is open");
    }

    @Test
    void aMessageTooLongIsTheOnlyProblemAndChangesNothing() {
        ConsultationTestSupport.Setup setup = review("talk.long");
        WebClient child = child(setup);
        WebClient.Page tooLong = raise(child, "ways", "SCHOOL", "message", "x".repeat(501), "ways", "NOT_A_WAY", "safeTime", "NEVER");
        assertEquals(422, tooLong.status());
        assertTrue(tooLong.body().contains("There is a problem"));
        assertTrue(tooLong.body().contains("Your message must be 500 characters or fewer"));
        assertTrue(tooLong.body().contains("<title>Error: "), "the title says so");
        assertTrue(tooLong.body().contains("value=\"SCHOOL\" checked"), "the choices are kept");
        assertEquals(0, count("select count(*) from consultation_concern where review_id = " + setup.reviewId()));

        assertEquals(303, raise(child, "ways", "SCHOOL", "ways", "NOT_A_WAY", "safeTime", "NEVER").status(), "no choice is required");
        assertEquals(1, count("select count(*) from consultation_concern where review_id = " + setup.reviewId()
                + " and contact_ways = '{SCHOOL}' and safe_time is null and message is null and not not_through_carer"));
    }

    @Test
    void openingTheReviewOrTheConcernLeavesItOpenAndARecordedContactClosesIt() {
        ConsultationTestSupport.Setup setup = review("talk.closing");
        raise(child(setup), "ways", "PHONE");
        long id = concernOf(setup);
        StaffFixtures.account(context, "talk.manager", Role.SERVICE_MANAGER);
        StaffFixtures.account(context, "talk.duty", Role.DUTY);
        StaffFixtures.account(context, "talk.other", Role.REVIEWING_OFFICER);
        WebClient manager = new WebClient(server.getURI());
        StaffFixtures.signIn(manager, "talk.manager");
        WebClient duty = new WebClient(server.getURI());
        String dutyCsrf = StaffFixtures.signIn(duty, "talk.duty");
        WebClient other = new WebClient(server.getURI());
        StaffFixtures.signIn(other, "talk.other");

        WebClient.Page reviewPage = manager.get("/reviews/" + setup.reviewId());
        assertTrue(reviewPage.body().contains("The child asked to talk to someone now"));
        assertTrue(reviewPage.body().contains("href=\"/concerns/" + id + "\""));
        assertEquals(200, manager.get("/concerns/" + id).status());
        assertEquals(200, setup.officer().get("/reviews/" + setup.reviewId()).status());
        WebClient.Page officerView = setup.officer().get("/concerns/" + id);
        assertEquals(200, officerView.status());
        assertTrue(officerView.body().contains("Phone call"));
        assertEquals(404, other.get("/concerns/" + id).status(), "another officer's child: as if it did not exist");
        assertNull(closedAt(id), "views by the manager and the officer leave it open");
        assertTrue(setup.officer().get("/reviews").body().contains("Children who asked to talk to someone now"),
                "still on the officer's review list");
        WebClient.Page list = duty.get("/concerns");
        assertTrue(list.body().contains("TALK" + children), list.body());
        assertTrue(list.body().contains("href=\"/concerns/" + id + "\""));

        WebClient.Page bad = duty.post("/concerns/" + id + "/contact", "_csrf", dutyCsrf, "contactedBy", "", "contacted-day", "31",
                "contacted-month", "2", "contacted-year", "2026", "time", "25:00", "how", "CARRIER_PIGEON", "note", "");
        assertEquals(422, bad.status());
        assertEquals(java.util.List.of(), org.myview.support.HtmlChecker.errors(bad.body()), "valid HTML");
        for (String problem : new String[] {"Enter who contacted the child", "Enter the date of the contact as numbers",
                "Choose how the child was contacted", "Choose what happened", "Enter a note"}) {
            assertTrue(bad.body().contains(problem), problem);
        }
        WebClient.Page future = duty.post("/concerns/" + id + "/contact", "_csrf", dutyCsrf, "contactedBy", "Duty worker",
                "contacted-day", "10", "contacted-month", "3", "contacted-year", "2026", "time", "11:30", "how", "PHONE",
                "result", "SPOKE", "note", "Spoke");
        assertEquals(422, future.status());
        assertTrue(future.body().contains("The contact must be after the child asked and not in the future"));
        assertEquals(0, count("select count(*) from consultation_concern_contact where concern_id = " + id));

        clock.advance(Duration.ofMinutes(20)); // within the staff session's idle timeout
        assertEquals("/concerns/" + id + "#contacts", duty.post("/concerns/" + id + "/contact", "_csrf", dutyCsrf, "contactedBy", "Duty worker",
                "contacted-day", "10", "contacted-month", "3", "contacted-year", "2026", "time", "10:12", "how", "PHONE",
                "result", "NOT_REACHED", "note", "No answer").location());
        assertNull(closedAt(id), "could not reach: it stays open");
        assertEquals("/concerns/" + id + "#contacts", duty.post("/concerns/" + id + "/contact", "_csrf", dutyCsrf, "contactedBy", "Duty worker",
                "contacted-day", "10", "contacted-month", "3", "contacted-year", "2026", "time", "10:18", "how", "PHONE",
                "result", "SPOKE", "note", "Spoke with the child; the social worker visits today").location());
        assertNotNull(closedAt(id), "spoken to: closed");
        assertEquals(java.util.List.of(), org.myview.support.HtmlChecker.errors(duty.get("/concerns").body()), "valid HTML");
        WebClient.Page closed = duty.get("/concerns/" + id);
        assertEquals(java.util.List.of(), org.myview.support.HtmlChecker.errors(closed.body()), "valid HTML");
        assertTrue(closed.body().contains("Closed"));
        assertTrue(closed.body().contains("Could not reach the child"));
        assertTrue(closed.body().contains("Spoke to the child"));
        assertFalse(closed.body().contains("Record a contact"), "no form once closed");
        assertFalse(setup.officer().get("/reviews").body().contains("TALK" + children + ": asked"), "gone from the officer's list");

        assertEquals(2, audit("CONSULTATION_CONCERN_CONTACT_RECORDED", id));
        assertTrue(audit("CONSULTATION_CONCERN_VIEWED", id) >= 4, "every view of the concern page is audited");
        assertTrue(count("select count(*) from audit_event where action = 'CONSULTATION_CONCERN_SEEN' and review_id = " + setup.reviewId()) >= 2,
                "every view of a review page showing it is audited");
        assertTrue(count("select count(*) from audit_event where action = 'CONSULTATION_CONCERNS_LISTED'") >= 1);
        assertEquals(1, audit("CONSULTATION_CONCERN_RAISED", id));

        clock.advance(Duration.ofHours(5));
        concerns.escalateDue();
        assertEquals(0, count("select count(*) from consultation_concern_escalation where concern_id = " + id), "a closed concern never escalates");
    }

    @Test
    void anUnansweredConcernIsSentOnOncePerPeriodToTheDutyInboxAndTheManagersUntilItIsClosed() {
        ConsultationTestSupport.Setup setup = review("talk.escalate");
        long managerId = StaffFixtures.account(context, "talk.escalation.manager", Role.SERVICE_MANAGER);
        ReviewFixtures.execute(context, "update staff_account set email = 'manager@example.org' where id = " + managerId);
        raise(child(setup));
        long id = concernOf(setup);

        clock.advance(Duration.ofMinutes(119));
        concerns.escalateDue();
        assertEquals(0, escalations(id), "not before two hours");
        clock.advance(Duration.ofMinutes(1));
        concerns.escalateDue();
        concerns.escalateDue();
        assertEquals(1, escalations(id), "at two hours, once however often the job runs");
        assertEquals(1, messages(id, ConcernService.ESCALATED_TEMPLATE, "duty@example.org"));
        assertEquals(1, messages(id, ConcernService.ESCALATED_TEMPLATE, "manager@example.org"));
        assertEquals(0, messages(id, ConcernService.ESCALATED_TEMPLATE, "talk.escalate@example.org"), "the officer was told at once");

        clock.advance(Duration.ofMinutes(119));
        concerns.escalateDue();
        assertEquals(1, escalations(id));
        clock.advance(Duration.ofMinutes(1));
        concerns.escalateDue();
        assertEquals(2, escalations(id), "and again each further period");
        assertEquals(2, messages(id, ConcernService.ESCALATED_TEMPLATE, "duty@example.org"));
        assertEquals(2, audit("CONSULTATION_CONCERN_ESCALATED", id));

        // 10:00 + 4 h = 14:00, still office hours; two more periods take it to 18:00, after the office closes.
        clock.advance(Duration.ofHours(4));
        concerns.escalateDue();
        assertEquals(3, escalations(id), "a job that was down for two periods sends it once, not twice");
        assertEquals(1, messages(id, ConcernService.ESCALATED_TEMPLATE, "ooh@example.org"), "outside office hours, out of hours is told too");
        WebClient duty = new WebClient(server.getURI());
        StaffFixtures.account(context, "talk.escalation.duty", Role.DUTY);
        StaffFixtures.signIn(duty, "talk.escalation.duty");
        WebClient.Page page = duty.get("/concerns/" + id);
        assertTrue(page.body().contains("to the duty inbox, the managers and out of hours"), page.body());
        assertTrue(page.body().contains("8 h 00 min"), "its age");
    }

    @Test
    void outsideOfficeHoursTheOutOfHoursInboxIsToldStraightAway() {
        clock.set(Instant.parse("2026-03-14T12:00:00Z")); // a Saturday
        ConsultationTestSupport.Setup setup = review("talk.weekend");
        raise(child(setup), "ways", "TEXT");
        long id = concernOf(setup);
        assertEquals(1, messages(id, ConcernService.RAISED_TEMPLATE, "talk.weekend@example.org"));
        assertEquals(1, messages(id, ConcernService.RAISED_TEMPLATE, "duty@example.org"));
        assertEquals(1, messages(id, ConcernService.RAISED_TEMPLATE, "ooh@example.org"));
    }

    private Instant closedAt(long id) {
        long closed = count("select count(*) from consultation_concern where id = " + id + " and closed_at is not null");
        return closed == 0 ? null : Instant.EPOCH;
    }

    private long escalations(long id) {
        long rows = count("select count(*) from consultation_concern_escalation where concern_id = " + id);
        assertEquals(rows, count("select escalations from consultation_concern where id = " + id), "the count and the rows agree");
        return rows;
    }

    private long audit(String action, long concernId) {
        return count("select count(*) from audit_event where action = '" + action + "' and subject_type = 'consultation_concern' "
                + "and subject_id = '" + concernId + "'");
    }
}
