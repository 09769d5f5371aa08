package org.myview.parent;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.myview.support.Browser;
import org.myview.support.Browser.Device;
import org.myview.support.BrowserTest;
import org.myview.support.Browsers;
import org.myview.support.OfferedLanguages;
import org.myview.support.ReviewFixtures;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A parent answers on their phone (360 x 640), with and without JavaScript: opens the link from the
 * message, skips some questions, writes too much once, checks the answers and sends them. axe checks
 * every page on the way; the quick exit is there on each.
 */
@BrowserTest
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "myview.notify.sender-enabled", value = "false")
@Property(name = "myview.parent.jobs-enabled", value = "false")
class ParentJourneyBrowserTest {

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext context;

    private final Browsers browsers = new Browsers();
    private int parentNumber;

    @AfterAll
    void close() {
        browsers.close();
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(value = Device.class, names = {"PHONE", "PHONE_WITHOUT_JAVASCRIPT"})
    void aParentAnswersOnTheirPhone(Device device) {
        parentNumber++;
        String email = "journey" + parentNumber + "@example.org";
        ParentFixtures.plan(context, "JOURNEY" + parentNumber, LocalDate.now().minusMonths(4), null, "Robin", email);
        context.getBean(RoundService.class).sendToDuePlans(ParentFixtures.lead(context));
        List<String> links = ParentFixtures.links(context, "FIRST");
        String link = ParentFixtures.path(links.get(links.size() - 1));

        Browser browser = browsers.on(device).open(server.getURI().resolve("/privacy"));
        browser.driver().manage().deleteAllCookies();
        browser.open(server.getURI().resolve(link));
        assertEquals("/parent/form", browser.currentAddress().getPath(), "the token is gone from the address bar");
        assertTrue(browser.pageText().contains("Tell us what you think"));
        assertEquals("https://www.bbc.co.uk/weather",
                browser.driver().findElement(By.cssSelector(".govuk-exit-this-page__button")).getDomAttribute("href"), "quick exit to a neutral site");
        browser.assertAccessible();
        browser.assertNoHorizontalScroll();

        go(browser, "Start now");
        browser.assertAccessible();
        browser.choose("No");
        go(browser, "Continue");
        go(browser, "Continue"); // skips "do you know what needs to change"
        browser.choose("Money worries").fill("barriersOther", "The bus <b>costs</b> too much");
        go(browser, "Continue");
        browser.assertAccessible();
        browser.choose("OK");
        go(browser, "Continue");
        go(browser, "Continue");
        browser.choose("A bit");
        go(browser, "Continue");
        browser.fill("anythingElse", "x".repeat(1001));
        go(browser, "Continue");
        assertTrue(browser.title().startsWith("Error: "), browser.title());
        assertTrue(browser.pageText().contains("Your answer must be 1,000 characters or fewer. You have written 1,001."), browser.pageText());
        browser.assertAccessible();
        browser.assertNoHorizontalScroll();
        browser.fill("anythingElse", "Thank you for listening.");
        go(browser, "Continue");

        assertTrue(browser.pageText().contains("Check your answers"));
        assertTrue(browser.pageText().contains("The bus <b>costs</b> too much"), "free text shown as typed, not as HTML");
        assertTrue(browser.pageText().contains("Not answered"));
        browser.assertAccessible();
        browser.assertNoHorizontalScroll();
        go(browser, "Send my answers");

        assertTrue(browser.pageText().contains("Your answers have been sent"));
        assertTrue(browser.pageText().contains("What happens next"));
        browser.assertAccessible();
        browser.assertNoHorizontalScroll();
        assertEquals(1, ReviewFixtures.count(context, "select count(*) from parent_response r join parent_invitation i on i.id = r.invitation_id "
                + "join parent_contact k on k.id = i.contact_id where k.email = '" + email + "' and r.understand_why = 'NO' "
                + "and r.support_rating = 3 and r.made_difference = 'PARTLY' and r.know_what_change is null"));
    }

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> translationsAndDevices() {
        return OfferedLanguages.translations().stream().flatMap(language -> java.util.stream.Stream.of(Device.PHONE, Device.PHONE_WITHOUT_JAVASCRIPT)
                .map(device -> org.junit.jupiter.params.provider.Arguments.of(language, device)));
    }

    /**
     * Every offered language other than English (i18n/languages.json): the plan says the parent's language, so the
     * form opens in it. Every page passes axe without sideways scrolling; right-to-left pages keep each radio and
     * check box beside its own label.
     */
    @ParameterizedTest(name = "in {0} on {1}")
    @MethodSource("translationsAndDevices")
    void aParentAnswersInTheirLanguage(OfferedLanguages.Language language, Device device) {
        parentNumber++;
        String email = "journey" + parentNumber + "@example.org";
        ParentFixtures.plan(context, "JOURNEY" + parentNumber, LocalDate.now().minusMonths(4), null, "Robin", email, language.tag());
        context.getBean(RoundService.class).sendToDuePlans(ParentFixtures.lead(context));
        List<String> links = ParentFixtures.links(context, "FIRST");
        String link = ParentFixtures.path(links.get(links.size() - 1));

        Browser browser = browsers.on(device).open(server.getURI().resolve("/privacy"));
        browser.driver().manage().deleteAllCookies();
        browser.open(server.getURI().resolve(link));
        assertEquals("/parent/form", browser.currentAddress().getPath());
        WebElement html = browser.driver().findElement(By.tagName("html"));
        assertEquals(language.tag(), html.getDomAttribute("lang"), "the plan's language");
        assertEquals(language.dir(), html.getDomAttribute("dir"));
        browser.assertAccessible();
        browser.assertNoHorizontalScroll();

        goTo(browser, By.cssSelector(".govuk-button--start"));
        int pages = 0;
        while (!browser.currentAddress().getPath().equals("/parent/check")) {
            assertTrue(++pages < 12, "never reached the check page");
            browser.assertAccessible();
            browser.assertNoHorizontalScroll();
            List<WebElement> inputs = browser.driver().findElements(By.cssSelector(".govuk-radios__input, .govuk-checkboxes__input"));
            List<WebElement> labels = browser.driver().findElements(By.cssSelector(".govuk-radios__label, .govuk-checkboxes__label"));
            if (language.rightToLeft()) {
                for (int i = 0; i < inputs.size(); i++) {
                    double inputLeft = ((Number) browser.script("return arguments[0].getBoundingClientRect().left;", inputs.get(i))).doubleValue();
                    double inputRight = ((Number) browser.script("return arguments[0].getBoundingClientRect().right;", inputs.get(i))).doubleValue();
                    double labelRight = ((Number) browser.script("return arguments[0].getBoundingClientRect().right;", labels.get(i))).doubleValue();
                    assertTrue(inputRight > labelRight, "the input is right of its label on " + browser.currentAddress());
                    assertTrue(inputLeft - labelRight < 40, "and beside it, not across the page: " + (inputLeft - labelRight));
                }
            }
            if (!labels.isEmpty()) {
                labels.get(0).click();
            }
            goTo(browser, By.cssSelector("main form[method=post] button[type=submit].govuk-button"));
        }
        browser.assertAccessible();
        browser.assertNoHorizontalScroll();
        goTo(browser, By.cssSelector("form[action='/parent/check'] button"));
        assertEquals("/parent/done", browser.currentAddress().getPath());
        assertEquals(language.tag(), browser.driver().findElement(By.tagName("html")).getDomAttribute("lang"));
        browser.assertAccessible();
        browser.assertNoHorizontalScroll();
    }

    private static void goTo(Browser browser, By button) {
        WebElement page = browser.driver().findElement(By.tagName("html"));
        browser.driver().findElement(button).click();
        // Gone from the document: Chromium sometimes says so with an inspector error rather than "stale".
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(d -> {
            try {
                page.isEnabled();
                return false;
            } catch (org.openqa.selenium.WebDriverException e) {
                return true;
            }
        });
        browser.waitUntilPainted();
    }

    /** Clicks and waits for the next page to replace this one (a POST, a 303, a GET), not just for a paint. */
    private static void go(Browser browser, String button) {
        WebElement page = browser.driver().findElement(By.tagName("html"));
        browser.clickButton(button);
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(ExpectedConditions.stalenessOf(page));
        browser.waitUntilPainted();
    }
}
