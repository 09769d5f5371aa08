package org.myview.participation;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.myview.staff.Role;
import org.myview.support.Browser;
import org.myview.support.Browser.Device;
import org.myview.support.BrowserTest;
import org.myview.support.Browsers;
import org.myview.support.ReviewFixtures;
import org.myview.support.StaffFixtures;
import org.openqa.selenium.By;

import java.time.LocalDate;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 15, item 3, in a real browser on a laptop and on a phone (360x640, with and without JavaScript): an officer
 * sees a child's unread form in the dashboard's exceptions list, opens the answers on the review day, and the
 * dashboard counts the form as read before the review; a form of a review already held and never read stays
 * listed. axe checks each page. Each device has its own officer and children, so the runs do not share figures.
 */
@BrowserTest
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadBeforeReviewBrowserTest {

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext context;

    private final Browsers browsers = new Browsers();

    @AfterAll
    void close() {
        browsers.close();
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(value = Device.class, names = {"DESKTOP", "PHONE", "PHONE_WITHOUT_JAVASCRIPT"})
    void anOfficerReadsAFormBeforeTheReviewAndTheDashboardCountsIt(Device device) {
        String suffix = device.name().toLowerCase().replace('_', '-');
        String username = "rbb." + suffix;
        long officer = StaffFixtures.account(context, username, Role.REVIEWING_OFFICER);
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        String code = String.valueOf(device.name().charAt(device.name().length() - 1)); // P, E, T: short, as case references are
        String todays = "RBT" + code;
        long reviewToday = review(todays, today, officer);
        sent(reviewToday);
        LocalDate heldDate = today.minusDays(2);
        String held = "RBH" + code;
        int sentThisYear = FinancialYear.containing(heldDate).equals(FinancialYear.containing(today)) ? 2 : 1;
        sent(review(held, heldDate, officer));

        Browser browser = StaffFixtures.signIn(browsers.on(device), server.getURI(), username);

        String year = "?year=" + FinancialYear.containing(today).label();
        browser.open(server.getURI().resolve("/participation" + year));
        browser.assertAccessible();
        if (device.phone()) {
            browser.assertNoHorizontalScroll();
        }
        String before = text(browser, "mrmv-unread-due");
        assertTrue(before.contains(todays), before);
        assertEquals("0/" + sentThisYear, count(browser), "sent before today's review and the held one, neither read");

        browser.driver().findElement(By.id("mrmv-unread-due")).findElement(By.partialLinkText(todays)).click();
        browser.assertAccessible();
        if (device.phone()) {
            browser.assertNoHorizontalScroll();
        }

        browser.open(server.getURI().resolve("/participation" + year));
        browser.assertAccessible();
        assertEquals("1/" + sentThisYear, count(browser), "read on the review day counts as read before the review");
        assertTrue(browser.driver().findElements(By.id("mrmv-unread-due")).isEmpty(), "nothing left unread for the days ahead");

        browser.open(server.getURI().resolve("/participation?year=" + FinancialYear.containing(heldDate).label()));
        String never = text(browser, "mrmv-unread-never");
        assertTrue(never.contains(held), never);
    }

    /** The year-to-date cell's "read/sent" of the all-reviews row. */
    private static String count(Browser browser) {
        var cells = browser.driver().findElement(By.id("mrmv-read-total")).findElements(By.cssSelector("td[data-key=YTD] .myview-count"));
        return cells.get(0).getText().trim();
    }

    private static String text(Browser browser, String id) {
        return browser.driver().findElement(By.id(id)).getText();
    }

    private long review(String reference, LocalDate date, long officer) {
        long child = ReviewFixtures.child(context, reference, "Hazel", date.minusYears(10));
        return ReviewFixtures.review(context, child, "CLA", date, officer);
    }

    private void sent(long review) {
        long link = ReviewFixtures.count(context, "insert into consultation_link (review_id, token_hash, created_at, expires_at) values ("
                + review + ", decode(md5(random()::text || clock_timestamp()::text), 'hex'), now() - interval '5 days',"
                + " now() + interval '9 days') returning id");
        long form = ReviewFixtures.count(context, "insert into consultation (link_id, review_id, definition_id, started_at, sent_at) values ("
                + link + ", " + review + ", 'consultation-8-11', now() - interval '5 days', now() - interval '3 days') returning id");
        ReviewFixtures.execute(context, "insert into consultation_answer (consultation_id, definition_id, definition_version, question_id, answer)"
                + " values (" + form + ", 'consultation-8-11', 1, 'going-well', 'Football on Saturdays')");
    }
}
