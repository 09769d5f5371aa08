package org.myview.review;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.myview.staff.Role;
import org.myview.support.HtmlChecker;
import org.myview.support.MutableClock;
import org.myview.support.ReviewFixtures;
import org.myview.support.StaffFixtures;
import org.myview.support.WebClient;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 15, item 1: every review list shows where the child's My Review My View stands, and filters and
 * sorts by it, from hand-built links, outbox rows, opened links, answers, sent forms and concerns.
 */
@MicronautTest(transactional = false)
@Property(name = "test.mutable-clock", value = "true")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReviewListFormStatusTest {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
    static final LocalDate TEEN = LocalDate.of(2012, 1, 1);

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext context;
    @Inject
    MutableClock clock;

    long officerId;

    @BeforeAll
    void handBuiltReviews() {
        clock.set(Instant.parse("2026-03-10T10:00:00Z"));
        officerId = StaffFixtures.account(context, "status.officer", Role.REVIEWING_OFFICER);
        long other = StaffFixtures.account(context, "status.other", Role.REVIEWING_OFFICER);
        StaffFixtures.account(context, "status.manager", Role.SERVICE_MANAGER);

        review("Alder", TODAY.plusDays(5));                                   // no link, review in 5 days
        review("Birch", TODAY.plusDays(20));                                  // no link, review in 20 days
        long cedar = link(review("Cedar", TODAY.plusDays(7)), "2026-03-02T09:00:00Z");
        outbox(cedar, "SMS", "2026-03-03T09:00:00Z");                         // sent by text on 3 March
        outbox(cedar, "SMS", "2026-03-04T09:00:00Z");                         // sent again: still "by text", first time shown
        link(review("Damson", TODAY.plusDays(8)), "2026-03-05T09:00:00Z");    // shown on screen or as a QR code
        long elm = link(review("Elm", TODAY.plusDays(9)), "2026-03-01T09:00:00Z");
        outbox(elm, "EMAIL", "2026-03-01T10:00:00Z");
        opened(elm, "2026-03-06T16:00:00Z");
        long firReview = review("Fir", TODAY.plusDays(12));
        long fir = link(firReview, "2026-03-01T09:00:00Z");
        opened(fir, "2026-03-02T16:00:00Z");
        long firForm = form(fir, firReview, null);
        answer(firForm, "going-well");
        answer(firForm, "worries");
        answer(firForm, "school");
        long gorseReview = review("Gorse", TODAY.minusDays(2));                // held, not recorded: "to record"
        long gorse = link(gorseReview, "2026-02-20T09:00:00Z");
        opened(gorse, "2026-02-21T09:00:00Z");
        answer(form(gorse, gorseReview, "2026-02-22T18:30:00Z"), "going-well");
        long hazelReview = review("Hazel", TODAY.plusDays(15));
        long hazel = link(hazelReview, "2026-03-01T09:00:00Z");
        outbox(hazel, "SMS", "2026-03-01T09:05:00Z");
        outbox(hazel, "EMAIL", "2026-03-01T09:05:00Z");
        concern(hazelReview, hazel, null);                                  // asked to talk, nobody closed it
        long ivyReview = review("Ivy", TODAY.plusDays(16));
        long ivy = link(ivyReview, "2026-03-01T09:00:00Z");
        concern(ivyReview, ivy, "2026-03-02T09:00:00Z");                    // closed: not "asked to talk" any more
        // An older link of Juniper's review was opened; the newer one replaced it and is not opened yet.
        long juniperReview = review("Juniper", TODAY.plusDays(17));
        opened(link(juniperReview, "2026-02-01T09:00:00Z"), "2026-02-02T09:00:00Z");
        link(juniperReview, "2026-03-01T09:00:00Z");

        long otherChild = ReviewFixtures.child(context, "STOTHER", "Laurel", TEEN);
        ReviewFixtures.review(context, otherChild, "CLA", TODAY.plusDays(3), other);
    }

    @Test
    void theOfficerSeesEachChildsFormStatusOnTheirLists() {
        WebClient.Page page = signedIn("status.officer").get("/reviews");
        assertEquals(200, page.status());
        assertEquals(List.of(), HtmlChecker.errors(page.body()));
        assertRow(page, "Alder", "No link yet");
        assertRow(page, "Birch", "No link yet");
        assertRow(page, "Cedar", "Link sent", "By text, 3 Mar 2026");
        assertRow(page, "Damson", "Link sent", "On screen or QR code, 5 Mar 2026");
        assertRow(page, "Elm", "Opened", "6 Mar 2026");
        assertRow(page, "Fir", "Started", "3 of 13 questions");
        assertRow(page, "Gorse", "Sent", "22 Feb 2026");
        assertRow(page, "Hazel", "Asked to talk", "Link sent", "By text and email, 1 Mar 2026");
        assertRow(page, "Juniper", "Link sent", "On screen or QR code, 1 Mar 2026");
        assertFalse(row(page, "Ivy").contains("Asked to talk"), "a closed concern is not an open request to talk");
        assertFalse(row(page, "Juniper").contains("Opened"), "only the newest link counts");
        assertFalse(page.body().contains("Laurel"), "another officer's review is not on this list");
        assertTrue(row(page, "Gorse").contains("govuk-tag--green"), "a tag, with words as well as colour");
    }

    @Test
    void theManagersListShowsTheSameStatusesWithTheOfficer() {
        WebClient.Page page = signedIn("status.manager").get("/reviews?officer=status.officer");
        assertRow(page, "Fir", "Started", "3 of 13 questions", "Test status.officer");
        assertFalse(page.body().contains("Laurel"));
        WebClient.Page all = signedIn("status.manager").get("/reviews?form=NO_LINK");
        assertEquals(List.of("Laurel", "Alder", "Birch"), names(all));
    }

    @Test
    void eachFilterShowsOnlyTheReviewsInThatState() {
        WebClient officer = signedIn("status.officer");
        assertEquals(List.of("Alder"), names(officer.get("/reviews?form=NO_LINK_SOON")), "no link, review in the next 10 days");
        assertEquals(List.of("Alder", "Birch"), names(officer.get("/reviews?form=NO_LINK")));
        assertEquals(List.of("Cedar", "Damson", "Hazel", "Ivy", "Juniper"), names(officer.get("/reviews?form=LINK")));
        assertEquals(List.of("Elm"), names(officer.get("/reviews?form=OPENED")));
        assertEquals(List.of("Fir"), names(officer.get("/reviews?form=STARTED")));
        assertEquals(List.of("Gorse"), names(officer.get("/reviews?form=SENT")));
        assertEquals(List.of("Hazel"), names(officer.get("/reviews?form=TALK")));
        WebClient.Page filtered = officer.get("/reviews?form=TALK");
        assertTrue(filtered.body().contains("<option value=\"TALK\" selected"), "the form shows the filter in use");
        assertTrue(filtered.body().contains("No link yet, review in the next 10 days"));
        assertEquals(10, names(officer.get("/reviews?form=nonsense&sort=nonsense")).size(), "an unknown filter shows every review");
    }

    @Test
    void sortingByFormStatusPutsTheChildWhoAskedToTalkFirstThenMostToDo() {
        WebClient officer = signedIn("status.officer");
        assertEquals(List.of("Gorse", "Alder", "Cedar", "Damson", "Elm", "Fir", "Hazel", "Ivy", "Juniper", "Birch"),
                names(officer.get("/reviews")), "by date: held first, then upcoming by date");
        assertEquals(List.of("Gorse", "Hazel", "Alder", "Birch", "Cedar", "Damson", "Ivy", "Juniper", "Elm", "Fir"),
                names(officer.get("/reviews?sort=form")));
        assertTrue(officer.get("/reviews?sort=form").body().contains("<option value=\"form\" selected"));
    }

    // --- hand-built data ---------------------------------------------------------------------------

    private long review(String name, LocalDate date) {
        long child = ReviewFixtures.child(context, "ST" + name.toUpperCase(), name, TEEN);
        return ReviewFixtures.review(context, child, "CLA", date, officerId);
    }

    private long link(long reviewId, String createdAt) {
        return ReviewFixtures.count(context, "insert into consultation_link (review_id, token_hash, created_by, created_at, expires_at) values ("
                + reviewId + ", decode(md5(random()::text), 'hex'), " + officerId + ", '" + createdAt + "', '2026-06-01T00:00:00Z') returning id");
    }

    private void outbox(long linkId, String channel, String at) {
        ReviewFixtures.execute(context, "insert into notification_outbox (reference, channel, template_key, state, next_attempt_at, created_at,"
                + " subject_type, subject_id) values (gen_random_uuid(), '" + channel + "', 'consultation-link', 'RECORDED', '" + at + "', '"
                + at + "', 'consultation_link', " + linkId + ")");
    }

    private void opened(long linkId, String at) {
        ReviewFixtures.execute(context, "insert into link_claim (kind, link_id, session_hash, claimed_at) values ('consultation', "
                + linkId + ", md5(random()::text), '" + at + "')");
    }

    private long form(long linkId, long reviewId, String sentAt) {
        return ReviewFixtures.count(context, "insert into consultation (link_id, review_id, definition_id, started_at, sent_at) values ("
                + linkId + ", " + reviewId + ", 'consultation-12-plus', '2026-03-02T16:00:00Z', "
                + (sentAt == null ? "null" : "'" + sentAt + "'") + ") returning id");
    }

    private void answer(long formId, String questionId) {
        ReviewFixtures.execute(context, "insert into consultation_answer (consultation_id, definition_id, definition_version, question_id, answer)"
                + " values (" + formId + ", 'consultation-12-plus', 1, '" + questionId + "', 'ok')");
    }

    private void concern(long reviewId, long linkId, String closedAt) {
        ReviewFixtures.execute(context, "insert into consultation_concern (review_id, link_id, raised_at, closed_at) values ("
                + reviewId + ", " + linkId + ", '2026-03-01T12:00:00Z', " + (closedAt == null ? "null" : "'" + closedAt + "'") + ")");
    }

    // --- reading the page --------------------------------------------------------------------------

    private WebClient signedIn(String username) {
        WebClient client = new WebClient(server.getURI());
        StaffFixtures.signIn(client, username);
        return client;
    }

    /** The table row (or list item) of the child with this first name. */
    private static String row(WebClient.Page page, String name) {
        Matcher m = Pattern.compile("<(tr|li)[ >](?:(?!</\\1>).)*?>\\s*" + name + "\\s*<(?:(?!</\\1>).)*</\\1>", Pattern.DOTALL).matcher(page.body());
        assertTrue(m.find(), name + " is on the page");
        return m.group().replaceAll("\\s+", " ");
    }

    private static void assertRow(WebClient.Page page, String name, String... words) {
        String row = row(page, name);
        for (String word : words) {
            assertTrue(row.contains(word), name + "'s row says " + word + ": " + row);
        }
    }

    /** The children's first names on the page's lists, in order. */
    private static List<String> names(WebClient.Page page) {
        assertEquals(200, page.status());
        Matcher m = Pattern.compile("<a class=\"govuk-link\" href=\"/reviews/\\d+\">\\s*([A-Z][a-z]+)\\s*<").matcher(page.body());
        List<String> names = new java.util.ArrayList<>();
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
