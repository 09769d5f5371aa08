package org.myview.consultation;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.myview.staff.Role;
import org.myview.support.Browser;
import org.myview.support.Browser.Device;
import org.myview.support.BrowserTest;
import org.myview.support.Browsers;
import org.myview.support.MutableClock;
import org.myview.support.ReviewFixtures;
import org.myview.support.StaffFixtures;
import org.myview.support.WebClient;
import org.openqa.selenium.By;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Talk now on a 360 x 640 phone, with JavaScript and without: a child raises a concern with each contact
 * choice (the 4-7 version with pictures); the officer and the duty inbox each get one message. Then staff:
 * a manager opening the review leaves it open, an unanswered concern is sent on once per period of the
 * (test's) clock, and the duty team's recorded contact closes it. Axe checks every new page.
 */
@BrowserTest
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "test.mutable-clock", value = "true")
@Property(name = "myview.notify.sender-enabled", value = "false")
@Property(name = "myview.talk-now.escalation-enabled", value = "false")
@Property(name = "myview.talk-now.duty-inbox", value = "duty@example.org")
class TalkNowBrowserTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext context;
    @Inject
    MutableClock clock;
    @Inject
    ConcernService concerns;

    private final Browsers browsers = new Browsers();
    private int children;

    @AfterAll
    void close() {
        browsers.close();
    }

    static Stream<Arguments> choicesAndDevices() {
        return Stream.of(Device.PHONE, Device.PHONE_WITHOUT_JAVASCRIPT).flatMap(device -> Stream.of(
                Arguments.of(device, "PHONE", "A phone call", 14),
                Arguments.of(device, "TEXT", "A text message", 10),
                Arguments.of(device, "SCHOOL", "Face to face at school", 6),
                Arguments.of(device, "HOME", "Face to face where I live", 6)));
    }

    private ConsultationTestSupport.Setup review(String officer, int age) {
        ConsultationTestSupport.Setup setup = ConsultationTestSupport.reviewFor(context, server.getURI(), officer, "TNB" + (++children),
                LocalDate.now(LONDON).minusYears(age).minusDays(10), LocalDate.now(LONDON).plusDays(7));
        ReviewFixtures.execute(context, "update staff_account set email = '" + officer + "@example.org' where id = " + setup.officerId());
        return setup;
    }

    private Browser fresh(Device device) {
        Browser browser = browsers.on(device).open(server.getURI().resolve("/cookies"));
        browser.driver().manage().deleteAllCookies();
        return browser;
    }

    private long count(String sql) {
        return ReviewFixtures.count(context, sql);
    }

    @ParameterizedTest(name = "{1} on {0}")
    @MethodSource("choicesAndDevices")
    void aChildAsksToTalkChoosingHowToBeContactedAndTheOfficerAndTheDutyInboxAreEachToldOnce(Device device, String way,
                                                                                            String label, int age) {
        clock.set(Instant.now());
        ConsultationTestSupport.Setup setup = review("tnb.officer." + way.toLowerCase(), age);
        Browser browser = fresh(device);
        browser.open(server.getURI().resolve(ConsultationTestSupport.createLink(setup)));
        click(browser, "I want to talk to someone now");
        assertEquals("Do you want someone to contact you today?", browser.heading());
        assertEquals(0, count("select count(*) from consultation_concern where review_id = " + setup.reviewId()), "nothing raised yet");
        assertTrue(browser.pageText().contains("Exit this page"));
        assertEquals("tel:999", browser.driver().findElement(By.linkText("Call 999")).getDomAttribute("href"));
        assertEquals("tel:08001111", browser.driver().findElement(By.linkText("Call Childline: 0800 1111")).getDomAttribute("href"));
        assertEquals(age < 8, !browser.driver().findElements(By.cssSelector("svg.myview-way")).isEmpty(), "pictures in the 4-7 version only");
        browser.assertAccessible();
        browser.assertNoHorizontalScroll();

        browser.choose(label);
        if (way.equals("TEXT")) {
            browser.choose("In the evening").choose("Please don’t contact me through my carer").fill("message", "After 6 is best");
        }
        click(browser, "Yes, tell someone now");
        assertEquals("We have told someone", browser.heading());
        assertTrue(browser.pageText().contains("Someone will contact you today."));
        browser.assertAccessible();
        browser.assertNoHorizontalScroll();
        browser.assertNoConsoleErrors();

        long id = count("select id from consultation_concern where review_id = " + setup.reviewId());
        assertEquals(1, count("select count(*) from consultation_concern where id = " + id + " and contact_ways = '{" + way + "}'"
                + (way.equals("TEXT") ? " and safe_time = 'EVENING' and not_through_carer and message = 'After 6 is best'" : "")));
        assertEquals(1, count("select count(*) from notification_outbox where subject_id = " + id
                + " and template_key = 'consultation-concern' and recipient = 'tnb.officer." + way.toLowerCase() + "@example.org'"));
        assertEquals(1, count("select count(*) from notification_outbox where subject_id = " + id
                + " and template_key = 'consultation-concern' and recipient = 'duty@example.org'"));
        assertEquals(2, count("select count(*) from notification_outbox where subject_type = 'consultation_concern' and subject_id = " + id));

        click(browser, "Go back to your questions");
        assertFalse(browser.currentAddress().getPath().startsWith("/consultation/talk"));
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(value = Device.class, names = {"PHONE", "PHONE_WITHOUT_JAVASCRIPT"})
    void aManagerOpeningTheReviewLeavesItOpenItIsSentOnOncePerPeriodAndTheDutyTeamsContactClosesIt(Device device) {
        // The clock starts at the real time: the staff pages' JavaScript compares the session's expiry with the browser's clock.
        clock.set(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MINUTES));
        ConsultationTestSupport.Setup setup = review("tnb.staff.officer", 12);
        WebClient child = new WebClient(server.getURI());
        child.get(ConsultationTestSupport.createLink(setup));
        assertEquals(303, child.post("/consultation/talk", "_csrf", child.get("/consultation/q/1").inputValue("_csrf"), "ways", "PHONE").status());
        long id = count("select id from consultation_concern where review_id = " + setup.reviewId());
        String suffix = device.javaScript() ? "js" : "nojs";
        if (count("select count(*) from staff_account where username = 'tnb.manager'") == 0) {
            StaffFixtures.account(context, "tnb.manager", Role.SERVICE_MANAGER);
            StaffFixtures.account(context, "tnb.duty", Role.DUTY);
        }

        clock.advance(Duration.ofMinutes(119));
        concerns.escalateDue();
        clock.advance(Duration.ofMinutes(1));
        concerns.escalateDue();
        concerns.escalateDue();
        assertEquals(1, count("select count(*) from consultation_concern_escalation where concern_id = " + id), "once at two hours");

        Browser manager = fresh(device);
        signIn(manager, "tnb.manager");
        manager.open(server.getURI().resolve("/reviews/" + setup.reviewId()));
        assertTrue(manager.pageText().contains("The child asked to talk to someone now"), suffix);
        manager.open(server.getURI().resolve("/concerns"));
        assertTrue(manager.pageText().contains("TNB" + children));
        manager.assertAccessible();
        manager.assertNoHorizontalScroll();
        assertEquals(1, count("select count(*) from consultation_concern where id = " + id + " and closed_at is null"),
                "the manager opening the review and the list leaves it open");

        Browser duty = fresh(device);
        signIn(duty, "tnb.duty");
        duty.open(server.getURI().resolve("/concerns/" + id));
        assertTrue(duty.pageText().contains("Open"));
        assertTrue(duty.pageText().contains(": to the duty inbox"), "the escalation shows");
        assertTrue(duty.pageText().contains("Phone call"));
        duty.assertAccessible();
        duty.assertNoHorizontalScroll();

        duty.fill("time", "9am");
        click(duty, "Save contact");
        assertTrue(duty.pageText().contains("There is a problem"));
        assertTrue(duty.pageText().contains("Enter the time of the contact on the 24-hour clock"));
        duty.assertAccessible();
        duty.assertNoHorizontalScroll();
        assertEquals(1, count("select count(*) from consultation_concern where id = " + id + " and closed_at is null"));

        String now = clock.instant().atZone(LONDON).toLocalTime().withSecond(0).withNano(0).toString();
        duty.fill("time", now).choose("Phone call").choose("Spoke to the child").fill("note", "Spoke to the child by phone");
        click(duty, "Save contact");
        assertTrue(duty.pageText().contains("Closed"), duty.pageText());
        assertTrue(duty.pageText().contains("Spoke to the child by phone"));
        duty.assertAccessible();
        duty.assertNoHorizontalScroll();
        assertEquals(1, count("select count(*) from consultation_concern where id = " + id + " and closed_at is not null"), "closed");

        clock.advance(Duration.ofHours(2));
        concerns.escalateDue();
        assertEquals(1, count("select count(*) from consultation_concern_escalation where concern_id = " + id), "closed: not sent on again");
    }

    private void signIn(Browser browser, String username) {
        browser.open(server.getURI().resolve("/sign-in"));
        browser.fill("username", username).fill("password", StaffFixtures.PASSWORD);
        click(browser, "Sign in");
    }

    /** Clicks the button (or link) and waits for the next page. */
    private static void click(Browser browser, String text) {
        String before = browser.driver().getCurrentUrl();
        try {
            if (browser.driver().findElements(By.linkText(text)).stream().anyMatch(e -> !String.valueOf(e.getDomAttribute("class")).contains("govuk-button"))) {
                browser.driver().findElement(By.linkText(text)).click();
            } else {
                browser.clickButton(text);
            }
        } catch (org.openqa.selenium.TimeoutException raced) {
            // A redirect (303 after a POST) can replace the page while the helper checks it was painted.
        }
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .until(d -> !d.getCurrentUrl().equals(before) || before.contains("/concerns/"));
        for (int attempt = 1; ; attempt++) {
            try {
                browser.waitUntilPainted();
                return;
            } catch (org.openqa.selenium.WebDriverException raced) {
                if (attempt == 3) {
                    throw raced;
                }
            }
        }
    }
}
