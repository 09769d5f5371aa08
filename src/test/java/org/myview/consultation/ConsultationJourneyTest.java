package org.myview.consultation;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.myview.support.HtmlChecker;
import org.myview.support.LogCapture;
import org.myview.support.MutableClock;
import org.myview.support.ReviewFixtures;
import org.myview.support.WebClient;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A child's form over HTTP, from the officer's link to the answers on the review page. */
@MicronautTest(transactional = false)
@Property(name = "test.mutable-clock", value = "true")
@Property(name = "test.consultation-events", value = "true")
@Property(name = "myview.proxy.trusted-addresses", value = "127.0.0.1,::1")
@Property(name = "myview.links.slow-down-step", value = "5ms")
class ConsultationJourneyTest {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
    static final String WORDS = "LEAKCANARY my dog Biscuit makes me happy";

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext context;
    @Inject
    MutableClock clock;
    @Inject
    SentEventsForTests sent;

    static int children;

    @BeforeEach
    void setUp() {
        clock.set(Instant.parse("2026-03-10T10:00:00Z"));
    }

    private ConsultationTestSupport.Setup review(LocalDate dateOfBirth, LocalDate reviewDate) {
        return ConsultationTestSupport.reviewFor(context, server.getURI(), "consult.officer", "JOURNEY" + (++children),
                dateOfBirth, reviewDate);
    }

    private WebClient child(String linkPath) {
        WebClient child = new WebClient(server.getURI());
        WebClient.Page opened = child.get(linkPath);
        assertEquals(303, opened.status());
        assertEquals("/consultation", opened.location());
        return child;
    }

    /** Answers every question: text gets words, pictures and choices the first option, consent as given (null: skipped). */
    private List<WebClient.Page> answerAll(WebClient child, String consent) {
        List<WebClient.Page> pages = new ArrayList<>();
        int number = 1;
        while (true) {
            WebClient.Page page = child.get("/consultation/q/" + number);
            assertEquals(200, page.status(), "question " + number);
            pages.add(page);
            String csrf = page.inputValue("_csrf");
            WebClient.Page after;
            if (page.body().contains("Can we share what you said")) {
                assertFalse(page.body().contains("checked"), "nothing is chosen for the child on the consent question");
                after = consent == null ? child.post("/consultation/q/" + number, "_csrf", csrf, "action", "skip")
                        : child.post("/consultation/q/" + number, "_csrf", csrf, "answer", consent, "action", "save");
            } else if (page.body().contains("<textarea")) {
                after = child.post("/consultation/q/" + number, "_csrf", csrf, "answer", WORDS + " " + number, "action", "save");
            } else {
                Matcher first = Pattern.compile("type=\"radio\"\\s+value=\"([^\"]+)\"").matcher(page.body());
                assertTrue(first.find(), page.body());
                after = child.post("/consultation/q/" + number, "_csrf", csrf, "answer", first.group(1), "action", "save");
            }
            assertEquals(303, after.status(), "question " + number + ": " + after.body());
            pages.add(after);
            if (after.location().equals("/consultation/check")) {
                return pages;
            }
            assertEquals("/consultation/q/" + (number + 1), after.location());
            number++;
        }
    }

    @Test
    void aChildAnswersSendsAndTheOfficerReadsTheAnswersAuditedWithTheTokenNowhereAfterTheSwap() {
        ConsultationTestSupport.Setup setup = review(LocalDate.of(2017, 1, 1), TODAY.plusDays(10));
        String link = ConsultationTestSupport.createLink(setup);
        String token = ConsultationTestSupport.token(link);
        assertEquals(0, ReviewFixtures.count(context, "select count(*) from consultation_link where encode(token_hash, 'escape') like '%"
                + token + "%'"), "only the hash is stored");
        try (LogCapture log = new LogCapture()) {
            WebClient child = child(link);
            List<WebClient.Page> seen = new ArrayList<>();
            WebClient.Page start = child.get("/consultation");
            seen.add(start);
            assertTrue(start.body().contains("These questions are for ages 8-11"), start.body());
            assertTrue(start.body().contains("Test consult.officer"));
            assertTrue(start.body().contains("Exit this page"));
            assertTrue(start.body().contains("I want to talk to someone now"));
            assertEquals("no-store", start.header("Cache-Control").replace(", private", ""));
            seen.addAll(answerAll(child, "yes"));
            WebClient.Page check = child.get("/consultation/check");
            seen.add(check);
            assertTrue(check.body().contains(WORDS + " 1"));
            WebClient.Page sentPage = child.post("/consultation/send", "_csrf", check.inputValue("_csrf"));
            assertEquals(303, sentPage.status());
            assertEquals("/consultation/sent", sentPage.location());
            WebClient.Page confirmation = child.get("/consultation/sent");
            seen.add(confirmation);
            assertTrue(confirmation.body().contains("Your answers have been sent"));
            assertTrue(confirmation.body().contains("What happens next"));
            assertTrue(confirmation.body().contains("They will not see your name"));
            for (WebClient.Page page : seen) {
                if (page.status() == 200) {
                    assertEquals(List.of(), HtmlChecker.errors(page.body()), "valid HTML");
                }
                assertFalse(page.body().contains(token), "the token is on a page after the swap");
                assertTrue(page.location() == null || !page.location().contains(token));
            }

            WebClient.Page reviewPage = setup.officer().get("/reviews/" + setup.reviewId());
            assertTrue(reviewPage.body().contains("The child’s answers"), reviewPage.body());
            assertTrue(reviewPage.body().contains(WORDS + " 1"));
            assertTrue(reviewPage.body().contains("The child sent the form"));
            assertFalse(log.text().contains(token), "the token reached the log");
            assertFalse(log.text().contains("Biscuit"), "an answer reached the log");
        }
        assertEquals(1, ReviewFixtures.count(context, "select count(*) from audit_event where action = 'CONSULTATION_ANSWERS_VIEWED' and review_id = "
                + setup.reviewId()));
        assertEquals(1, ReviewFixtures.count(context, "select count(*) from consultation where share_with_forum and review_id = " + setup.reviewId()));
        assertEquals(0, ReviewFixtures.count(context, "select count(*) from consultation_answer a join consultation c on c.id = a.consultation_id "
                + "where c.review_id = " + setup.reviewId() + " and (a.definition_version <> 1 or a.definition_id <> 'consultation-8-11')"));
        ConsultationSent event = sent.events.stream().filter(e -> e.consultationId() == ReviewFixtures.count(context,
                "select id from consultation where review_id = " + setup.reviewId())).findFirst().orElseThrow();
        assertTrue(event.shareWithForum());
        assertTrue(event.writtenAnswers().stream().noneMatch(a -> a.questionId().equals("private")), "private words never go to the forum");
        assertTrue(event.writtenAnswers().stream().anyMatch(a -> a.questionId().equals("going-well") && a.text().equals(WORDS + " 1")));
    }

    @Test
    void consentIsNoUnlessTheChildChoosesYes() {
        ConsultationTestSupport.Setup setup = review(LocalDate.of(2012, 5, 5), TODAY.plusDays(10));
        WebClient child = child(ConsultationTestSupport.createLink(setup));
        answerAll(child, null);
        WebClient.Page check = child.get("/consultation/check");
        assertTrue(check.body().contains("You chose not to say"));
        child.post("/consultation/send", "_csrf", check.inputValue("_csrf"));
        assertTrue(child.get("/consultation/sent").body().contains("We will not share what you said"));
        assertEquals(0, ReviewFixtures.count(context, "select count(*) from consultation where share_with_forum and review_id = " + setup.reviewId()));
        assertEquals(1, ReviewFixtures.count(context, "select count(*) from consultation where sent_at is not null and review_id = " + setup.reviewId()));
    }

    @Test
    void twentyDuplicateSendsAtTheSameMomentStoreOneSubmissionAndPublishOneEvent() throws Exception {
        ConsultationTestSupport.Setup setup = review(LocalDate.of(2019, 2, 2), TODAY.plusDays(10));
        WebClient child = child(ConsultationTestSupport.createLink(setup));
        WebClient.Page q1 = child.get("/consultation/q/1");
        child.post("/consultation/q/1", "_csrf", q1.inputValue("_csrf"), "answer", "happy", "action", "save");
        String csrf = child.get("/consultation/check").inputValue("_csrf");
        int before = sent.events.size();
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<WebClient.Page>> results = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            results.add(pool.submit(() -> {
                go.await();
                return child.post("/consultation/send", "_csrf", csrf);
            }));
        }
        go.countDown();
        for (Future<WebClient.Page> result : results) {
            WebClient.Page page = result.get();
            assertEquals(303, page.status());
            assertEquals("/consultation/sent", page.location());
        }
        pool.shutdown();
        assertEquals(1, ReviewFixtures.count(context, "select count(*) from consultation where sent_at is not null and review_id = " + setup.reviewId()));
        assertEquals(before + 1, sent.events.size(), "one event for one submission");
        WebClient.Page retry = child.post("/consultation/send", "_csrf", csrf);
        assertEquals("/consultation/sent", retry.location(), "a retry after sending shows the confirmation");
    }

    @Test
    void aSentLinkDoesNotOpenAgainAndAnExpiredOneSaysWhatToDo() {
        ConsultationTestSupport.Setup setup = review(LocalDate.of(2015, 6, 1), TODAY.plusDays(2));
        String link = ConsultationTestSupport.createLink(setup);
        WebClient child = child(link);
        child.post("/consultation/send", "_csrf", child.get("/consultation/check").inputValue("_csrf"));
        WebClient.Page again = new WebClient(server.getURI()).get(link);
        assertEquals(410, again.status());
        assertTrue(again.body().contains("You have already sent your answers"));
        assertEquals(303, child.get("/consultation/q/1").status(), "the sent form cannot be changed");

        ConsultationTestSupport.Setup later = review(LocalDate.of(2015, 6, 1), TODAY.plusDays(2));
        String expiring = ConsultationTestSupport.createLink(later);
        WebClient other = child(expiring);
        assertEquals(200, other.get("/consultation").status());
        clock.set(Instant.parse("2026-03-13T00:00:01Z"));
        WebClient.Page expired = other.get("/consultation");
        assertEquals(410, expired.status());
        assertTrue(expired.body().contains("This link has run out"));
        assertTrue(expired.body().contains("Ask your reviewing officer"));
        assertEquals(410, new WebClient(server.getURI()).get(expiring).status());
    }

    @Test
    void aNewLinkReplacesTheOldOne() {
        ConsultationTestSupport.Setup setup = review(LocalDate.of(2015, 6, 1), TODAY.plusDays(2));
        String first = ConsultationTestSupport.createLink(setup);
        String second = ConsultationTestSupport.createLink(setup);
        assertEquals(410, new WebClient(server.getURI()).get(first).status());
        assertEquals(303, new WebClient(server.getURI()).get(second).status());
    }

    @Test
    void manyWrongLinksFromOneAddressAreRefused() {
        WebClient guesser = new WebClient(server.getURI());
        int status = 0;
        for (int i = 0; i < 10; i++) {
            status = guesser.send(guesser.request("/consultation/link/" + String.format("%022d", i))
                    .header("X-Forwarded-For", "192.0.2.77").GET().build()).status();
        }
        assertEquals(429, status);
        assertEquals(1, ReviewFixtures.count(context, "select count(*) from link_throttle where failures >= 10"));
    }

    @Test
    void aBlankAnswerIsAskedAgainAndIdRatherNotSaySkipsIt() {
        ConsultationTestSupport.Setup setup = review(LocalDate.of(2014, 6, 1), TODAY.plusDays(5));
        WebClient child = child(ConsultationTestSupport.createLink(setup));
        WebClient.Page q = child.get("/consultation/q/1");
        assertTrue(q.body().contains("I’d rather not say"));
        assertTrue(q.body().contains("href=\"/consultation\""), "a back link");
        WebClient.Page blank = child.post("/consultation/q/1", "_csrf", q.inputValue("_csrf"), "answer", "  ", "action", "save");
        assertEquals(422, blank.status());
        assertTrue(blank.body().contains("There is a problem"));
        assertTrue(blank.body().contains("<title>Error: "));
        WebClient.Page skipped = child.post("/consultation/q/1", "_csrf", q.inputValue("_csrf"), "action", "skip");
        assertEquals("/consultation/q/2", skipped.location());
        WebClient.Page bad = child.post("/consultation/q/3", "_csrf", q.inputValue("_csrf"), "answer", "not-a-face", "action", "save");
        assertEquals(422, bad.status());
    }

    @Test
    void theChildMaySwitchVersionAndLanguage() {
        ConsultationTestSupport.Setup setup = review(LocalDate.of(2020, 1, 1), TODAY.plusDays(5));
        WebClient child = child(ConsultationTestSupport.createLink(setup));
        WebClient.Page start = child.get("/consultation");
        assertTrue(start.body().contains("These questions are for ages 4-7"));
        assertEquals(303, child.post("/consultation/version", "_csrf", start.inputValue("_csrf"), "version", "consultation-12-plus").status());
        assertTrue(child.get("/consultation").body().contains("These questions are for ages 12+"));

        WebClient.Page switched = child.post("/consultation/language", "_csrf", start.inputValue("_csrf"), "language", "ur", "back", "/consultation/q/1");
        assertEquals(303, switched.status());
        assertEquals("/consultation/q/1", switched.location());
        WebClient.Page urdu = child.get("/consultation/q/1");
        assertTrue(urdu.body().contains("lang=\"ur\""), urdu.body().substring(0, 300));
        assertTrue(urdu.body().contains("dir=\"rtl\""));
        assertTrue(urdu.body().contains("میں نہیں بتانا چاہتا"));
        WebClient.Page elsewhere = child.post("/consultation/language", "_csrf", start.inputValue("_csrf"), "language", "en", "back", "https://example.org/");
        assertEquals("/consultation", elsewhere.location(), "never sent off the site");
    }

    @Test
    void aDraftLanguageIsNeverShownToAChildByPostCookieOrBrowser() {
        ConsultationTestSupport.Setup setup = review(LocalDate.of(2014, 6, 1), TODAY.plusDays(5));
        WebClient child = child(ConsultationTestSupport.createLink(setup));
        WebClient.Page start = child.get("/consultation");
        assertFalse(start.body().contains("value=\"pl\""), "a draft is not in the switch");
        assertFalse(start.body().contains("value=\"pa\""));

        WebClient.Page posted = child.post("/consultation/language", "_csrf", start.inputValue("_csrf"), "language", "pl", "back", "/consultation/q/1");
        assertTrue(posted.header("Set-Cookie").startsWith("myview_lang=en"), "a crafted post sets English");
        assertTrue(child.get("/consultation/q/1").body().contains("lang=\"en"));

        child.addCookie("myview_lang", "pa", "/consultation");
        WebClient.Page crafted = child.get("/consultation/q/1");
        assertTrue(crafted.body().contains("lang=\"en"), "a crafted cookie shows English");
        assertFalse(crafted.body().contains("gurmukhi.css"), "nor loads the draft's font");
        assertFalse(crafted.body().contains("ਸਵਾਲ"));

        WebClient browser = child(ConsultationTestSupport.createLink(setup));
        WebClient.Page polish = browser.send(browser.request("/consultation").header("Accept-Language", "pl").GET().build());
        assertTrue(polish.body().contains("lang=\"en"), "a Polish browser shows English");
        assertFalse(polish.body().contains("Powiedz nam"));
    }

    @Test
    void whenTheChildSentTheFormTheParticipationFormSuggestsPn6() {
        ConsultationTestSupport.Setup setup = review(LocalDate.of(2014, 6, 1), TODAY);
        WebClient.Page before = setup.officer().get("/reviews/" + setup.reviewId() + "/participation");
        assertFalse(before.body().contains("PN6 (views given another way)"));
        WebClient child = child(ConsultationTestSupport.createLink(setup));
        child.post("/consultation/send", "_csrf", child.get("/consultation/check").inputValue("_csrf"));
        WebClient.Page after = setup.officer().get("/reviews/" + setup.reviewId() + "/participation");
        assertTrue(after.body().contains("PN6 (views given another way) may be the right code"), after.body());
    }

    @Test
    void withoutAFormSessionThePagesSayTheLinkDoesNotWork() {
        WebClient stranger = new WebClient(server.getURI());
        WebClient.Page page = stranger.get("/consultation");
        assertEquals(404, page.status());
        assertTrue(page.body().contains("This link does not work"));
        assertNull(page.header("Set-Cookie"));
        assertEquals(403, stranger.post("/consultation/send", "_csrf", "x").status());
    }
}
