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
import org.myview.support.MutableClock;
import org.myview.support.ReviewFixtures;
import org.myview.support.StaffFixtures;
import org.myview.support.WebClient;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 15, items 1 and 4 together: a child whose views came another way (a paper booklet) shows so on the review
 * lists, is not prompted as "no link yet, review soon" (nothing is left to do), is found by its own filter, and
 * sorts with the sent forms, not with the reviews most to do.
 */
@MicronautTest(transactional = false)
@Property(name = "test.mutable-clock", value = "true")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReviewListViewsReceivedTest {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 10);

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
        officerId = StaffFixtures.account(context, "booklet.officer", Role.REVIEWING_OFFICER);
        review("Aspen", TODAY.plusDays(4));                                  // no link, review in 4 days
        long booklet = review("Beech", TODAY.plusDays(5));                   // no link, but a paper booklet came
        ReviewFixtures.execute(context, "insert into views_received (review_id, channel, received_on, recorded_by) values ("
                + booklet + ", 'PAPER_BOOKLET', '2026-03-09', " + officerId + ")");
    }

    @Test
    void aBookletShowsOnTheListAndIsNotPromptedAsNoLink() {
        WebClient officer = new WebClient(server.getURI());
        StaffFixtures.signIn(officer, "booklet.officer");
        WebClient.Page all = officer.get("/reviews");
        String beech = row(all, "Beech");
        assertTrue(beech.contains("Views received another way"), beech);
        assertTrue(beech.contains("Paper My Review My View booklet, 9 Mar 2026"), beech);
        assertTrue(!row(all, "Aspen").contains("Views received"), "only the review whose views came");

        assertEquals(List.of("Aspen"), names(officer.get("/reviews?form=NO_LINK_SOON")), "nothing to prompt for Beech");
        assertEquals(List.of("Beech"), names(officer.get("/reviews?form=RECEIVED")));
        assertEquals(List.of("Aspen", "Beech"), names(officer.get("/reviews?form=NO_LINK")), "the online form's state is still no link");
        assertEquals(List.of("Aspen", "Beech"), names(officer.get("/reviews?sort=form")), "most to do first; the booklet with the sent forms");
        assertTrue(officer.get("/staff").body().contains("Aspen"), "the home page's no-link prompt");
        assertTrue(!officer.get("/staff").body().contains("Beech"), "not for the child whose booklet came");
    }

    private long review(String name, LocalDate date) {
        long child = ReviewFixtures.child(context, "BK" + name.toUpperCase(), name, LocalDate.of(2012, 1, 1));
        return ReviewFixtures.review(context, child, "CLA", date, officerId);
    }

    private static String row(WebClient.Page page, String name) {
        Matcher m = Pattern.compile("<(tr|li)[ >](?:(?!</\\1>).)*?>\\s*" + name + "\\s*<(?:(?!</\\1>).)*</\\1>", Pattern.DOTALL).matcher(page.body());
        assertTrue(m.find(), name + " is on the page");
        return m.group().replaceAll("\\s+", " ");
    }

    private static List<String> names(WebClient.Page page) {
        assertEquals(200, page.status());
        Matcher m = Pattern.compile("<a class=\"govuk-link\" href=\"/reviews/\\d+\">\\s*([A-Z][a-z]+)\\s*<").matcher(page.body());
        List<String> names = new ArrayList<>();
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
