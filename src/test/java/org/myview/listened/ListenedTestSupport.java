package org.myview.listened;

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

/** A held review of an officer's, its participation and the follow-up links, through the real pages where it matters. */
final class ListenedTestSupport {

    private static final Pattern LINK = Pattern.compile("value=\"https?://[^\"/]+(/listened/link/([A-Za-z0-9_-]{22}))\"");

    private ListenedTestSupport() {
    }

    record Setup(long reviewId, WebClient officer, String csrf) {
    }

    static Setup review(ApplicationContext context, URI base, String officer, String reference, String type, LocalDate reviewDate) {
        long officerId = ReviewFixtures.count(context, "select count(*) from staff_account where username = '" + officer + "'") == 0
                ? StaffFixtures.account(context, officer, Role.REVIEWING_OFFICER)
                : ReviewFixtures.count(context, "select id from staff_account where username = '" + officer + "'");
        long child = ReviewFixtures.child(context, reference, "Sky", reviewDate.minusYears(12));
        long review = ReviewFixtures.review(context, child, type, reviewDate, officerId);
        WebClient client = new WebClient(base);
        return new Setup(review, client, StaffFixtures.signIn(client, officer));
    }

    /** The child had a My Review My View link, and the officer recorded how they took part. */
    static void heldWithFormLink(ApplicationContext context, long reviewId) {
        ReviewFixtures.execute(context, "insert into consultation_link (review_id, token_hash, expires_at) values ("
                + reviewId + ", decode(md5(random()::text || clock_timestamp()::text), 'hex'), now())");
        recorded(context, reviewId);
    }

    static void recorded(ApplicationContext context, long reviewId) {
        ReviewFixtures.execute(context, "insert into review_participation (review_id, pn_code) values (" + reviewId + ", 'PN1')");
    }

    /** The officer makes a follow-up link on the review page; its path (/listened/link/...), or null when refused. */
    static String createLink(Setup setup, String respondent) {
        WebClient.Page page = setup.officer().post("/reviews/" + setup.reviewId() + "/listened-link", "_csrf", setup.csrf(), "respondent", respondent);
        if (page.status() == 303) {
            return null;
        }
        assertEquals(200, page.status(), page.body());
        Matcher m = LINK.matcher(page.body());
        assertTrue(m.find(), "a link on the page");
        Secrets.remember(m.group(2));
        return m.group(1);
    }
}
