package org.myview.parent;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.myview.support.MutableClock;
import org.myview.support.ReviewFixtures;
import org.myview.support.StaffFixtures;
import org.myview.support.WebClient;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The parent's form over HTTP: the link swapped for a cookie, optional questions, limits, one send. */
@MicronautTest(transactional = false)
@Property(name = "test.mutable-clock", value = "true")
@Property(name = "myview.notify.sender-enabled", value = "false")
@Property(name = "myview.parent.jobs-enabled", value = "false")
class ParentFormTest {

    @Inject
    ApplicationContext context;
    @Inject
    EmbeddedServer server;
    @Inject
    MutableClock clock;
    @Inject
    RoundService rounds;

    @BeforeEach
    void aRound() {
        clock.set(Instant.parse("2026-11-30T12:00:00Z"));
        ParentFixtures.clear(context);
        ParentFixtures.plan(context, "FORM1", LocalDate.of(2026, 8, 1), null, "Robin", "robin@example.org");
        rounds.sendToDuePlans(ParentFixtures.lead(context));
    }

    @Test
    void aParentOpensTheLinkAnswersSomeQuestionsSkipsOthersAndSendsOnce() {
        WebClient parent = new WebClient(server.getURI());
        String link = ParentFixtures.path(ParentFixtures.links(context, "FIRST").get(0));

        WebClient.Page opened = parent.get(link);
        assertEquals(303, opened.status());
        assertEquals("/parent/form", opened.location(), "the token leaves the address bar at once");
        assertTrue(opened.header("Set-Cookie").toLowerCase().contains("httponly"));
        assertTrue(opened.header("Set-Cookie").contains("SameSite=Lax"));
        assertTrue(opened.header("Set-Cookie").startsWith("myview_parent="));

        WebClient.Page start = parent.get("/parent/form");
        assertEquals(200, start.status());
        assertTrue(start.body().contains("a child protection plan"), "says which plan");
        assertTrue(start.body().contains("govuk-exit-this-page"), "quick exit");
        assertEquals("no-store", start.header("Cache-Control"));
        assertEquals("no-referrer", start.header("Referrer-Policy"));

        String csrf = StaffFixtures.csrfToken(parent.get("/parent/form/1"));
        assertEquals(303, parent.post("/parent/form/1", "_csrf", csrf, "understandWhy", "NO").status());
        WebClient.Page skipped = parent.post("/parent/form/2", "_csrf", csrf);
        assertEquals("/parent/form/3", skipped.location(), "every question can be skipped");
        assertEquals(303, parent.post("/parent/form/3", "_csrf", csrf, "barriers", "TIME", "barriers", "MONEY",
                "barriersOther", "<script>alert(1)</script> buses").status());

        WebClient.Page tooLong = parent.post("/parent/form/7", "_csrf", csrf, "anythingElse", "a".repeat(1001));
        assertEquals(422, tooLong.status());
        assertTrue(tooLong.body().contains("Your answer must be 1,000 characters or fewer. You have written 1,001."), tooLong.body());
        assertTrue(tooLong.body().contains("<title>Error: "));
        assertEquals(303, parent.post("/parent/form/7", "_csrf", csrf, "anythingElse", "Thank you").status());

        WebClient.Page check = parent.get("/parent/check");
        assertTrue(check.body().contains("Money worries"), check.status() + check.body());
        assertTrue(check.body().contains("&lt;script&gt;alert(1)&lt;/script&gt; buses"), "free text shown escaped");
        assertFalse(check.body().contains("<script>alert(1)"));
        assertTrue(check.body().contains("Not answered"));

        WebClient.Page sent = parent.post("/parent/check", "_csrf", csrf);
        assertEquals("/parent/done", sent.location());
        assertTrue(parent.get("/parent/done").body().contains("What happens next"));
        assertEquals(303, parent.post("/parent/check", "_csrf", csrf).status(), "a second send changes nothing");
        assertEquals(1, ReviewFixtures.count(context, "select count(*) from parent_response"));
        assertEquals(1, ReviewFixtures.count(context, "select count(*) from parent_response where understand_why = 'NO' and know_what_change is null "
                + "and barriers = array['TIME','MONEY'] and anything_else = 'Thank you'"));
        assertEquals(0, ReviewFixtures.count(context, "select count(*) from parent_invitation where draft <> '{}'::jsonb"), "the draft is gone");

        WebClient.Page again = new WebClient(server.getURI()).get(link);
        assertTrue(again.body().contains("You have already sent your answers"));
    }

    @Test
    void theFormNeedsTheCookieAndAChoiceMustBeOneShown() {
        WebClient stranger = new WebClient(server.getURI());
        WebClient.Page noCookie = stranger.get("/parent/form/1");
        assertEquals(404, noCookie.status());
        assertTrue(noCookie.body().contains("Open the link in your message"));

        WebClient parent = new WebClient(server.getURI());
        parent.get(ParentFixtures.path(ParentFixtures.links(context, "FIRST").get(0)));
        WebClient.Page first = parent.get("/parent/form/1");
        String csrf = StaffFixtures.csrfToken(first);
        WebClient.Page bad = parent.post("/parent/form/1", "_csrf", csrf, "understandWhy", "MAYBE");
        assertEquals(422, bad.status());
        assertTrue(bad.body().contains("Choose one of the answers shown"));
        assertEquals(403, parent.post("/parent/form/1", "_csrf", "forged", "understandWhy", "YES").status(), "CSRF token checked");
    }

    @Test
    void anExpiredLinkAndAWrongLinkGetAKindPage() {
        String link = ParentFixtures.path(ParentFixtures.links(context, "FIRST").get(0));
        WebClient.Page wrong = new WebClient(server.getURI()).get("/parent/link/AAAAAAAAAAAAAAAAAAAAAA");
        assertEquals(404, wrong.status());
        assertTrue(wrong.body().contains("This link does not work"));
        assertTrue(wrong.body().contains("ask your social worker"));
        assertNull(wrong.header("Set-Cookie"));

        // Links work for 28 days; a parent opens theirs an hour before the end and is still there an hour later.
        clock.advance(Duration.ofDays(28).minusHours(1));
        WebClient parent = new WebClient(server.getURI());
        assertEquals(303, parent.get(link).status());
        clock.advance(Duration.ofHours(2));
        assertEquals(410, parent.get("/parent/form/1").status(), "an open form closes when its link expires");
        WebClient.Page expired = new WebClient(server.getURI()).get(link);
        assertEquals(410, expired.status());
        assertTrue(expired.body().contains("This link has run out"));
    }

    @Test
    void theFollowUpFormAsksWhetherUnderstandingHasChanged() {
        WebClient parent = new WebClient(server.getURI());
        parent.get(ParentFixtures.path(ParentFixtures.links(context, "FIRST").get(0)));
        String csrf = StaffFixtures.csrfToken(parent.get("/parent/form/1"));
        parent.post("/parent/form/1", "_csrf", csrf, "understandWhy", "NO");
        parent.post("/parent/check", "_csrf", csrf);
        clock.advance(Duration.ofDays(28));
        assertEquals(1, rounds.sendFollowUps());

        WebClient later = new WebClient(server.getURI());
        later.get(ParentFixtures.path(ParentFixtures.links(context, "FOLLOW_UP").get(0)));
        assertTrue(later.get("/parent/form").body().contains("There are 2 short questions"));
        WebClient.Page question = later.get("/parent/form/1");
        assertTrue(question.body().contains("Do you now understand why your child or children have a child protection plan?"));
        String token = StaffFixtures.csrfToken(question);
        later.post("/parent/form/1", "_csrf", token, "understandWhy", "PARTLY");
        assertEquals("/parent/done", later.post("/parent/check", "_csrf", token).location());
        assertEquals(1, ReviewFixtures.count(context, "select count(*) from parent_response where kind = 'FOLLOW_UP' and understand_why = 'PARTLY'"));
    }

    @Test
    void aSecondDeviceWithTheParentsLinkSeesNoDraftUntilItTypesTheParentsCode() {
        String link = ParentFixtures.path(ParentFixtures.links(context, "FIRST").get(0));
        WebClient first = new WebClient(server.getURI());
        assertEquals("/parent/form", first.get(link).location());
        String csrf = StaffFixtures.csrfToken(first.get("/parent/form/1"));
        assertEquals(303, first.post("/parent/form/7", "_csrf", csrf, "anythingElse", "LEAKCANARY-parent draft").status());

        WebClient second = new WebClient(server.getURI());
        assertEquals("/parent/link-continue", second.get(link).location());
        for (String page : new String[] {"/parent/form", "/parent/form/7", "/parent/check"}) {
            WebClient.Page answer = second.get(page);
            assertEquals(303, answer.status(), page);
            assertEquals("/parent/link-continue", answer.location(), page);
        }
        WebClient.Page elsewhere = second.get("/parent/link-continue");
        assertEquals(200, elsewhere.status());
        assertFalse(elsewhere.body().contains("LEAKCANARY-parent draft"));
        assertTrue(elsewhere.body().contains("contact your social worker"), "the parent's help, not Childline");

        assertTrue(first.get("/parent/form").body().contains("href=\"/parent/link-code\""));
        String codeCsrf = StaffFixtures.csrfToken(first.get("/parent/link-code"));
        assertEquals(303, first.post("/parent/link-code", "_csrf", codeCsrf, "code", "green kettle 9", "confirm", "green kettle 9").status());
        String secondCsrf = StaffFixtures.csrfToken(second.get("/parent/link-continue"));
        assertEquals(303, second.post("/parent/form/7", "_csrf", secondCsrf, "anythingElse", "overwritten").status());
        assertEquals(303, second.post("/parent/check", "_csrf", secondCsrf).status());
        assertEquals(0, ReviewFixtures.count(context, "select count(*) from parent_response"), "nothing sent from the second device");
        assertEquals(1, ReviewFixtures.count(context, "select count(*) from parent_invitation where draft::text like '%LEAKCANARY-parent draft%'"));
        assertEquals(422, second.post("/parent/link-continue", "_csrf", secondCsrf, "code", "green kettle 8").status());
        WebClient.Page right = second.post("/parent/link-continue", "_csrf", secondCsrf, "code", "green kettle 9");
        assertEquals("/parent/form", right.location());
        assertTrue(second.get("/parent/check").body().contains("LEAKCANARY-parent draft"), "the draft carried over");
        assertEquals("/parent/link-continue", first.get("/parent/check").location());
    }
}
