package org.myview.web;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.myview.support.Browser;
import org.myview.support.Browser.Device;
import org.myview.support.BrowserTest;
import org.myview.support.Browsers;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The information pages and the 404 page in a real browser, on a desktop and a phone, with and
 * without JavaScript: accessible (axe, WCAG 2.2 AA), titled, no console errors (so the CSP lets our
 * own module script and GOV.UK Frontend run, and blocks nothing we need), usable by keyboard alone,
 * and readable at 320 px without scrolling sideways.
 */
@BrowserTest
@MicronautTest
// application.yml fixes port 8080 (PORT); a random port lets this run beside another test run or a dev server.
@Property(name = "micronaut.server.port", value = "-1")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InformationPagesBrowserTest {

    static final List<String> PAGES = List.of("/", "/privacy", "/accessibility", "/cookies", "/no-such-page");

    @Inject
    EmbeddedServer server;

    /** One Chromium per device for the whole class, started when first needed. */
    private final Browsers browsers = new Browsers();

    @AfterAll
    void closeBrowsers() {
        browsers.close();
    }

    Stream<Arguments> everyPageOnEveryDevice() {
        return Arrays.stream(Device.values()).flatMap(device -> PAGES.stream().map(path -> Arguments.of(device, path)));
    }

    @ParameterizedTest(name = "{1} on {0}")
    @MethodSource("everyPageOnEveryDevice")
    void aPageIsAccessibleAndTitledAndItsScriptsRunUnderTheContentSecurityPolicy(Device device, String path) {
        Browser browser = on(device).open(server.getURI().resolve(path));

        browser.assertAccessible();
        assertEquals(browser.heading() + " – MyView", browser.title(), "the title names the page (WCAG 2.4.2)");
        assertEquals(device.javaScript(), browser.bodyHasClass("govuk-frontend-supported"),
                "our module script ran (and imported GOV.UK Frontend) exactly when JavaScript is on");
        browser.assertNoConsoleErrors();
        if (device.phone()) {
            assertEquals(360, browser.viewportWidth(), "a phone-sized viewport");
            browser.assertNoHorizontalScroll();
        }
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(value = Device.class, names = {"DESKTOP", "DESKTOP_WITHOUT_JAVASCRIPT"})
    void aKeyboardUserMeetsEveryLinkInOrderAndTheSkipLinkFirstWhichTakesThemPastTheHeader(Device device) {
        Browser browser = on(device).open(server.getURI().resolve("/"));

        assertEquals(List.of("a \"Skip to main content\"", "a \"Example Children's Trust\"", "a \"MyView\"",
                        "a \"Sign in\"", "a \"Privacy notice\"", "a \"Accessibility statement\"", "a \"Cookies\""),
                browser.tabStops(20), "every link, in reading order");

        browser.open(server.getURI().resolve("/")).pressTab();
        assertEquals("Skip to main content", browser.focused().getText());
        browser.pressEnter().pressTab();
        assertEquals("Sign in", browser.focused().getText(), "the next Tab stop is the first one in the main content");
        browser.assertNoConsoleErrors();
    }

    @Test
    void everyPageReflowsIntoAWindow320PixelsWideWithoutScrollingSideways() {
        Browser browser = on(Device.DESKTOP).resizeWindow(320, 640);
        try {
            for (String path : PAGES) {
                browser.open(server.getURI().resolve(path));
                assertEquals(320, browser.viewportWidth());
                browser.assertNoHorizontalScroll(); // WCAG 1.4.10: the same as 1280 px zoomed to 400%
            }
        } finally {
            browser.resizeWindow(1280, 900);
        }
    }

    private Browser on(Device device) {
        return browsers.on(device);
    }
}
