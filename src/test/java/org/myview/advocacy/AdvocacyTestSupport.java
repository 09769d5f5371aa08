package org.myview.advocacy;

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

/** An officer's review, the child's link and the child's form, through the real pages, with the advocate answers chosen. */
final class AdvocacyTestSupport {

    static final String WORDS = "LEAKCANARY I would like help with contact";
    private static final Pattern LINK = Pattern.compile("value=\"https?://[^\"/]+(/consultation/link/([A-Za-z0-9_-]{22}))\"");

    private AdvocacyTestSupport() {
    }

    record Setup(long reviewId, WebClient officer, String csrf) {
    }

    static Setup review(ApplicationContext context, URI base, String officer, String reference, LocalDate dateOfBirth, LocalDate reviewDate) {
        long officerId = ReviewFixtures.count(context, "select count(*) from staff_account where username = '" + officer + "'") == 0
                ? StaffFixtures.account(context, officer, Role.REVIEWING_OFFICER)
                : ReviewFixtures.count(context, "select id from staff_account where username = '" + officer + "'");
        long child = ReviewFixtures.child(context, reference, "Robin", dateOfBirth);
        long review = ReviewFixtures.review(context, child, "CLA", reviewDate, officerId);
        WebClient client = new WebClient(base);
        return new Setup(review, client, StaffFixtures.signIn(client, officer));
    }

    /** The officer creates the child's link on the review page; its path, remembered as a secret. */
    static String createLink(Setup setup) {
        WebClient.Page linkPage = setup.officer().post("/reviews/" + setup.reviewId() + "/consultation-link", "_csrf", setup.csrf());
        Matcher m = LINK.matcher(linkPage.body());
        assertTrue(m.find(), "a link on the page");
        Secrets.remember(m.group(2));
        return m.group(1);
    }

    /**
     * The child opens the officer's link and answers every question: words for text, the first option for other
     * choices, "skip" on the forum question; {@code advocate} and {@code consent} as given (null: "I'd rather not
     * say"). Returns the consent question's page (null when the version has none) after sending.
     */
    static WebClient.Page sendForm(Setup setup, URI base, String advocate, String consent) {
        WebClient child = new WebClient(base);
        assertEquals(303, child.get(createLink(setup)).status());
        WebClient.Page consentPage = null;
        for (int number = 1; ; number++) {
            WebClient.Page page = child.get("/consultation/q/" + number);
            assertEquals(200, page.status(), "question " + number);
            String csrf = page.inputValue("_csrf");
            String path = "/consultation/q/" + number;
            WebClient.Page after;
            if (page.body().contains("name=\"answer\" type=\"radio\"") || page.body().contains("type=\"radio\"")) {
                String answer;
                if (page.body().contains("advocate-consent") || page.body().contains("ask an advocacy service to contact you")
                        || page.body().contains("ask an advocate to get in touch")) {
                    consentPage = page;
                    answer = consent;
                } else if (page.body().contains("Would you like an advocate")) {
                    answer = advocate;
                } else if (page.body().contains("Can we share what you said")) {
                    answer = null;
                } else {
                    Matcher first = Pattern.compile("type=\"radio\"\\s+value=\"([^\"]+)\"").matcher(page.body());
                    assertTrue(first.find());
                    answer = first.group(1);
                }
                after = answer == null ? child.post(path, "_csrf", csrf, "action", "skip")
                        : child.post(path, "_csrf", csrf, "answer", answer, "action", "save");
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
        // A second press of Send (a double tap, a retry) raises nothing more.
        child.post("/consultation/send", "_csrf", check.inputValue("_csrf"));
        return consentPage;
    }
}
