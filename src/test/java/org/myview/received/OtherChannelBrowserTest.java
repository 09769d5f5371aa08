package org.myview.received;

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
 * A paper My Review My View booklet counts (issue 15, item 4): the officer records it on the review page (an
 * error first, then the booklet and the date it came), sees it there, and the manager's dashboard counts one more
 * completed review in this quarter, by paper booklet: on a 360 x 640 phone without JavaScript and on a desktop,
 * with axe on every page and no sideways scrolling.
 */
@BrowserTest
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OtherChannelBrowserTest {

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext context;

    private final Browsers browsers = new Browsers();

    @AfterAll
    void close() {
        browsers.close();
    }

    private static void check(Browser browser) {
        browser.assertAccessible();
        browser.assertNoHorizontalScroll();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Device.class, names = {"PHONE_WITHOUT_JAVASCRIPT", "DESKTOP"})
    void aPaperBookletRecordedOnTheReviewPageCountsInTheQuarter(Device device) {
        String officer = "channel.browser." + device.ordinal();
        String manager = "channel.manager." + device.ordinal();
        long officerId = StaffFixtures.account(context, officer, Role.REVIEWING_OFFICER);
        StaffFixtures.account(context, manager, Role.SERVICE_MANAGER);
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        long child = ReviewFixtures.child(context, "CHB" + device.ordinal(), "Robin", today.minusYears(9));
        long review = ReviewFixtures.review(context, child, "CLA", today, officerId); // held today
        int quarter = (today.getMonthValue() + 8) % 12 / 3 + 1;
        Browser browser = browsers.on(device).open(server.getURI().resolve("/cookies"));

        StaffFixtures.signIn(browser, server.getURI(), manager);
        browser.open(server.getURI().resolve("/participation?type=CLA"));
        check(browser);
        long completedBefore = cell(browser, "mrmv", "completed", quarter);
        long bookletsBefore = cell(browser, "mrmv-channels", "completed-by-PAPER_BOOKLET", quarter);

        // The officer: the review page's section, the form, an error, then the booklet.
        StaffFixtures.signIn(browser, server.getURI(), officer);
        browser.open(server.getURI().resolve("/reviews/" + review));
        assertTrue(browser.pageText().contains("Views received another way"), browser.pageText());
        check(browser);
        browser.driver().findElement(By.id("record-views-received")).click();
        assertEquals("/reviews/" + review + "/views-received", browser.currentAddress().getPath());
        assertEquals("Views received another way", browser.heading());
        check(browser);
        browser.clickButton("Save");
        assertTrue(browser.title().startsWith("Error: "), browser.title());
        assertTrue(browser.pageText().contains("Choose how the child’s views came"));
        check(browser);
        browser.choose("Paper My Review My View booklet").fill("received-day", String.valueOf(today.getDayOfMonth()))
                .fill("received-month", String.valueOf(today.getMonthValue())).fill("received-year", String.valueOf(today.getYear()))
                .clickButton("Save");
        assertEquals("/reviews/" + review, browser.currentAddress().getPath());
        String section = String.valueOf(browser.script("return document.getElementById('views-received').innerText"));
        assertTrue(section.contains("Paper My Review My View booklet"), section);
        assertTrue(section.contains("Remove"), section);
        check(browser);

        // The manager: one more completed review this quarter, by paper booklet.
        StaffFixtures.signIn(browser, server.getURI(), manager);
        browser.open(server.getURI().resolve("/participation?type=CLA"));
        check(browser);
        assertEquals(completedBefore + 1, cell(browser, "mrmv", "completed", quarter));
        assertEquals(bookletsBefore + 1, cell(browser, "mrmv-channels", "completed-by-PAPER_BOOKLET", quarter));
    }

    /** A figure of the dashboard: the table's row, the quarter's cell (the row's heading is cell 0). */
    private static long cell(Browser browser, String table, String figure, int quarter) {
        Object text = browser.script("return document.querySelector('#' + arguments[0] + ' tr[data-figure=\"' + arguments[1] + '\"]')"
                + ".cells[arguments[2]].innerText", table, figure, quarter);
        return Long.parseLong(String.valueOf(text).trim());
    }
}
