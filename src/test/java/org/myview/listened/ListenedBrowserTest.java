package org.myview.listened;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
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
 * The follow-up on a 360 x 640 phone without JavaScript and on a desktop: the child answers the three questions,
 * checks and sends, once; the officer sees the answer; the manager's results page. axe on every page, no sideways
 * scrolling.
 */
@BrowserTest
@MicronautTest(transactional = false)
@Property(name = "myview.links.slow-down-step", value = "5ms")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ListenedBrowserTest {

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext context;

    private final Browsers browsers = new Browsers();
    private int children;

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
    void aChildAnswersTheFollowUpOnceAndTheManagerSeesTheResults(Device device) {
        String officer = "lst.browser." + device.ordinal();
        String manager = "lst.bmanager." + device.ordinal();
        StaffFixtures.account(context, manager, Role.SERVICE_MANAGER);
        ListenedTestSupport.Setup setup = ListenedTestSupport.review(context, server.getURI(), officer, "LSTB" + (++children) + device.ordinal(),
                "CLA", LocalDate.now().minusDays(1));
        ListenedTestSupport.heldWithFormLink(context, setup.reviewId());
        String link = ListenedTestSupport.createLink(setup, "CHILD");
        Browser browser = browsers.on(device).open(server.getURI().resolve("/cookies"));
        browser.driver().manage().deleteAllCookies();

        browser.open(server.getURI().resolve(link));
        assertEquals("/listened", browser.currentAddress().getPath());
        assertEquals("Were you listened to at your review?", browser.heading());
        check(browser);
        browser.clickButton("Start");
        assertEquals("/listened/q/1", browser.currentAddress().getPath());
        check(browser);
        browser.choose("Yes").clickButton("Continue");
        assertEquals("Do you understand what was decided at your review, and why?", browser.heading());
        check(browser);
        browser.clickButton("I’d rather not say");
        check(browser);
        browser.fill("answer", "x".repeat(1001)).clickButton("Continue");
        assertTrue(browser.title().startsWith("Error: "), browser.title());
        check(browser);
        browser.fill("answer", "LEAKCANARY it was fine").clickButton("Continue");
        assertEquals("/listened/check", browser.currentAddress().getPath());
        check(browser);
        browser.clickButton("Send");
        assertEquals("/listened/sent", browser.currentAddress().getPath());
        check(browser);
        browser.open(server.getURI().resolve("/listened/q/1"));
        assertEquals("/listened/sent", browser.currentAddress().getPath(), "answered once: the questions are gone");
        assertEquals(1, ReviewFixtures.count(context, "select count(*) from listened_link where review_id = " + setup.reviewId() + " and sent_at is not null"));

        StaffFixtures.signIn(browser, server.getURI(), officer);
        browser.open(server.getURI().resolve("/reviews/" + setup.reviewId()));
        assertTrue(browser.pageText().contains("The child has answered."));
        assertTrue(browser.pageText().contains("LEAKCANARY it was fine"));
        check(browser);

        StaffFixtures.signIn(browser, server.getURI(), manager);
        browser.open(server.getURI().resolve("/listened/results"));
        assertEquals("Were you listened to? Results", browser.heading());
        check(browser);
    }
}
