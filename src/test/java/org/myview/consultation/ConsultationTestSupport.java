package org.myview.consultation;

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

/** An officer, a child and a review, and the link the officer makes for the child, through the real pages. */
final class ConsultationTestSupport {

    private static final Pattern LINK = Pattern.compile("value=\"https?://[^\"/]+(/consultation/link/([A-Za-z0-9_-]{22}))\"");

    private ConsultationTestSupport() {
    }

    record Setup(long officerId, long reviewId, WebClient officer, String officerCsrf) {
    }

    static Setup reviewFor(ApplicationContext context, URI base, String officerUsername, String caseReference,
                           LocalDate dateOfBirth, LocalDate reviewDate) {
        long officerId;
        if (ReviewFixtures.count(context, "select count(*) from staff_account where username = '" + officerUsername + "'") == 0) {
            officerId = StaffFixtures.account(context, officerUsername, Role.REVIEWING_OFFICER);
        } else {
            officerId = ReviewFixtures.count(context, "select id from staff_account where username = '" + officerUsername + "'");
        }
        long childId = ReviewFixtures.child(context, caseReference, "Sam", dateOfBirth);
        long reviewId = ReviewFixtures.review(context, childId, "CLA", reviewDate, officerId);
        WebClient officer = new WebClient(base);
        String csrf = StaffFixtures.signIn(officer, officerUsername);
        return new Setup(officerId, reviewId, officer, csrf);
    }

    /** The officer creates the link on the review page; returns its path (/consultation/link/<token>), remembered as a secret. */
    static String createLink(Setup setup) {
        WebClient.Page page = setup.officer().post("/reviews/" + setup.reviewId() + "/consultation-link", "_csrf", setup.officerCsrf());
        if (page.status() != 200) {
            throw new IllegalStateException("Link not created: " + page.status());
        }
        Matcher m = LINK.matcher(page.body());
        if (!m.find()) {
            throw new IllegalStateException("No link on the page");
        }
        Secrets.remember(m.group(2));
        return m.group(1);
    }

    static String token(String linkPath) {
        return linkPath.substring(linkPath.lastIndexOf('/') + 1);
    }
}
