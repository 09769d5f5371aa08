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
import org.openqa.selenium.support.ui.Select;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 15, item 1, in a real browser on a laptop and on a phone (360x640, with and without JavaScript):
 * an officer sees each child's My Review My View status on their list and filters it. axe checks each page.
 */
@BrowserTest
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FormStatusBrowserTest {

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext context;

    private final Browsers browsers = new Browsers();

    @BeforeAll
    void data() {
        long officer = StaffFixtures.account(context, "fsb.officer", Role.REVIEWING_OFFICER);
        LocalDate today = LocalDate.now();
        LocalDate dob = today.minusYears(13);
        ReviewFixtures.review(context, ReviewFixtures.child(context, "FSB1", "Quince", dob), "CLA", today.plusDays(4), officer);
        long sent = ReviewFixtures.review(context, ReviewFixtures.child(context, "FSB2", "Rowan", dob), "CLA", today.plusDays(6), officer);
        long link = ReviewFixtures.count(context, "insert into consultation_link (review_id, token_hash, created_at, expires_at) values ("
                + sent + ", decode(md5('fsb-link'), 'hex'), now() - interval '3 days', now() + interval '9 days') returning id");
        ReviewFixtures.execute(context, "insert into consultation (link_id, review_id, definition_id, sent_at) values ("
                + link + ", " + sent + ", 'consultation-12-plus', now() - interval '1 day')");
        long talk = ReviewFixtures.review(context, ReviewFixtures.child(context, "FSB3", "Sorrel", dob), "CLA", today.plusDays(8), officer);
        long talkLink = ReviewFixtures.count(context, "insert into consultation_link (review_id, token_hash, created_at, expires_at) values ("
                + talk + ", decode(md5('fsb-talk'), 'hex'), now() - interval '2 days', now() + interval '9 days') returning id");
        ReviewFixtures.execute(context, "insert into notification_outbox (reference, channel, template_key, state, next_attempt_at, created_at,"
                + " subject_type, subject_id) values (gen_random_uuid(), 'SMS', 'consultation-link', 'RECORDED', now(), now() - interval '2 days',"
                + " 'consultation_link', " + talkLink + ")");
        ReviewFixtures.execute(context, "insert into consultation_concern (review_id, link_id) values (" + talk + ", " + talkLink + ")");
    }

    @AfterAll
    void close() {
        browsers.close();
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(value = Device.class, names = {"DESKTOP", "PHONE", "PHONE_WITHOUT_JAVASCRIPT"})
    void anOfficerSeesEachStatusAndFiltersTheList(Device device) {
        Browser browser = StaffFixtures.signIn(browsers.on(device), server.getURI(), "fsb.officer");
        browser.open(server.getURI().resolve("/reviews"));
        browser.assertAccessible();
        String text = browser.pageText();
        assertTrue(text.contains("No link yet"), text);
        assertTrue(text.contains("Sent"), text);
        assertTrue(text.contains("Asked to talk"), text);
        assertTrue(text.contains("By text"), text);
        if (device.phone()) {
            browser.assertNoHorizontalScroll();
        }

        new Select(browser.driver().findElement(By.id("form"))).selectByVisibleText("Asked to talk to someone");
        browser.clickButton("Show");
        browser.assertAccessible();
        String filtered = browser.pageText();
        assertTrue(filtered.contains("Sorrel"), filtered);
        assertFalse(filtered.contains("Quince"), filtered);
        assertFalse(filtered.contains("Rowan"), filtered);
        assertTrue(browser.currentAddress().toString().contains("form=TALK"), "a plain GET form: the filter is in the address");

        new Select(browser.driver().findElement(By.id("form"))).selectByVisibleText("No link yet, review in the next 10 days");
        new Select(browser.driver().findElement(By.id("sort"))).selectByVisibleText("My Review My View (most to do first)");
        browser.clickButton("Show");
        browser.assertAccessible();
        String soon = browser.pageText();
        assertTrue(soon.contains("Quince"), soon);
        assertFalse(soon.contains("Sorrel"), soon);
        if (device.phone()) {
            browser.assertNoHorizontalScroll();
        }
    }
}
