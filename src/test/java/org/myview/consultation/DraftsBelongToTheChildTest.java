package org.myview.consultation;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.myview.support.HtmlChecker;
import org.myview.support.ReviewFixtures;
import org.myview.support.WebClient;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The child's draft belongs to the phone that opened the link first: another phone with the same link
 * sees and changes nothing, until it types the secret code the child chose on the first one.
 */
@MicronautTest(transactional = false)
@Property(name = "myview.links.slow-down-step", value = "5ms")
class DraftsBelongToTheChildTest {

    static final String DRAFT = "LEAKCANARY-draft my hamster is called Pip";

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext context;

    static int children;

    private String link() {
        ConsultationTestSupport.Setup setup = ConsultationTestSupport.reviewFor(context, server.getURI(), "drafts.officer",
                "DRAFT" + (++children), LocalDate.now().minusYears(9), LocalDate.now().plusDays(10));
        return ConsultationTestSupport.createLink(setup);
    }

    private WebClient firstPhoneWithADraft(String link) {
        WebClient phone = new WebClient(server.getURI());
        assertEquals("/consultation", phone.get(link).location());
        WebClient.Page q1 = phone.get("/consultation/q/1");
        assertEquals(303, phone.post("/consultation/q/1", "_csrf", q1.inputValue("_csrf"), "answer", DRAFT, "action", "save").status());
        return phone;
    }

    @Test
    void aSecondPhoneWithTheSameLinkSeesNothingAndChangesNothing() {
        String link = link();
        WebClient first = firstPhoneWithADraft(link);

        WebClient second = new WebClient(server.getURI());
        WebClient.Page opened = second.get(link);
        assertEquals(303, opened.status());
        assertEquals("/consultation/link-continue", opened.location());
        for (String page : List.of("/consultation", "/consultation/q/1", "/consultation/q/2", "/consultation/check", "/consultation/sent")) {
            WebClient.Page answer = second.get(page);
            assertFalse(answer.body().contains(DRAFT), page);
            assertTrue(answer.status() == 303 && "/consultation/link-continue".equals(answer.location()), page + ": " + answer.status());
        }
        WebClient.Page elsewhere = second.get("/consultation/link-continue");
        assertEquals(200, elsewhere.status());
        assertTrue(elsewhere.body().contains("This form is open on another phone or computer"));
        assertTrue(elsewhere.body().contains("A new link starts with empty answers"), "no code chosen: a new link is the way");
        assertFalse(elsewhere.body().contains("name=\"code\""), "nothing to type when no code was chosen");
        assertEquals(List.of(), HtmlChecker.errors(elsewhere.body()));

        WebClient.Page mine = first.get("/consultation/q/1");
        assertEquals(200, mine.status());
        assertTrue(mine.body().contains(DRAFT), "the first phone keeps its draft");
        assertEquals("/consultation", first.get(link).location(), "opening the link again on the first phone keeps the draft");
        assertTrue(first.get("/consultation/q/1").body().contains(DRAFT));

        assertEquals(303, first.post("/consultation/send", "_csrf", first.get("/consultation/check").inputValue("_csrf")).status());
        assertTrue(first.get("/consultation/sent").body().contains("Test drafts.officer"), "the child's own confirmation");
        WebClient.Page notYours = second.get("/consultation/sent");
        assertEquals("/consultation/link-continue", notYours.location());
        WebClient.Page sentElsewhere = second.get("/consultation/link-continue");
        assertEquals(410, sentElsewhere.status());
        assertTrue(sentElsewhere.body().contains("You have already sent your answers"));
        assertFalse(sentElsewhere.body().contains("drafts.officer"), "not even the officer's name or the review date");
    }

    @Test
    void aSecondPhoneCanStillAskToTalkToSomeoneButDoesNotLearnThatTheChildAlreadyAsked() {
        String link = link();
        WebClient first = firstPhoneWithADraft(link);
        WebClient second = new WebClient(server.getURI());
        assertEquals("/consultation/link-continue", second.get(link).location());
        WebClient.Page elsewhere = second.get("/consultation/link-continue");
        assertTrue(elsewhere.body().contains("href=\"/consultation/talk\""), "help is offered on the page that refuses the form");

        WebClient.Page ask = second.get("/consultation/talk");
        assertEquals(200, ask.status());
        assertFalse(ask.body().contains(DRAFT));
        assertTrue(ask.body().contains("href=\"/consultation/link-continue\""), "back goes to the code page, not to the form");
        assertEquals(List.of(), HtmlChecker.errors(ask.body()));
        WebClient.Page raised = second.post("/consultation/talk", "_csrf", ask.inputValue("_csrf"), "ways", "PHONE");
        assertEquals(303, raised.status());
        assertEquals("/consultation/talk/done", raised.location());
        assertEquals(200, second.get("/consultation/talk/done").status());
        assertEquals(1, ReviewFixtures.count(context, "select count(*) from consultation_concern c join consultation_link l on l.id = c.link_id "
                + "where c.closed_at is null and c.contact_ways = '{PHONE}' and l.id = (select max(id) from consultation_link)"),
                "the concern from the second phone is raised, with its choice");

        // Now the first phone holds an open concern; a third phone must not be able to tell.
        assertEquals(303, first.get("/consultation/talk").status(), "the child's own phone sees its concern");
        WebClient third = new WebClient(server.getURI());
        assertEquals("/consultation/link-continue", third.get(link).location());
        WebClient.Page thirdAsk = third.get("/consultation/talk");
        assertEquals(200, thirdAsk.status(), "the ask page, exactly as if nothing had been raised");
        assertEquals(ask.body().replaceAll("value=\"[^\"]*\"", ""), thirdAsk.body().replaceAll("value=\"[^\"]*\"", ""));
    }

    @Test
    void withTheSecretCodeTheChildCarriesOnOnAnotherPhoneAndTheFirstOneStops() {
        String link = link();
        WebClient first = firstPhoneWithADraft(link);
        WebClient.Page start = first.get("/consultation");
        assertTrue(start.body().contains("href=\"/consultation/link-code\""), "the start page offers a secret code");
        WebClient.Page codePage = first.get("/consultation/link-code");
        assertEquals(200, codePage.status());
        assertEquals(List.of(), HtmlChecker.errors(codePage.body()));
        String csrf = codePage.inputValue("_csrf");
        WebClient.Page tooShort = first.post("/consultation/link-code", "_csrf", csrf, "code", "abc", "confirm", "abc");
        assertEquals(422, tooShort.status());
        assertTrue(tooShort.body().contains("<title>Error: "));
        assertEquals(422, first.post("/consultation/link-code", "_csrf", csrf, "code", "tiger moon 42", "confirm", "tiger moon 24").status());
        WebClient.Page saved = first.post("/consultation/link-code", "_csrf", csrf, "code", "tiger moon 42", "confirm", "tiger moon 42");
        assertEquals(303, saved.status());
        assertTrue(first.get(saved.location()).body().contains("Your secret code is saved"));
        assertEquals(0, ReviewFixtures.count(context, "select count(*) from link_claim where code_hash like '%tiger%'"), "the code is not stored");

        WebClient second = new WebClient(server.getURI());
        assertEquals("/consultation/link-continue", second.get(link).location());
        WebClient.Page ask = second.get("/consultation/link-continue");
        assertTrue(ask.body().contains("name=\"code\""));
        assertFalse(ask.body().contains(DRAFT));
        String secondCsrf = ask.inputValue("_csrf");
        // With a session of its own (and so a CSRF token), the second phone still changes nothing.
        WebClient.Page change = second.post("/consultation/q/1", "_csrf", secondCsrf, "answer", "changed by someone else", "action", "save");
        assertEquals("/consultation/link-continue", change.location());
        assertEquals(303, second.post("/consultation/send", "_csrf", secondCsrf).status());
        assertEquals(303, second.post("/consultation/version", "_csrf", secondCsrf, "version", "consultation-12-plus").status());
        assertEquals(0, ReviewFixtures.count(context, "select count(*) from consultation_answer where answer like 'changed by%'"));
        assertEquals(0, ReviewFixtures.count(context, "select count(*) from consultation c join consultation_answer a on a.consultation_id = c.id "
                + "where a.answer = '" + DRAFT + "' and (c.sent_at is not null or c.definition_id <> 'consultation-8-11')"), "not sent, version not changed");
        WebClient.Page wrong = second.post("/consultation/link-continue", "_csrf", secondCsrf, "code", "tiger moon 43");
        assertEquals(422, wrong.status());
        assertTrue(wrong.body().contains("That is not the right code. You can try 4 more times"), wrong.body());
        assertFalse(wrong.body().contains(DRAFT));
        assertEquals(List.of(), HtmlChecker.errors(wrong.body()));

        WebClient.Page right = second.post("/consultation/link-continue", "_csrf", secondCsrf, "code", "TigerMoon42");
        assertEquals(303, right.status(), "case and spaces do not matter");
        assertEquals("/consultation", right.location());
        assertTrue(second.get("/consultation/q/1").body().contains(DRAFT), "the draft carried over");
        assertEquals("/consultation/link-continue", first.get("/consultation/q/1").location(), "the first phone no longer shows it");
    }

    @Test
    void afterFiveWrongCodesTheCodeStopsWorkingAndOnlyANewEmptyLinkHelps() {
        String link = link();
        WebClient first = firstPhoneWithADraft(link);
        String csrf = first.get("/consultation/link-code").inputValue("_csrf");
        assertEquals(303, first.post("/consultation/link-code", "_csrf", csrf, "code", "purple owl 7", "confirm", "purple owl 7").status());

        WebClient guesser = new WebClient(server.getURI());
        guesser.get(link);
        String guesserCsrf = guesser.get("/consultation/link-continue").inputValue("_csrf");
        for (int i = 0; i < 5; i++) {
            assertEquals(422, guesser.post("/consultation/link-continue", "_csrf", guesserCsrf, "code", "guess" + i + "xx").status());
        }
        WebClient.Page locked = guesser.post("/consultation/link-continue", "_csrf", guesserCsrf, "code", "purple owl 7");
        assertFalse(locked.body().contains("name=\"code\""), "the code no longer works, even the right one");
        assertTrue(locked.body().contains("A new link starts with empty answers"));
        assertEquals("/consultation/link-continue", guesser.get("/consultation/q/1").location());
        assertTrue(first.get("/consultation/q/1").body().contains(DRAFT), "the first phone still has its draft");
    }
}
