package org.myview.formalerts;

import io.micronaut.context.ApplicationContext;
import org.myview.staff.Role;
import org.myview.support.ReviewFixtures;
import org.myview.support.Secrets;
import org.myview.support.StaffFixtures;
import org.myview.support.WebClient;

import java.net.URI;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An officer (with an email address) and their review, the child's link and the child's whole form, through the real pages. */
final class FormAlertsTestSupport {

    static final String CHILD_NAME = "Robin";
    static final String WORDS = "LEAKCANARY I want to see my brother more";
    private static final Pattern LINK = Pattern.compile("value=\"https?://[^\"/]+(/consultation/link/([A-Za-z0-9_-]{22}))\"");

    private FormAlertsTestSupport() {
    }

    record Officer(long id, String username, WebClient client, String csrf) {
    }

    static Officer officer(ApplicationContext context, URI base, String username) {
        long id = StaffFixtures.account(context, username, Role.REVIEWING_OFFICER);
        ReviewFixtures.execute(context, "update staff_account set email = '" + username + "@example.org' where id = " + id);
        WebClient client = new WebClient(base);
        return new Officer(id, username, client, StaffFixtures.signIn(client, username));
    }

    static long review(ApplicationContext context, Officer officer, String reference, LocalDate reviewDate) {
        long child = ReviewFixtures.child(context, reference, CHILD_NAME, LocalDate.of(2012, 1, 1));
        return ReviewFixtures.review(context, child, "CLA", reviewDate, officer.id());
    }

    /** The officer makes the child's link on the review page; its path, remembered as a secret. */
    static String createLink(Officer officer, long reviewId) {
        WebClient.Page linkPage = officer.client().post("/reviews/" + reviewId + "/consultation-link", "_csrf", officer.csrf());
        Matcher m = LINK.matcher(linkPage.body());
        assertTrue(m.find(), "a link on the page");
        Secrets.remember(m.group(2));
        return m.group(1);
    }

    /** The child answers every question (words for text, the first option otherwise) and presses Send twice. */
    static void sendForm(Officer officer, long reviewId, URI base) {
        WebClient child = new WebClient(base);
        assertEquals(303, child.get(createLink(officer, reviewId)).status());
        for (int number = 1; ; number++) {
            WebClient.Page page = child.get("/consultation/q/" + number);
            assertEquals(200, page.status(), "question " + number);
            String csrf = page.inputValue("_csrf");
            String path = "/consultation/q/" + number;
            WebClient.Page after;
            Matcher first = Pattern.compile("type=\"radio\"\\s+value=\"([^\"]+)\"").matcher(page.body());
            if (page.body().contains("type=\"radio\"") && first.find()) {
                after = child.post(path, "_csrf", csrf, "answer", first.group(1), "action", "save");
            } else if (page.body().contains("type=\"radio\"") || page.body().contains("type=\"checkbox\"")) {
                after = child.post(path, "_csrf", csrf, "action", "skip");
            } else {
                after = child.post(path, "_csrf", csrf, "answer", WORDS, "action", "save");
            }
            assertEquals(303, after.status(), "question " + number + ": " + after.body());
            if (after.location().equals("/consultation/check")) {
                break;
            }
        }
        WebClient.Page check = child.get("/consultation/check");
        assertEquals(303, child.post("/consultation/send", "_csrf", check.inputValue("_csrf")).status());
        // A second press of Send (a double tap, a retry) tells nobody again.
        child.post("/consultation/send", "_csrf", check.inputValue("_csrf"));
    }
}
