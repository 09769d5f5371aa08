package org.myview.consultation;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.myview.support.ReviewFixtures;
import org.myview.support.WebClient;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A child who stops half way carries on where they left off, on the same phone or (with their secret code) on
 * another; the officer sees "n of m" meanwhile. Answers and sends that a phone sends again with the same
 * request key (offline, docs/consultation.md) are saved once.
 */
@MicronautTest(transactional = false)
@Property(name = "test.consultation-events", value = "true")
@Property(name = "myview.links.slow-down-step", value = "5ms")
class SaveAndReturnTest {

    static final String WORDS = "LEAKCANARY my bike is blue";

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext context;
    @Inject
    SentEventsForTests sent;
    @Inject
    FormDefinitions definitions;

    static int children;

    private ConsultationTestSupport.Setup setup() {
        return ConsultationTestSupport.reviewFor(context, server.getURI(), "return.officer",
                "RETURN" + (++children), LocalDate.now().minusYears(10), LocalDate.now().plusDays(10));
    }

    private WebClient phone(String link) {
        WebClient phone = new WebClient(server.getURI());
        assertEquals("/consultation", phone.get(link).location());
        return phone;
    }

    /** Answers question n (words for text, the first choice otherwise), with a request key when one is given. */
    private static WebClient.Page answer(WebClient phone, int number, String words, String key) {
        WebClient.Page page = phone.get("/consultation/q/" + number);
        assertEquals(200, page.status());
        String field = "answer";
        String value = words + " " + number;
        if (!page.body().contains("<textarea")) {
            Matcher first = Pattern.compile("type=\"radio\"\\s+value=\"([^\"]+)\"").matcher(page.body());
            assertTrue(first.find(), page.body());
            value = first.group(1);
        }
        return key == null
                ? phone.post("/consultation/q/" + number, "_csrf", page.inputValue("_csrf"), field, value, "action", "save")
                : phone.post("/consultation/q/" + number, "_csrf", page.inputValue("_csrf"), field, value, "action", "save", "request_key", key);
    }

    @Test
    void aChildWhoStopsAfterTwoAnswersCarriesOnAtTheThirdOnTheSamePhoneAndOnAnotherWithTheirCodeWhileTheOfficerSeesTwoOfM() {
        ConsultationTestSupport.Setup setup = setup();
        String link = ConsultationTestSupport.createLink(setup);
        WebClient phone = phone(link);
        assertTrue(phone.get("/consultation").body().contains("href=\"/consultation/q/1\""), "a new form starts at question 1");
        assertEquals(303, answer(phone, 1, WORDS, null).status());
        assertEquals(303, answer(phone, 2, WORDS, null).status());
        int m = definitions.forAge(10).questions().size();

        WebClient.Page review = setup.officer().get("/reviews/" + setup.reviewId());
        assertTrue(review.body().contains("Started, not sent yet: 2 of " + m + " questions answered."), review.body());

        // The child closes the page and opens the link again later on the same phone: the start page carries on at 3.
        assertEquals("/consultation", phone.get(link).location());
        WebClient.Page start = phone.get("/consultation");
        assertTrue(start.body().contains("href=\"/consultation/q/3\""), "carry on where they left off");
        assertTrue(start.body().contains("Carry on"));
        assertTrue(phone.get("/consultation/q/1").body().contains(WORDS + " 1"), "the answer is there");

        // Another phone, with the secret code the child chose: the same place, the same answers.
        String csrf = phone.get("/consultation/link-code").inputValue("_csrf");
        assertEquals(303, phone.post("/consultation/link-code", "_csrf", csrf, "code", "green kite 9", "confirm", "green kite 9").status());
        WebClient other = new WebClient(server.getURI());
        assertEquals("/consultation/link-continue", other.get(link).location());
        String otherCsrf = other.get("/consultation/link-continue").inputValue("_csrf");
        assertEquals("/consultation", other.post("/consultation/link-continue", "_csrf", otherCsrf, "code", "greenkite9").location());
        assertTrue(other.get("/consultation").body().contains("href=\"/consultation/q/3\""));
        assertTrue(other.get("/consultation/q/1").body().contains(WORDS + " 1"));
        assertEquals(303, answer(other, 3, WORDS, null).status());
        assertTrue(setup.officer().get("/reviews/" + setup.reviewId()).body().contains("3 of " + m + " questions answered"));
    }

    @Test
    void anAnswerOrASendSentAgainWithTheSameKeyIsSavedOnceAndLeadsToTheSamePlace() {
        ConsultationTestSupport.Setup setup = setup();
        WebClient phone = phone(ConsultationTestSupport.createLink(setup));
        String key = "k1-0123456789abcdef";
        WebClient.Page first = answer(phone, 1, WORDS, key);
        assertEquals(303, first.status());
        assertEquals("/consultation/q/2", first.location());
        WebClient.Page again = answer(phone, 1, "LEAKCANARY changed later", key);
        assertEquals(303, again.status());
        assertEquals("/consultation/q/2", again.location(), "the same result");
        assertTrue(phone.get("/consultation/q/1").body().contains(WORDS + " 1"), "the repeat wrote nothing");
        assertEquals(0, ReviewFixtures.count(context, "select count(*) from consultation_answer where answer like 'LEAKCANARY changed%'"));
        assertEquals(1, ReviewFixtures.count(context, "select count(*) from consultation_request_key where request_key = '" + key + "'"));

        // A new key is a new answer; a key too short to be one is ignored, as without JavaScript (every post saves).
        assertEquals(303, answer(phone, 1, "LEAKCANARY second thoughts", "k2-0123456789abcdef").status());
        assertTrue(phone.get("/consultation/q/1").body().contains("LEAKCANARY second thoughts 1"));
        assertEquals(303, answer(phone, 1, "LEAKCANARY third", "short").status());
        assertTrue(phone.get("/consultation/q/1").body().contains("LEAKCANARY third 1"));
        assertEquals(0, ReviewFixtures.count(context, "select count(*) from consultation_request_key where request_key = 'short'"));

        // A problem (too long) stores no key: the child can put it right and send it with the same key.
        WebClient.Page tooLong = answer(phone, 1, "x".repeat(2100), "k3-0123456789abcdef");
        assertEquals(422, tooLong.status());
        assertEquals(0, ReviewFixtures.count(context, "select count(*) from consultation_request_key where request_key = 'k3-0123456789abcdef'"));

        int before = sent.events.size();
        String csrf = phone.get("/consultation/check").inputValue("_csrf");
        WebClient.Page send = phone.post("/consultation/send", "_csrf", csrf, "request_key", "s1-0123456789abcdef");
        assertEquals("/consultation/sent", send.location());
        WebClient.Page sendAgain = phone.post("/consultation/send", "_csrf", csrf, "request_key", "s1-0123456789abcdef");
        assertEquals("/consultation/sent", sendAgain.location());
        assertEquals(before + 1, sent.events.size(), "sent once");
        assertFalse(phone.get("/consultation/sent").body().contains("LEAKCANARY"));
    }
}
