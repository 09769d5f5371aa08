package org.myview.consultation;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.myview.support.Browser;
import org.myview.support.Browser.Device;
import org.myview.support.BrowserTest;
import org.myview.support.Browsers;
import org.myview.support.ReviewFixtures;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A child fills in and sends each age version of the form on a 360 x 640 phone, with JavaScript and
 * without; axe checks every page of the journey. One child does it with the keyboard only.
 */
@BrowserTest
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsultationBrowserTest {

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

    static Stream<Arguments> versionsAndDevices() {
        return Stream.of(Device.PHONE, Device.PHONE_WITHOUT_JAVASCRIPT).flatMap(device -> Stream.of(
                Arguments.of(device, 6, "4-7"), Arguments.of(device, 10, "8-11"), Arguments.of(device, 14, "12+")));
    }

    private String linkForChildAged(int age) {
        ConsultationTestSupport.Setup setup = ConsultationTestSupport.reviewFor(context, server.getURI(), "browser.officer",
                "BRW" + (++children), LocalDate.now().minusYears(age).minusDays(10), LocalDate.now().plusDays(7));
        return ConsultationTestSupport.createLink(setup);
    }

    private Browser fresh(Device device) {
        Browser browser = browsers.on(device).open(server.getURI().resolve("/cookies"));
        browser.driver().manage().deleteAllCookies();
        return browser;
    }

    @ParameterizedTest(name = "ages {2} on {0}")
    @MethodSource("versionsAndDevices")
    void aChildFillsInAndSendsTheirVersionOfTheForm(Device device, int age, String ages) {
        Browser browser = fresh(device);
        browser.open(server.getURI().resolve(linkForChildAged(age)));
        assertEquals("/consultation", browser.currentAddress().getPath(), "the token is swapped for a cookie");
        assertTrue(browser.pageText().contains("These questions are for ages " + ages), browser.driver().getPageSource());
        assertTrue(browser.pageText().contains("Exit this page"));
        browser.assertAccessible();
        browser.assertNoHorizontalScroll();
        click(browser, "Start");

        int questions = 0;
        while (!browser.heading().equals("Check your answers")) {
            questions++;
            assertTrue(questions < 20, "never reached check your answers");
            browser.assertAccessible();
            browser.assertNoHorizontalScroll();
            assertListenButtonOnlyWithSpeech(browser, device);
            if (browser.heading().startsWith("Can we share what you said")) {
                assertTrue(browser.driver().findElements(By.cssSelector("input[type=radio]:checked")).isEmpty(), "no answer chosen for the child");
                browser.choose("No");
                click(browser, "Continue");
            } else if (questions == 2) {
                click(browser, "I’d rather not say");
            } else if (!browser.driver().findElements(By.cssSelector("textarea[name=answer]")).isEmpty()) {
                browser.fill("answer", "Football with my friends");
                click(browser, "Continue");
            } else {
                browser.choose("answer");
                click(browser, "Continue");
            }
        }
        browser.assertAccessible();
        String check = browser.pageText();
        assertTrue(check.contains("You chose not to say"));
        click(browser, "Send");
        assertEquals("Your answers have been sent", browser.heading());
        assertTrue(browser.pageText().contains("We will not share what you said"));
        browser.assertAccessible();
        browser.assertNoConsoleErrors();
        assertFalse(browser.currentAddress().toString().contains("/link/"));
    }

    @Test
    void theOfficersPagesPassAxeWithAConcernAnswersAndANewLinkWithItsQrCode() {
        ConsultationTestSupport.Setup sentReview = ConsultationTestSupport.reviewFor(context, server.getURI(), "browser.officer",
                "BRW" + (++children), LocalDate.now().minusYears(10), LocalDate.now().plusDays(3));
        org.myview.support.WebClient child = new org.myview.support.WebClient(server.getURI());
        child.get(ConsultationTestSupport.createLink(sentReview));
        String csrf = child.get("/consultation/q/1").inputValue("_csrf");
        child.post("/consultation/q/1", "_csrf", csrf, "answer", "Swimming on Fridays", "action", "save");
        child.post("/consultation/talk", "_csrf", csrf);
        child.post("/consultation/send", "_csrf", csrf);
        ConsultationTestSupport.Setup newReview = ConsultationTestSupport.reviewFor(context, server.getURI(), "browser.officer",
                "BRW" + (++children), LocalDate.now().minusYears(13), LocalDate.now().plusDays(3));

        Browser officer = fresh(Device.DESKTOP);
        officer.open(server.getURI().resolve("/sign-in"));
        officer.fill("username", "browser.officer").fill("password", org.myview.support.StaffFixtures.PASSWORD);
        click(officer, "Sign in");
        officer.open(server.getURI().resolve("/reviews"));
        assertTrue(officer.pageText().contains("Children who asked to talk to someone now"));
        officer.assertAccessible();
        officer.open(server.getURI().resolve("/reviews/" + sentReview.reviewId()));
        assertTrue(officer.pageText().contains("Swimming on Fridays"));
        assertTrue(officer.pageText().contains("The child asked to talk to someone now"));
        officer.assertAccessible();
        officer.open(server.getURI().resolve("/reviews/" + newReview.reviewId()));
        officer.assertAccessible();
        click(officer, "Create a link for the child");
        assertEquals("Link for the child", officer.heading());
        assertTrue(officer.driver().findElement(By.id("child-link")).getDomProperty("value").contains("/consultation/link/"));
        org.myview.support.Secrets.remember(officer.driver().findElement(By.id("child-link")).getDomProperty("value").replaceAll(".*/", ""));
        assertTrue(officer.driver().findElement(By.cssSelector("svg.myview-qr path")).getDomAttribute("d").length() > 100, "a QR code");
        officer.assertAccessible();
        officer.assertNoConsoleErrors();

        // Send it by text or email (the 422 of the wrong number is the one console error, so checked before): a wrong number gets the error summary; then an email goes to the outbox.
        officer.fill("mobile", "12345");
        click(officer, "Send the link");
        assertTrue(officer.pageText().contains("There is a problem"));
        assertTrue(officer.pageText().contains("Enter a UK mobile number"));
        officer.assertAccessible();
        officer.fill("mobile", "").fill("email", "carer@example.org");
        officer.clickButton("Send the link");
        new org.openqa.selenium.support.ui.WebDriverWait(officer.driver(), java.time.Duration.ofSeconds(10))
                .until(d -> d.getCurrentUrl().endsWith("/consultation-link/sent"));
        officer.waitUntilPainted();
        assertEquals("The link is on its way", officer.heading());
        officer.assertAccessible();
    }

    /** Clicks the button and waits for the next page (every step of the journey has a new address). */
    private static void click(Browser browser, String text) {
        String before = browser.driver().getCurrentUrl();
        browser.clickButton(text);
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(10))
                .until(d -> !d.getCurrentUrl().equals(before));
        browser.waitUntilPainted();
    }

    private static void waitFor(Browser browser, String condition) {
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(10))
                .until(d -> Boolean.TRUE.equals(browser.script(condition)));
        browser.waitUntilPainted();
    }

    /** Tabs to the button and presses Enter, then waits for the next page (a new address). */
    private static void enterOn(Browser browser, String text) {
        String before = browser.driver().getCurrentUrl();
        browser.tabToText(text).pressEnter();
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(10))
                .until(d -> !d.getCurrentUrl().equals(before));
        browser.waitUntilPainted();
    }

    private static void assertListenButtonOnlyWithSpeech(Browser browser, Device device) {
        WebElement listen = browser.driver().findElement(By.cssSelector("[data-listen]"));
        boolean speech = Boolean.TRUE.equals(browser.script("return 'speechSynthesis' in window;"));
        assertEquals(device.javaScript() && speech, listen.isDisplayed(), "Listen shows only where the browser can speak");
    }

    @Test
    void aChildCompletesTheFormWithTheKeyboardOnlyAndTheTalkButtonAndOtherPagesPassAxe() {
        Browser browser = fresh(Device.DESKTOP);
        browser.open(server.getURI().resolve(linkForChildAged(9)));
        enterOn(browser, "Start");
        int questions = 0;
        while (!browser.heading().equals("Check your answers")) {
            questions++;
            assertTrue(questions < 20);
            if (!browser.driver().findElements(By.tagName("textarea")).isEmpty()) {
                browser.tabToField("answer").type("I like my school");
            } else {
                browser.tabTo(By.id("answer")).pressSpace();
            }
            enterOn(browser, "Continue");
        }
        enterOn(browser, "Send");
        assertEquals("Your answers have been sent", browser.heading());
        assertTrue(browser.pageText().contains("They will not see your name"), "the keyboard chose the first answer (Yes) on the consent question");

        // "I want to talk to someone now", and the page it leads to, in Urdu (right to left).
        Browser phone = fresh(Device.PHONE);
        String urduLink = linkForChildAged(13);
        phone.open(server.getURI().resolve(urduLink));
        phone.clickButton("اردو (Urdu)");
        waitFor(phone, "return document.documentElement.lang === 'ur';");
        assertEquals("rtl", phone.script("return document.documentElement.dir;"));
        assertEquals("ur", phone.script("return document.documentElement.lang;"));
        phone.assertAccessible();
        click(phone, "میں ابھی کسی سے بات کرنا چاہتا ہوں");
        assertTrue(phone.pageText().contains("0800 1111"));
        phone.assertAccessible();
        click(phone, "ہاں، ابھی کسی کو بتائیں");
        assertTrue(phone.pageText().contains("0800 1111"));
        phone.assertAccessible();
        phone.clickButton("English");
        waitFor(phone, "return document.documentElement.lang === 'en';");
        assertTrue(phone.pageText().contains("They will contact you as soon as they can"), "no duty inbox here: no promise of today");
        assertEquals(1, ReviewFixtures.count(context, "select count(*) from consultation_concern k join consultation_link l "
                + "on l.id = k.link_id where l.token_hash = sha256(convert_to('" + ConsultationTestSupport.token(urduLink) + "', 'UTF8'))"));
        List<String> errors = phone.consoleErrors();
        assertTrue(errors.isEmpty(), errors.toString());
    }
}
