package org.myview.advocacy;

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

import java.time.Instant;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A child's "yes, I'd like an advocate" becomes a referral only with their consent, exactly once; the officer
 * records its progress (GOV.UK errors, nothing changed on bad input); and what the child is told about who sees
 * it and who contacts them holds.
 */
@MicronautTest(transactional = false)
@Property(name = "test.mutable-clock", value = "true")
@Property(name = "myview.proxy.trusted-addresses", value = "127.0.0.1,::1")
@Property(name = "myview.links.slow-down-step", value = "5ms")
class AdvocacyReferralTest {

    static final LocalDate REVIEW_DATE = LocalDate.of(2026, 3, 20);
    static final LocalDate TEEN = LocalDate.of(2012, 1, 1);
    static final LocalDate MIDDLE = LocalDate.of(2016, 6, 1);

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext context;
    @Inject
    MutableClock clock;

    static int children;

    @BeforeEach
    void setUp() {
        clock.set(Instant.parse("2026-03-10T10:00:00Z"));
    }

    private AdvocacyTestSupport.Setup review(String officer, LocalDate dateOfBirth) {
        return AdvocacyTestSupport.review(context, server.getURI(), officer, "ADV" + (++children), dateOfBirth, REVIEW_DATE);
    }

    private long referrals(long reviewId) {
        return ReviewFixtures.count(context, "select count(*) from advocacy_referral where review_id = " + reviewId);
    }

    @Test
    void aTeenagersRequestWithConsentBecomesExactlyOneReferralOnTheReviewPageAndTheList() {
        AdvocacyTestSupport.Setup setup = review("adv.first", TEEN);
        WebClient.Page consent = AdvocacyTestSupport.sendForm(setup, server.getURI(), "yes", "yes");
        assertNotNull(consent, "the 12+ form asks for consent");
        // What the child is promised: who passes it on, and what.
        assertTrue(consent.body().contains("your reviewing officer or the participation lead will give your first name and how to reach you"
                + " to NYAS or another advocacy service"), consent.body());
        assertTrue(consent.body().contains("If you say no, nobody passes it on."));
        assertFalse(consent.body().contains("checked"), "nothing is chosen for the child");

        assertEquals(1, referrals(setup.reviewId()), "one referral, though Send was pressed twice");
        assertEquals(1, ReviewFixtures.count(context, "select count(*) from audit_event where action = 'ADVOCACY_REFERRAL_RAISED' and review_id = "
                + setup.reviewId()));

        WebClient.Page list = setup.officer().get("/reviews");
        assertTrue(list.body().contains("1 child asked for an advocate and is waiting to be referred."), "the officer's review list says so");
        WebClient.Page review = setup.officer().get("/reviews/" + setup.reviewId());
        assertTrue(review.body().contains("id=\"advocacy\""), "the review page has the advocacy part");
        assertTrue(review.body().contains("Waiting to be referred"));
        long id = ReviewFixtures.count(context, "select id from advocacy_referral where review_id = " + setup.reviewId());
        assertTrue(review.body().contains("/advocacy/referrals/" + id));
        WebClient.Page referrals = setup.officer().get("/advocacy");
        assertEquals(200, referrals.status());
        assertTrue(referrals.body().contains("ADV" + children), "the list names the child's case reference");
        assertEquals("no-store", referrals.header("Cache-Control").replace(", private", ""));
    }

    @Test
    void noConsentNoReferral() {
        String[][] answers = {{"yes", "no"}, {"yes", null}, {"no", "yes"}, {"not-sure", "yes"}, {null, "yes"}};
        for (String[] a : answers) {
            AdvocacyTestSupport.Setup setup = review("adv.officer", TEEN);
            AdvocacyTestSupport.sendForm(setup, server.getURI(), a[0], a[1]);
            assertEquals(0, referrals(setup.reviewId()), "advocate " + a[0] + ", consent " + a[1]);
            assertEquals(1, ReviewFixtures.count(context, "select count(*) from consultation where sent_at is not null and review_id = "
                    + setup.reviewId()), "the form itself was sent");
        }
        // The 8-11 version asks too, in its own words.
        AdvocacyTestSupport.Setup middle = review("adv.officer", MIDDLE);
        WebClient.Page consent = AdvocacyTestSupport.sendForm(middle, server.getURI(), "yes", "yes");
        assertTrue(consent.body().contains("Can we ask an advocate to get in touch with you?"));
        assertTrue(consent.body().contains("your reviewing officer or the participation lead will ask an advocacy service, like NYAS, to contact you."
                + " They will tell the advocacy service your first name and how to reach you."), consent.body());
        assertEquals(1, referrals(middle.reviewId()));
    }

    @Test
    void theOfficerRecordsTheReferralItsAnswerAndItsClosingWithErrorsThatChangeNothing() {
        AdvocacyTestSupport.Setup setup = review("adv.progress", TEEN);
        AdvocacyTestSupport.sendForm(setup, server.getURI(), "yes", "yes");
        long id = ReviewFixtures.count(context, "select id from advocacy_referral where review_id = " + setup.reviewId());
        String path = "/advocacy/referrals/" + id;
        WebClient officer = setup.officer();
        String csrf = setup.csrf();

        WebClient.Page empty = officer.post(path, "_csrf", csrf);
        assertEquals(422, empty.status());
        assertTrue(empty.body().contains("<title>Error:"), "the title says Error");
        assertTrue(empty.body().contains("govuk-error-summary"));
        assertTrue(empty.body().contains("Select what happened"));
        WebClient.Page acceptedFirst = officer.post(path, "_csrf", csrf, "step", "ACCEPTED", "on-day", "10", "on-month", "3", "on-year", "2026");
        assertEquals(422, acceptedFirst.status());
        assertTrue(acceptedFirst.body().contains("Record the referral first"));
        WebClient.Page noName = officer.post(path, "_csrf", csrf, "step", "REFERRED", "service", "OTHER", "on-day", "10", "on-month", "3", "on-year", "2026");
        assertEquals(422, noName.status());
        assertTrue(noName.body().contains("Enter the name of the other advocacy service"));
        assertTrue(noName.body().contains("value=\"OTHER\" checked"), "the answers are kept");
        WebClient.Page future = officer.post(path, "_csrf", csrf, "step", "REFERRED", "service", "NYAS", "on-day", "11", "on-month", "3", "on-year", "2026");
        assertEquals(422, future.status());
        assertTrue(future.body().contains("The date cannot be in the future or before the child asked"));
        WebClient.Page badDate = officer.post(path, "_csrf", csrf, "step", "REFERRED", "service", "NYAS", "on-day", "31", "on-month", "2", "on-year", "2026");
        assertEquals(422, badDate.status());
        assertEquals(0, ReviewFixtures.count(context, "select count(*) from advocacy_referral where id = " + id
                + " and (service is not null or outcome is not null or closed_on is not null)"), "nothing changed");
        assertEquals(0, ReviewFixtures.count(context, "select count(*) from audit_event where action = 'ADVOCACY_REFERRAL_UPDATED'"));

        WebClient.Page referred = officer.post(path, "_csrf", csrf, "step", "REFERRED", "service", "NYAS", "on-day", "10", "on-month", "3", "on-year", "2026");
        assertEquals(303, referred.status());
        assertEquals(path + "?saved=1", referred.location());
        WebClient.Page page = officer.get(path);
        assertTrue(page.body().contains("Progress saved"));
        assertTrue(page.body().contains("NYAS, on 10 March 2026"), page.body());
        assertTrue(page.body().contains(">Referred<"));

        WebClient.Page beforeReferral = officer.post(path, "_csrf", csrf, "step", "DECLINED", "on-day", "9", "on-month", "3", "on-year", "2026");
        assertEquals(422, beforeReferral.status());
        assertEquals(303, officer.post(path, "_csrf", csrf, "step", "ACCEPTED", "on-day", "10", "on-month", "3", "on-year", "2026").status());
        assertEquals(1, ReviewFixtures.count(context, "select count(*) from advocacy_referral where id = " + id + " and outcome = 'ACCEPTED'"), "accepted stored");
        WebClient.Page againReferred = officer.post(path, "_csrf", csrf, "step", "REFERRED", "service", "NYAS", "on-day", "10", "on-month", "3", "on-year", "2026");
        assertEquals(422, againReferred.status());
        assertTrue(againReferred.body().contains("The advocacy service has already answered this referral"));
        assertTrue(officer.get(path).body().contains("Accepted on 10 March 2026"));
        assertEquals(303, officer.post(path, "_csrf", csrf, "step", "CLOSED", "on-day", "10", "on-month", "3", "on-year", "2026").status());
        WebClient.Page closed = officer.get(path);
        assertTrue(closed.body().contains(">Closed<"));
        assertFalse(closed.body().contains("Record progress"), "a closed referral has no form");
        WebClient.Page afterClosing = officer.post(path, "_csrf", csrf, "step", "ACCEPTED", "on-day", "10", "on-month", "3", "on-year", "2026");
        assertEquals(422, afterClosing.status());
        assertEquals(3, ReviewFixtures.count(context, "select count(*) from audit_event where action = 'ADVOCACY_REFERRAL_UPDATED' and subject_id = '"
                + id + "'"));
        assertEquals(1, ReviewFixtures.count(context, "select count(*) from advocacy_referral where id = " + id
                + " and service = 'NYAS' and referred_on = '2026-03-10' and outcome = 'ACCEPTED' and outcome_on = '2026-03-10' and closed_on = '2026-03-10'"));
        assertFalse(officer.get("/reviews").body().contains("waiting to be referred"), "nothing waits on the list now");
    }

    @Test
    void onlyTheOfficerTheManagerAndTheParticipationLeadSeeAReferralAndNobodySeesTheAnswersThroughIt() {
        AdvocacyTestSupport.Setup setup = review("adv.own", TEEN);
        AdvocacyTestSupport.sendForm(setup, server.getURI(), "yes", "yes");
        long id = ReviewFixtures.count(context, "select id from advocacy_referral where review_id = " + setup.reviewId());
        String reference = "ADV" + children;
        String path = "/advocacy/referrals/" + id;

        StaffFixtures.account(context, "adv.other", Role.REVIEWING_OFFICER);
        WebClient other = new WebClient(server.getURI());
        StaffFixtures.signIn(other, "adv.other");
        assertEquals(404, other.get(path).status(), "another officer's child: as if it did not exist");
        assertFalse(other.get("/advocacy").body().contains(reference));

        StaffFixtures.account(context, "adv.lead", Role.PARTICIPATION_LEAD);
        WebClient lead = new WebClient(server.getURI());
        StaffFixtures.signIn(lead, "adv.lead");
        WebClient.Page leadList = lead.get("/advocacy");
        assertTrue(leadList.body().contains(reference), "the participation lead sees every referral");
        WebClient.Page leadPage = lead.get(path);
        assertEquals(200, leadPage.status());
        assertTrue(leadPage.body().contains("Robin"), "the first name, to pass on");
        assertFalse(leadPage.body().contains("/reviews/" + setup.reviewId()), "no link to a review page the lead cannot open");
        for (WebClient.Page page : java.util.List.of(leadList, leadPage, setup.officer().get(path))) {
            assertFalse(page.body().contains("LEAKCANARY"), "no answer of the child's on the advocacy pages");
        }

        for (Role role : java.util.List.of(Role.FORUM, Role.DUTY, Role.ADMIN)) {
            String username = "adv." + role.name().toLowerCase();
            StaffFixtures.account(context, username, role);
            WebClient someone = new WebClient(server.getURI());
            StaffFixtures.signIn(someone, username);
            assertEquals(403, someone.get(path).status(), role + " may not see a referral");
            assertEquals(403, someone.get("/advocacy").status(), role + " may not see the list");
        }

        // The privacy notice says the same as the consent question and the access rules.
        WebClient.Page privacy = new WebClient(server.getURI()).get("/privacy");
        assertTrue(privacy.body().contains("your reviewing officer, the reviewing service manager and the participation lead see that you asked"
                + " (not your other answers). One of them asks an advocacy service, such as NYAS, to contact you, and gives it your first name"
                + " and how to reach you."), "the privacy notice's promise");
    }
}
