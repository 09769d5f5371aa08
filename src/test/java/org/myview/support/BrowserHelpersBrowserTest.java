package org.myview.support;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.myview.support.Browser.Device;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The {@link Browser} helpers do what later tests rely on them for, and its checks fail when they should. */
@BrowserTest
@MicronautTest
@Property(name = "micronaut.server.port", value = "-1")
@Property(name = "test.browser-pages", value = "true")
@Property(name = "myview.csrf.exempt-paths", value = "/test-only/form")
// Pages send Referrer-Policy: no-referrer, so Chromium sends "Origin: null" with a form POST, and Micronaut
// refuses (403) a request from an origin other than localhost to a server on localhost ("drive-by-localhost").
@Property(name = "micronaut.server.cors.localhost-pass-through", value = "true")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserHelpersBrowserTest {

    @Inject
    EmbeddedServer server;

    private final Browsers browsers = new Browsers();

    @AfterAll
    void closeBrowsers() {
        browsers.close();
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(value = Device.class, names = {"DESKTOP", "PHONE_WITHOUT_JAVASCRIPT"})
    void aFormCanBeFilledInByNameLabelAndButtonText(Device device) {
        Browser browser = open(device, "/test-only/form");
        browser.assertAccessible();
        browser.assertNoConsoleErrors();

        browser.fill("name", "Ada")
                .choose("I wrote down what I think")
                .choose("share")
                .clickButton("Send");

        assertEquals("Your answers", browser.heading());
        assertEquals(List.of("Ada", "wrote", "yes"), answers(browser));
        browser.assertNoConsoleErrors();
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(value = Device.class, names = {"DESKTOP", "DESKTOP_WITHOUT_JAVASCRIPT"})
    void aFormCanBeFilledInWithTheKeyboardAlone(Device device) {
        Browser browser = open(device, "/test-only/form");

        browser.tabToField("name").type("Ada");
        browser.pressTab();
        assertEquals("way", browser.focused().getDomAttribute("id"), "Tab enters the radios at the first one");
        browser.press(Keys.ARROW_DOWN);
        assertEquals("way-2", browser.focused().getDomAttribute("id"), "an arrow key moves to the next radio and chooses it");
        browser.pressTab().pressSpace();
        assertEquals("share", browser.focused().getDomAttribute("id"));
        assertTrue(browser.focused().isSelected(), "Space ticks the checkbox");
        browser.pressTab();
        assertEquals("Send", browser.focused().getText());
        browser.pressEnter();

        assertEquals("Your answers", browser.heading());
        assertEquals(List.of("Ada", "wrote", "yes"), answers(browser));
    }

    @Test
    void tabToFailsNamingEveryStopWhenTheTargetCannotBeReachedByKeyboard() {
        Browser browser = open(Device.DESKTOP, "/test-only/form");

        AssertionError failure = assertThrows(AssertionError.class, () -> browser.tabTo(By.tagName("h1")));

        assertTrue(failure.getMessage().contains("Could not reach"), failure.getMessage());
        assertTrue(failure.getMessage().contains("a \"Skip to main content\" -> "), failure.getMessage());
        assertTrue(failure.getMessage().contains("input#name[name=name]"), failure.getMessage());
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(value = Device.class, names = {"DESKTOP", "PHONE_WITHOUT_JAVASCRIPT"})
    void assertAccessibleFailsListingEachViolationItsImpactAndWhereItIs(Device device) {
        Browser browser = open(device, "/test-only/broken");

        AssertionError failure = assertThrows(AssertionError.class, browser::assertAccessible);

        String message = failure.getMessage();
        assertTrue(message.contains("- image-alt (critical): Images must have alternative text"), message);
        assertTrue(message.contains("at [img]"), message);
        assertTrue(message.contains("https://dequeuniversity.com/rules/axe/4.11/image-alt"), message);
        assertTrue(message.contains("on " + device), message);
    }

    @Test
    void aScriptTheContentSecurityPolicyBlocksIsAConsoleError() {
        Browser browser = open(Device.DESKTOP, "/test-only/broken");

        assertFalse(browser.bodyHasClass("inline-script-ran"), "the CSP blocked the inline script");
        AssertionError failure = assertThrows(AssertionError.class, browser::assertNoConsoleErrors);

        assertTrue(failure.getMessage().contains("Content Security Policy"), failure.getMessage());
        browser.assertNoConsoleErrors(); // Reading the console empties it.
    }

    @Test
    void theDevicesAreWhatTheySayTheyAre() {
        Browser phone = open(Device.PHONE, "/test-only/form");
        assertEquals(360, phone.viewportWidth());
        assertEquals(Boolean.TRUE, phone.script("return matchMedia('(pointer: coarse)').matches;"), "a touch screen");
        assertTrue(phone.bodyHasClass("govuk-frontend-supported"), "JavaScript on");

        Browser phoneWithoutJavaScript = open(Device.PHONE_WITHOUT_JAVASCRIPT, "/test-only/form");
        assertEquals(360, phoneWithoutJavaScript.viewportWidth());
        assertFalse(phoneWithoutJavaScript.bodyHasClass("govuk-frontend-supported"), "JavaScript off");

        assertEquals(1280, open(Device.DESKTOP, "/test-only/form").viewportWidth());
    }

    private static List<String> answers(Browser browser) {
        return browser.driver().findElements(By.className("govuk-summary-list__value")).stream()
                .map(WebElement::getText).toList();
    }

    private Browser open(Device device, String path) {
        return browsers.on(device).open(server.getURI().resolve(path));
    }
}
