package org.myview.review;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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
import java.time.YearMonth;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The staff journeys tried as a new user would, in a real browser on a laptop and on a phone:
 * an officer finds an overdue review and records it; the manager finds last quarter’s CP attendance
 * and its RAG colour. axe checks every page on the way. The time taken is printed, not asserted:
 * speed targets are shown by people and benchmarks, not by timed tests.
 */
@BrowserTest
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaffJourneysBrowserTest {

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext context;

    private final Browsers browsers = new Browsers();
    private int reviewNumber;
    private long officer;

    @BeforeAll
    void data() {
        officer = StaffFixtures.account(context, "journey.officer", Role.REVIEWING_OFFICER);
        StaffFixtures.account(context, "journey.manager", Role.SERVICE_MANAGER);
        LocalDate today = LocalDate.now();
        // Last quarter's CP review conferences: 2 of 10 children aged 4+ came.
        YearMonth lastQuarterMonth = YearMonth.from(today).minusMonths(3);
        for (int i = 0; i < 10; i++) {
            long child = ReviewFixtures.child(context, "JCP" + i, "Cp" + i, today.minusYears(9));
            long review = ReviewFixtures.review(context, child, "CP_REVIEW", lastQuarterMonth.atDay(10), officer);
            ReviewFixtures.execute(context, "insert into review_participation (review_id, pn_code) values (" + review + ", '"
                    + (i < 2 ? "PN1" : "PN6") + "')");
        }
        // A CLA review last quarter whose child sent their My Review My View form the day before, for that section of the page.
        long claChild = ReviewFixtures.child(context, "JCLA", "Cla", today.minusYears(6));
        long cla = ReviewFixtures.review(context, claChild, "CLA", lastQuarterMonth.atDay(12), officer);
        long link = ReviewFixtures.count(context, "insert into consultation_link (review_id, token_hash, created_at, expires_at) values ("
                + cla + ", decode(md5('journey-link'), 'hex'), '" + lastQuarterMonth.atDay(1) + "', '" + lastQuarterMonth.atDay(28) + "') returning id");
        ReviewFixtures.execute(context, "insert into consultation (link_id, review_id, definition_id, sent_at) values ("
                + link + ", " + cla + ", 'mrmv-4-7', '" + lastQuarterMonth.atDay(11) + "')");
        ReviewFixtures.execute(context, "insert into participation_target (measure, review_types, baseline, target, tolerance) "
                + "values ('ATTENDED', 'ALL_CP', 10.2, 25, 5)");
    }

    @AfterAll
    void close() {
        browsers.close();
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(value = Device.class, names = {"DESKTOP", "PHONE", "PHONE_WITHOUT_JAVASCRIPT"})
    void anOfficerFindsAnOverdueReviewAndRecordsHowTheChildTookPart(Device device) {
        reviewNumber++;
        long child = ReviewFixtures.child(context, "JRN" + reviewNumber, "Juniper" + reviewNumber, LocalDate.now().minusYears(10));
        ReviewFixtures.review(context, child, "CLA", LocalDate.now().minusDays(3), officer);
        Browser browser = browsers.on(device).open(server.getURI().resolve("/sign-out-not-a-page"));
        browser.driver().manage().deleteAllCookies();

        long start = System.nanoTime();
        browser.open(server.getURI().resolve("/sign-in"));
        browser.assertAccessible();
        browser.fill("username", "journey.officer").fill("password", StaffFixtures.PASSWORD).clickButton("Sign in");
        browser.open(server.getURI().resolve("/reviews"));
        browser.assertAccessible();
        browser.driver().findElement(By.partialLinkText("Juniper" + reviewNumber)).click();
        browser.waitUntilPainted();
        browser.assertAccessible();
        browser.driver().findElement(By.partialLinkText("Record how the child took part")).click();
        browser.waitUntilPainted();
        browser.assertAccessible();
        browser.choose("Came to the review and spoke for themselves").choose("No advocate").clickButton("Save");
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertTrue(browser.pageText().contains("How the child took part has been recorded"), browser.pageText());
        browser.assertAccessible();
        if (device.phone()) {
            browser.assertNoHorizontalScroll();
        }
        System.out.printf("Journey: officer records an overdue review on %s in %d ms (browser time, without reading)%n", device, millis);
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(value = Device.class, names = {"DESKTOP", "PHONE"})
    void theManagerFindsLastQuartersCpAttendanceAndItsRag(Device device) {
        Browser browser = browsers.on(device).open(server.getURI().resolve("/sign-in"));
        browser.driver().manage().deleteAllCookies();

        long start = System.nanoTime();
        browser.open(server.getURI().resolve("/sign-in"));
        browser.fill("username", "journey.manager").fill("password", StaffFixtures.PASSWORD).clickButton("Sign in");
        browser.open(server.getURI().resolve("/participation"));
        browser.assertAccessible();
        String text = browser.pageText();
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertTrue(text.contains("Physical attendance of children aged 4+"), text);
        assertTrue(text.contains("20%"), "2 of 10 attended last quarter");
        assertTrue(text.contains("AMBER"), "20% is within 5 points of the 25% target");
        assertTrue(text.contains("My Review My View") && text.contains("Forms completed before the review"), "the My Review My View section");
        System.out.printf("Journey: manager reads last quarter's CP attendance and RAG on %s in %d ms%n", device, millis);
    }
}
