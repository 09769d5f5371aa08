package org.myview.consultation;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.myview.support.ReviewFixtures;
import org.myview.support.StaffFixtures;
import org.myview.support.WebClient;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A field sent twice where the page sends one is a bad request (400), on sign-in and on the child's version, language
 * and send posts, as on every other form: the form records bind one value per field.
 */
@MicronautTest(transactional = false)
class FieldsSentTwiceTest {

    private static final String KEY = "k3y-Of_sixteen16";

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext context;

    @Test
    void signInWithTheUsernameOrPasswordTwiceIsABadRequestAndNoAttempt() {
        StaffFixtures.account(context, "twice.officer", org.myview.staff.Role.REVIEWING_OFFICER);
        WebClient browser = new WebClient(server.getURI());
        long attempts = ReviewFixtures.count(context, "select count(*) from audit_event");
        String csrf = StaffFixtures.signInFormToken(browser);
        assertEquals(400, browser.post("/sign-in", "username", "twice.officer", "username", "other", "password", StaffFixtures.PASSWORD,
                "_csrf", csrf).status());
        assertEquals(400, browser.post("/sign-in", "username", "twice.officer", "password", StaffFixtures.PASSWORD,
                "password", StaffFixtures.PASSWORD, "_csrf", csrf).status());
        assertEquals(attempts, ReviewFixtures.count(context, "select count(*) from audit_event"), "nothing was tried");
        assertEquals(303, StaffFixtures.postSignIn(browser, "twice.officer", StaffFixtures.PASSWORD).status(), "once each is fine");
    }

    @Test
    void theChildsPostsWithAFieldTwiceAreBadRequestsAndSaveNothing() {
        ConsultationTestSupport.Setup setup = ConsultationTestSupport.reviewFor(context, server.getURI(), "twice.child.officer",
                "TWICE1", LocalDate.now().minusYears(6).minusDays(10), LocalDate.now().plusDays(7));
        WebClient child = new WebClient(server.getURI());
        assertEquals(303, child.get(ConsultationTestSupport.createLink(setup)).status());
        String csrf = StaffFixtures.csrfToken(child.get("/consultation/q/1"));
        String answers = "select count(*) from consultation_answer a join consultation c on c.id = a.consultation_id where c.review_id = "
                + setup.reviewId();

        assertEquals(0, ReviewFixtures.count(context, answers));
        assertEquals(400, child.post("/consultation/version", "version", "consultation-8-11", "version", "consultation-4-7",
                "_csrf", csrf).status());
        assertEquals(400, child.post("/consultation/language", "language", "pl", "language", "ur", "_csrf", csrf).status());
        assertEquals(400, child.post("/consultation/send", "request_key", KEY, "request_key", KEY, "_csrf", csrf).status());

    }
}
