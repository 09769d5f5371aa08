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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Retention of a child's words with the default periods: a sent form's answers stay 90 days after the review
 * (the officer reads them until the review's record is kept), a form never sent goes once its link stops
 * working, and a talk-now concern's words and contact notes go 90 days after it closed, never while open.
 */
@MicronautTest(transactional = false)
@Property(name = "test.mutable-clock", value = "true")
@Property(name = "myview.notify.sender-enabled", value = "false")
@Property(name = "myview.talk-now.escalation-enabled", value = "false")
@Property(name = "myview.parent.jobs-enabled", value = "false")
@Property(name = "myview.talk-now.duty-inbox", value = "duty@example.org")
class ConsultationRetentionTest {

    static final String WORDS = "LEAKCANARY my hamster Pickle";
    static final String MESSAGE = "LEAKCANARY ring me after football";
    static final String NOTE = "LEAKCANARY spoke to the child at school";
    static final Instant START = Instant.parse("2026-03-10T10:00:00Z");
    static final LocalDate REVIEW_DATE = LocalDate.of(2026, 3, 20);

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext context;
    @Inject
    MutableClock clock;
    @Inject
    ConsultationRetention retention;

    static int children;

    @BeforeEach
    void setUp() {
        // What earlier tests left (their links long expired, their concerns closed) is erased first, so each
        // test counts only its own rows. Open concerns stay: they are never erased.
        clock.set(Instant.parse("2100-01-01T00:00:00Z"));
        retention.eraseExpired();
        clock.set(START);
    }

    private long audited(String subjectType, String field) {
        return count("select coalesce(sum((detail->>'" + field + "')::int), 0) from audit_event where action = 'RETENTION_ERASED' "
                + "and subject_type = '" + subjectType + "'");
    }

    private ConsultationTestSupport.Setup review(String officer) {
        return ConsultationTestSupport.reviewFor(context, server.getURI(), officer, "KEEP" + (++children),
                LocalDate.of(2014, 6, 1), REVIEW_DATE);
    }

    private WebClient child(ConsultationTestSupport.Setup setup) {
        WebClient child = new WebClient(server.getURI());
        assertEquals(303, child.get(ConsultationTestSupport.createLink(setup)).status());
        return child;
    }

    private long count(String sql) {
        return ReviewFixtures.count(context, sql);
    }

    private long answers(ConsultationTestSupport.Setup setup) {
        return count("select count(*) from consultation_answer a join consultation c on c.id = a.consultation_id where c.review_id = "
                + setup.reviewId());
    }

    /** Answers the first question (free text for ages 8-11) and, when asked, sends the form. */
    private void answerFirst(WebClient child, boolean send) {
        WebClient.Page q1 = child.get("/consultation/q/1");
        assertTrue(q1.body().contains("<textarea"), "the first question takes words");
        assertEquals(303, child.post("/consultation/q/1", "_csrf", q1.inputValue("_csrf"), "answer", WORDS, "action", "save").status());
        if (send) {
            assertEquals(303, child.post("/consultation/send", "_csrf", child.get("/consultation/check").inputValue("_csrf")).status());
        }
    }

    private WebClient.Page reviewPage(ConsultationTestSupport.Setup setup, String officer) {
        WebClient browser = new WebClient(server.getURI());
        StaffFixtures.signIn(browser, officer); // a new session: the clock moved past the old one's lifetime
        WebClient.Page page = browser.get("/reviews/" + setup.reviewId());
        assertEquals(200, page.status());
        return page;
    }

    @Test
    void aSentFormsAnswersStayNinetyDaysAfterTheReviewAndAFormNeverSentGoesOnceItsLinkStopsWorking() {
        long auditedForms = audited("consultation_answer", "forms");
        ConsultationTestSupport.Setup sentForm = review("keep.officer");
        answerFirst(child(sentForm), true);
        ConsultationTestSupport.Setup draft = review("keep.officer");
        answerFirst(child(draft), false);
        assertEquals(1, answers(sentForm));
        assertEquals(1, answers(draft));

        clock.set(Instant.parse("2026-03-20T12:00:00Z")); // the review day: the draft's link still works
        assertEquals(new ConsultationRetention.Erased(0, 0, 0, 0), retention.eraseExpired());
        assertEquals(1, answers(draft), "the child may still finish it today");

        clock.set(Instant.parse("2026-06-17T12:00:00Z")); // 89 days after the review
        assertEquals(new ConsultationRetention.Erased(1, 1, 0, 0), retention.eraseExpired(), "only the draft, whose link has expired");
        assertEquals(0, answers(draft));
        assertEquals(1, answers(sentForm), "kept until the review's record is kept");
        assertTrue(reviewPage(sentForm, "keep.officer").body().contains(WORDS), "the officer still reads them");

        clock.set(Instant.parse("2026-06-18T12:00:00Z")); // 90 days after the review
        assertEquals(new ConsultationRetention.Erased(1, 1, 0, 0), retention.eraseExpired());
        assertEquals(0, answers(sentForm));
        assertEquals(new ConsultationRetention.Erased(0, 0, 0, 0), retention.eraseExpired(), "each form once");
        assertEquals(1, count("select count(*) from consultation where sent_at is not null and answers_erased_at is not null and review_id = "
                + sentForm.reviewId()), "the form stays sent: the My Review My View figures still count it");
        WebClient.Page after = reviewPage(sentForm, "keep.officer");
        assertFalse(after.body().contains(WORDS));
        assertTrue(after.body().contains("Erased on"), "the officer is told why there is nothing to read");

        assertEquals(auditedForms + 2, audited("consultation_answer", "forms"), "both erasures audited as counts");
        assertEquals(0, count("select count(*) from audit_event where action = 'RETENTION_ERASED' and cast(detail as text) like '%LEAKCANARY%'"),
                "counts, never content");
    }

    @Test
    void twoInstancesErasingAtOnceEraseAndCountEachFormOnce() throws Exception {
        long officer = count("select coalesce((select id from staff_account where username = 'keep.officer'), 0)");
        if (officer == 0) {
            officer = StaffFixtures.account(context, "keep.officer", Role.REVIEWING_OFFICER);
        }
        int forms = 40;
        for (int i = 0; i < forms; i++) {
            long child = ReviewFixtures.child(context, "RACE" + i, "Sam", LocalDate.of(2014, 6, 1));
            long review = ReviewFixtures.review(context, child, "CLA", LocalDate.of(2025, 1, 10), officer);
            ReviewFixtures.execute(context, "with l as (insert into consultation_link (review_id, token_hash, created_at, expires_at) "
                    + "values (" + review + ", decode(md5('race" + i + "'), 'hex'), timestamptz '2025-01-01 10:00Z', timestamptz '2025-01-11 00:00Z') "
                    + "returning id), c as (insert into consultation (link_id, review_id, definition_id, sent_at) select id, " + review
                    + ", 'consultation-8-11', timestamptz '2025-01-05 10:00Z' from l returning id) "
                    + "insert into consultation_answer (consultation_id, definition_id, definition_version, question_id, answer) "
                    + "select id, 'consultation-8-11', 1, 'going-well', 'LEAKCANARY race' from c");
        }
        long auditedForms = audited("consultation_answer", "forms");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        java.util.List<java.util.concurrent.Future<ConsultationRetention.Erased>> runs = new java.util.ArrayList<>();
        for (int i = 0; i < 2; i++) {
            runs.add(pool.submit(() -> {
                go.await();
                return retention.eraseExpired();
            }));
        }
        go.countDown();
        int erasedForms = 0;
        int erasedAnswers = 0;
        for (var run : runs) {
            erasedForms += run.get().forms();
            erasedAnswers += run.get().answers();
        }
        pool.shutdown();
        assertEquals(forms, erasedForms, "each form counted once across both");
        assertEquals(forms, erasedAnswers, "each answer deleted once");
        assertEquals(0, count("select count(*) from consultation_answer where answer = 'LEAKCANARY race'"));
        assertEquals(auditedForms + forms, audited("consultation_answer", "forms"), "the audit counts add up to the forms, once");
    }

    @Test
    void aConcernsWordsAndContactNotesGoNinetyDaysAfterItClosedAndAnOpenOneIsKept() {
        long auditedConcerns = audited("consultation_concern", "rows");
        ConsultationTestSupport.Setup closed = review("keep.talk.officer");
        ConsultationTestSupport.Setup open = review("keep.talk.officer");
        for (ConsultationTestSupport.Setup setup : new ConsultationTestSupport.Setup[] {closed, open}) {
            WebClient child = child(setup);
            assertEquals(303, child.post("/consultation/talk", "_csrf", child.get("/consultation/q/1").inputValue("_csrf"),
                    "ways", "PHONE", "safeTime", "EVENING", "notThroughCarer", "yes", "message", MESSAGE).status());
        }
        long id = count("select id from consultation_concern where review_id = " + closed.reviewId());
        if (count("select count(*) from staff_account where username = 'keep.duty'") == 0) {
            StaffFixtures.account(context, "keep.duty", Role.DUTY);
        }
        clock.advance(Duration.ofMinutes(20));
        WebClient duty = new WebClient(server.getURI());
        String csrf = StaffFixtures.signIn(duty, "keep.duty");
        assertEquals(303, duty.post("/concerns/" + id + "/contact", "_csrf", csrf, "contactedBy", "Duty worker Ashdown",
                "contacted-day", "10", "contacted-month", "3", "contacted-year", "2026", "time", "10:12", "how", "PHONE",
                "result", "SPOKE", "note", NOTE).status());
        Instant closedAt = clock.instant();

        clock.set(closedAt.plus(Duration.ofDays(90)).minusSeconds(60));
        assertEquals(new ConsultationRetention.Erased(0, 0, 0, 0), retention.eraseExpired(), "a minute before 90 days: kept");
        assertEquals(2, count("select count(*) from consultation_concern where message = '" + MESSAGE + "' and review_id in ("
                + closed.reviewId() + ", " + open.reviewId() + ")"));

        clock.set(closedAt.plus(Duration.ofDays(90)));
        assertEquals(new ConsultationRetention.Erased(0, 0, 1, 1), retention.eraseExpired());
        assertEquals(1, count("select count(*) from consultation_concern where id = " + id + " and erased_at is not null and message is null "
                + "and safe_time is null and contact_ways = '{}' and not not_through_carer and closed_at is not null"));
        assertEquals(1, count("select count(*) from consultation_concern_contact where concern_id = " + id
                + " and note is null and contacted_by is null and result = 'SPOKE' and how = 'PHONE'"), "what was done stays; the words go");
        assertEquals(1, count("select count(*) from consultation_concern where review_id = " + open.reviewId()
                + " and message = '" + MESSAGE + "' and erased_at is null"), "an open concern is a child waiting: never erased");
        assertEquals(new ConsultationRetention.Erased(0, 0, 0, 0), retention.eraseExpired(), "each concern once");

        WebClient later = new WebClient(server.getURI());
        StaffFixtures.signIn(later, "keep.duty");
        WebClient.Page page = later.get("/concerns/" + id);
        assertEquals(200, page.status());
        assertFalse(page.body().contains(MESSAGE));
        assertFalse(page.body().contains(NOTE));
        assertFalse(page.body().contains("Ashdown"));
        assertTrue(page.body().contains("Spoke to the child"), "the result is still shown");
        assertTrue(page.body().contains("Erased on"));
        assertEquals(java.util.List.of(), org.myview.support.HtmlChecker.errors(page.body()), "valid HTML");
        assertEquals(auditedConcerns + 1, audited("consultation_concern", "rows"), "audited as a count");
    }
}
