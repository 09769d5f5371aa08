package org.myview.advocacy;

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
 * A child asks for an advocate and says yes to passing it on (the 12+ form's questions 9 and 10), the officer
 * refers them to NYAS from the review list, and the manager sees the referral counted against the target: on a
 * 360 x 640 phone without JavaScript and on a desktop, with axe on every page and no sideways scrolling.
 */
@BrowserTest
@MicronautTest(transactional = false)
@Property(name = "myview.links.slow-down-step", value = "5ms")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdvocacyBrowserTest {

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
    void aChildsRequestBecomesAReferralTheOfficerMakesAndTheManagerCounts(Device device) {
        String officer = "adv.browser." + device.ordinal();
        String manager = "adv.manager." + device.ordinal();
        StaffFixtures.account(context, manager, Role.SERVICE_MANAGER);
        AdvocacyTestSupport.Setup setup = AdvocacyTestSupport.review(context, server.getURI(), officer, "ADVB" + (++children) + device.ordinal(),
                LocalDate.now().minusYears(14), LocalDate.now().plusDays(7));
        String link = AdvocacyTestSupport.createLink(setup);
        Browser browser = browsers.on(device).open(server.getURI().resolve("/cookies"));
        browser.driver().manage().deleteAllCookies();

        // The child: question 9 (advocate), question 10 (consent), check, send.
        browser.open(server.getURI().resolve(link));
        browser.open(server.getURI().resolve("/consultation/q/9"));
        assertEquals("Would you like an advocate, for example from NYAS?", browser.heading());
        browser.choose("Yes").clickButton("Continue");
        assertEquals("/consultation/q/10", browser.currentAddress().getPath());
        assertEquals("If you want an advocate, can we ask an advocacy service to contact you?", browser.heading());
        assertTrue(browser.pageText().contains("your reviewing officer or the participation lead will give your first name"));
        check(browser);
        browser.choose("Yes").clickButton("Continue");
        browser.open(server.getURI().resolve("/consultation/check"));
        check(browser);
        browser.clickButton("Send");
        assertEquals("/consultation/sent", browser.currentAddress().getPath());
        assertEquals(1, ReviewFixtures.count(context, "select count(*) from advocacy_referral where review_id = " + setup.reviewId()));

        // The officer: the review list says a child waits; the referral page; an error, then the referral.
        StaffFixtures.signIn(browser, server.getURI(), officer);
        browser.open(server.getURI().resolve("/reviews"));
        assertTrue(browser.pageText().contains("1 child asked for an advocate and is waiting to be referred."));
        check(browser);
        browser.open(server.getURI().resolve("/advocacy"));
        assertEquals("Advocacy referrals", browser.heading());
        check(browser);
        long id = ReviewFixtures.count(context, "select id from advocacy_referral where review_id = " + setup.reviewId());
        browser.open(server.getURI().resolve("/advocacy/referrals/" + id));
        check(browser);
        browser.clickButton("Save progress");
        assertTrue(browser.title().startsWith("Error: "), browser.title());
        check(browser);
        browser.choose("Referral made").choose("NYAS (National Youth Advocacy Service)").clickButton("Save progress");
        assertTrue(browser.pageText().contains("Progress saved"), browser.pageText());
        assertTrue(browser.pageText().contains("Referred"));
        check(browser);
        browser.open(server.getURI().resolve("/reviews/" + setup.reviewId()));
        check(browser);

        // The manager: counted in this month, against the target.
        StaffFixtures.signIn(browser, server.getURI(), manager);
        browser.open(server.getURI().resolve("/advocacy/figures"));
        check(browser);
        String row = String.valueOf(browser.script("return document.getElementById('row-REFERRED_NYAS').innerText"));
        assertTrue(row.contains("Referrals made to NYAS"), row);
        long referred = ReviewFixtures.count(context, "select count(*) from advocacy_referral where referred_on is not null");
        assertTrue(row.matches("(?s).*\\b" + referred + "\\b.*"), row);
    }
}
