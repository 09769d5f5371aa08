package org.myview.forum;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.myview.consultation.ConsultationSent;
import org.myview.consultation.ConsultationSent.WrittenAnswer;
import org.myview.staff.AuditAction;
import org.myview.staff.AuditEvent;
import org.myview.staff.AuditTrail;
import org.myview.staff.Role;
import org.myview.support.ReviewFixtures;
import org.myview.support.StaffFixtures;
import org.myview.support.WebClient;

import java.sql.Connection;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What children said reaches the forum only when the child said yes to sharing and the participation lead has
 * approved it, edited if need be; never with an age, date, review or officer beside it. The queue is filled by the
 * consultation feature's ConsultationSent event, published here as that feature does: inside a transaction.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ForumWordsTest {

    private static final AtomicLong CONSULTATION = new AtomicLong(1000);

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext context;
    @Inject
    ApplicationEventPublisher<ConsultationSent> events;
    @Inject
    TransactionOperations<Connection> transactions;
    @Inject
    AuditTrail audit;

    @BeforeAll
    void accounts() {
        StaffFixtures.account(context, "words.forum", Role.FORUM);
        StaffFixtures.account(context, "words.lead", Role.PARTICIPATION_LEAD);
    }

    private long send(boolean share, String... questionAndText) {
        long id = CONSULTATION.incrementAndGet();
        List<WrittenAnswer> answers = new java.util.ArrayList<>();
        for (int i = 0; i + 1 < questionAndText.length; i += 2) {
            answers.add(new WrittenAnswer("q" + i, questionAndText[i], questionAndText[i + 1]));
        }
        transactions.executeWrite(status -> {
            events.publishEvent(new ConsultationSent(id, share, answers));
            return null;
        });
        return id;
    }

    private WebClient signedIn(String username) {
        WebClient browser = new WebClient(server.getURI());
        StaffFixtures.signIn(browser, username);
        return browser;
    }

    private long queued(String text) {
        return ReviewFixtures.count(context, "select coalesce(max(id), -1) from forum_quote where original_text = '" + text + "'");
    }

    @Test
    void wordsOfAChildWhoSaidNoAreNeverKeptAndNeverShown() {
        send(false, "What is going well?", "Not for sharing: my football team");

        assertEquals(0, ReviewFixtures.count(context, "select count(*) from forum_quote where original_text like 'Not for sharing%'"));
        WebClient lead = signedIn("words.lead");
        assertFalse(lead.get("/forum/moderation").body().contains("Not for sharing"));
        assertFalse(signedIn("words.forum").get("/forum/said").body().contains("Not for sharing"));
    }

    @Test
    void theQueueJoinsTheTransactionOfTheFormSoARolledBackFormLeavesNothing() {
        assertThrows(IllegalStateException.class, () -> transactions.executeWrite(status -> {
            events.publishEvent(new ConsultationSent(CONSULTATION.incrementAndGet(), true,
                    List.of(new WrittenAnswer("q", "Anything else?", "Rolled back words"))));
            throw new IllegalStateException("the form could not be stored");
        }));
        assertEquals(-1, queued("Rolled back words"));
    }

    @Test
    void pendingWordsAreNotShownToTheForumUntilApprovedAndThenOnlyAsEdited() {
        send(true, "What is going well?", "Pending words from Ashgrove School, not yet checked");
        long pending = queued("Pending words from Ashgrove School, not yet checked");
        assertTrue(pending > 0);
        WebClient forum = signedIn("words.forum");
        assertFalse(forum.get("/forum/said").body().contains("Ashgrove"), "pending words are not shown");
        assertFalse(forum.get("/forum/print").body().contains("Ashgrove"));

        WebClient lead = signedIn("words.lead");
        WebClient.Page check = lead.get("/forum/moderation/" + pending);
        assertEquals(200, check.status());
        assertTrue(check.body().contains("Pending words from Ashgrove School"));
        String csrf = StaffFixtures.csrfToken(check);
        assertTrue(audit.search("words.lead", null, null, null, 20).stream().anyMatch(e ->
                e.action() == AuditAction.CONSULTATION_ANSWERS_VIEWED && String.valueOf(pending).equals(e.subjectId())));

        WebClient.Page blank = lead.post("/forum/moderation/" + pending, "_csrf", csrf, "decision", "approve", "text", "  ");
        assertEquals(422, blank.status(), "approving nothing is refused");
        assertTrue(blank.body().contains("There is a problem"));
        assertTrue(blank.body().contains("<title>Error: "));
        assertFalse(forum.get("/forum/said").body().contains("Ashgrove"));

        WebClient.Page approved = lead.post("/forum/moderation/" + pending, "_csrf", csrf, "decision", "approve",
                "text", "Pending words from my school, not yet checked");
        assertEquals(303, approved.status());
        String said = forum.get("/forum/said").body();
        assertTrue(said.contains("Pending words from my school, not yet checked"), "the edited words are shown");
        assertTrue(said.contains("What is going well?"), "with the question");
        assertFalse(said.contains("Ashgrove"), "the identifying words are not");
        assertEquals(0, ReviewFixtures.count(context, "select count(*) from forum_quote where original_text like '%Ashgrove%' "
                + "or published_text like '%Ashgrove%'"), "the child’s original words are not kept once decided");
        assertTrue(forum.get("/forum/print").body().contains("Pending words from my school"));
        AuditEvent moderated = audit.search("words.lead", null, null, null, 20).stream()
                .filter(e -> e.action() == AuditAction.FORUM_QUOTE_MODERATED && String.valueOf(pending).equals(e.subjectId()))
                .findFirst().orElseThrow();
        assertEquals("approved", moderated.detail().get("decision"));
        assertEquals(true, moderated.detail().get("edited"));

        assertEquals(303, lead.post("/forum/moderation/" + pending + "/withdraw", "_csrf", csrf).status());
        assertFalse(forum.get("/forum/said").body().contains("Pending words from my school"), "taken down");
    }

    @Test
    void rejectedWordsAreNeverShownAndNotKept() {
        send(true, "What worries you?", "Rejected words about Mr Example");
        long id = queued("Rejected words about Mr Example");
        WebClient lead = signedIn("words.lead");
        String csrf = StaffFixtures.csrfToken(lead.get("/forum/moderation/" + id));
        assertEquals(303, lead.post("/forum/moderation/" + id, "_csrf", csrf, "decision", "reject", "text", "ignored").status());

        assertFalse(signedIn("words.forum").get("/forum/said").body().contains("Mr Example"));
        assertEquals(0, ReviewFixtures.count(context, "select count(*) from forum_quote where id = " + id
                + " and (original_text is not null or published_text is not null)"));
        assertEquals(404, lead.get("/forum/moderation/" + id).status(), "no longer in the queue");
    }

    @Test
    void theForumSeesNoAgeDateReviewOrOfficerBesideTheWords() {
        send(true, "Who do you want at your review?", "Approved words for the forum");
        long id = queued("Approved words for the forum");
        WebClient lead = signedIn("words.lead");
        String csrf = StaffFixtures.csrfToken(lead.get("/forum/moderation/" + id));
        lead.post("/forum/moderation/" + id, "_csrf", csrf, "decision", "approve", "text", "Approved words for the forum");

        String said = signedIn("words.forum").get("/forum/said").body();
        Matcher quotes = Pattern.compile("<div[^>]*id=\"quotes\".*?</main>", Pattern.DOTALL).matcher(said);
        assertTrue(quotes.find());
        String text = quotes.group().replaceAll("<[^>]+>", " ");
        assertTrue(text.contains("Approved words for the forum"));
        assertFalse(text.matches("(?s).*\\d.*"), "no number (age, date, id) beside the words: " + text);
        assertFalse(text.toLowerCase().contains("officer"));
    }

    @Test
    void theSameAnswerDeliveredTwiceIsQueuedOnce() {
        long id = CONSULTATION.incrementAndGet();
        for (int i = 0; i < 2; i++) {
            transactions.executeWrite(status -> {
                events.publishEvent(new ConsultationSent(id, true, List.of(new WrittenAnswer("q1", "Anything else?", "Twice sent"))));
                return null;
            });
        }
        assertEquals(1, ReviewFixtures.count(context, "select count(*) from forum_quote where consultation_id = " + id));
    }

    @Test
    void theForumCannotModerate() {
        send(true, "What is going well?", "Words the forum cannot open");
        long id = queued("Words the forum cannot open");
        WebClient forum = signedIn("words.forum");
        assertEquals(403, forum.get("/forum/moderation").status());
        assertEquals(403, forum.get("/forum/moderation/" + id).status());
        String csrf = StaffFixtures.csrfToken(forum.get("/forum"));
        assertEquals(403, forum.post("/forum/moderation/" + id, "_csrf", csrf, "decision", "approve", "text", "x").status());
        assertFalse(forum.get("/forum/said").body().contains("Words the forum cannot open"));
    }
}
