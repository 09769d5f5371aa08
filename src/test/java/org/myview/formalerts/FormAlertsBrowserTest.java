package org.myview.formalerts;

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

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * On a 360 x 640 phone and on a desktop: the officer's home page lists their review in 5 days with no link, and
 * the officer chooses the daily email on the preference page; a child sends their form and the officer's one email is
 * in the outbox (the participation lead's page), with the review's link and nothing personal. axe on every page, no
 * sideways scrolling.
 */
@BrowserTest
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FormAlertsBrowserTest {

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
    @EnumSource(value = Device.class, names = {"PHONE", "DESKTOP"})
    void theOfficerSeesReviewsWithNoLinkOnTheirHomePageAndChoosesTheDailyEmail(Device device) {
        String officer = "fa.browser." + device.ordinal();
        long officerId = StaffFixtures.account(context, officer, Role.REVIEWING_OFFICER);
        long child = ReviewFixtures.child(context, "FAB" + device.ordinal(), "Alexandria-Catherine", LocalDate.of(2013, 5, 1));
        long soon = ReviewFixtures.review(context, child, "CLA", LocalDate.now().plusDays(5), officerId);

        Browser browser = StaffFixtures.signIn(browsers.on(device), server.getURI(), officer);
        browser.open(server.getURI().resolve("/staff"));
        assertTrue(browser.pageText().contains("Reviews in the next 10 days with no My Review My View link"), browser.pageText());
        assertTrue(browser.pageText().contains("Alexandria-Catherine, FAB" + device.ordinal()));
        assertTrue(browser.pageText().contains("in 5 days"));
        assertEquals(1L, browser.script("return document.querySelectorAll('#no-link-reviews a[href=\"/reviews/" + soon + "\"]').length"));
        assertTrue(browser.pageText().contains("You get an email each time a child sends a form."));
        check(browser);

        browser.driver().findElement(org.openqa.selenium.By.linkText("Change how you hear about forms")).click();
        assertEquals("/staff/form-alerts", browser.currentAddress().getPath());
        assertEquals("Emails when a child sends a form", browser.heading());
        check(browser);
        browser.choose("One email a day listing the forms that arrived").clickButton("Save");
        assertTrue(browser.pageText().contains("Your choice is saved."), browser.pageText());
        check(browser);
        assertEquals(1, ReviewFixtures.count(context, "select count(*) from form_alert_preference where choice = 'DAILY' and staff_account_id = "
                + officerId), "the choice is saved");

        browser.open(server.getURI().resolve("/staff"));
        assertTrue(browser.pageText().contains("You get one email a day listing the forms that arrived."));
        check(browser);
    }

    /** A child sends their form; the officer's one email, with the review's link and nothing personal, is in the outbox. */
    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Device.class, names = {"PHONE_WITHOUT_JAVASCRIPT", "DESKTOP"})
    void whenAChildSendsTheirFormTheOfficerIsEmailedOnce(Device device) {
        FormAlertsTestSupport.Officer officer = FormAlertsTestSupport.officer(context, server.getURI(), "fa.sent." + device.ordinal());
        long review = FormAlertsTestSupport.review(context, officer, "FAS" + device.ordinal(), LocalDate.now().plusDays(3));
        FormAlertsTestSupport.sendForm(officer, review, server.getURI());
        String lead = "fa.lead." + device.ordinal();
        StaffFixtures.account(context, lead, Role.PARTICIPATION_LEAD);

        Browser browser = StaffFixtures.signIn(browsers.on(device), server.getURI(), lead);
        browser.open(server.getURI().resolve("/notify/outbox"));
        check(browser);
        String text = browser.pageText();
        assertTrue(text.contains(officer.username() + "@example.org"), text);
        assertTrue(text.contains("/reviews/" + review), "the link to the review page: " + text);
        assertEquals(1, browser.driver().findElements(org.openqa.selenium.By.xpath("//tr[contains(., '" + officer.username()
                + "@example.org')]")).size(), "one email, though Send was pressed twice");
        assertTrue(!text.contains(FormAlertsTestSupport.CHILD_NAME) && !text.contains("LEAKCANARY"), "no name, no answers");
    }
}
