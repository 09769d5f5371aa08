package org.myview.participation;

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
import org.myview.support.StaffFixtures;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 18: the headline cards answer "how are we doing?" on the first screen at 1280x800, stack on a 360 px phone
 * without sideways scrolling, and pass axe; every word in them is 14 px or more.
 */
@BrowserTest
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HeadlinesBrowserTest {

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext context;

    private final Browsers browsers = new Browsers();

    @AfterAll
    void close() {
        browsers.close();
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(value = Device.class, names = {"DESKTOP", "PHONE"})
    void theHeadlinesAreOnTheFirstScreen(Device device) {
        String username = "headlines." + device.ordinal();
        StaffFixtures.account(context, username, Role.SERVICE_MANAGER);
        Browser browser = StaffFixtures.signIn(browsers.on(device), server.getURI(), username);
        browser.open(server.getURI().resolve("/participation"));
        browser.assertAccessible();
        assertEquals(6L, browser.script("return document.querySelectorAll('#headlines [data-headline]').length"));
        Number top = (Number) browser.script("return document.getElementById('headlines').getBoundingClientRect().top + window.scrollY");
        if (device.phone()) {
            browser.assertNoHorizontalScroll();
            Number width = (Number) browser.script("return document.querySelector('#headlines [data-headline]').getBoundingClientRect().width");
            Number list = (Number) browser.script("return document.querySelector('.myview-headlines__cards').getBoundingClientRect().width");
            assertEquals(list.doubleValue(), width.doubleValue(), 1.0, "one card a row on a phone");
        } else {
            assertTrue(top.doubleValue() < 800, "the headlines start on the first screen: " + top);
        }
        @SuppressWarnings("unchecked")
        List<Number> sizes = (List<Number>) browser.script("return Array.from(document.querySelectorAll('#headlines p, #headlines span, #headlines strong'))"
                + ".filter(e => e.textContent.trim() && !e.classList.contains('govuk-visually-hidden'))"
                + ".map(e => parseFloat(getComputedStyle(e).fontSize))");
        for (Number size : sizes) {
            assertTrue(size.doubleValue() >= 14.0, "every word at 14 px or more: " + sizes);
        }
    }
}
