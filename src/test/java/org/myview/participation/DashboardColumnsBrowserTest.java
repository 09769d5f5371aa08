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
 * Issue 18: every column of every table on the dashboard can be reached at 1280 px and at 360 px. A cell is either
 * on the screen, or its table sits in a named region a keyboard can focus and scroll (the page itself never scrolls
 * sideways). At 1280 px the seed's table (12 months, 4 quarters and the year) is wider than the screen: its
 * region scrolls, and the quarter and year figures a manager needs first are on the headline cards above it.
 */
@BrowserTest
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardColumnsBrowserTest {

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
    void everyColumnIsOnTheScreenOrInAFocusableScrollRegion(Device device) {
        String username = "columns." + device.ordinal();
        StaffFixtures.account(context, username, Role.SERVICE_MANAGER);
        Browser browser = StaffFixtures.signIn(browsers.on(device), server.getURI(), username);
        browser.open(server.getURI().resolve("/participation"));
        browser.assertAccessible();
        browser.assertNoHorizontalScroll();

        // Tables whose last column ends beyond the screen and that are not in a focusable, named scroll region.
        @SuppressWarnings("unchecked")
        List<String> cut = (List<String>) browser.script("""
                const width = document.documentElement.clientWidth;
                return Array.from(document.querySelectorAll('main table')).filter(t => {
                  const right = Math.max(...Array.from(t.querySelectorAll('th, td')).map(c => c.getBoundingClientRect().right));
                  if (right <= width + 1) return false;
                  const region = t.closest('[role=region]');
                  const named = region && (region.getAttribute('aria-label') || region.getAttribute('aria-labelledby'));
                  const scrolls = region && region.tabIndex === 0 && getComputedStyle(region).overflowX !== 'visible'
                      && region.scrollWidth >= t.getBoundingClientRect().width - 1;
                  return !(named && scrolls);
                }).map(t => (t.caption ? t.caption.textContent.trim() : t.outerHTML.substring(0, 80)));
                """);
        assertEquals(List.of(), cut, "tables with columns out of reach");
        Number tables = (Number) browser.script("return document.querySelectorAll('main table').length");
        assertTrue(tables.intValue() >= 3, "the dashboard's tables were found: " + tables);
    }
}
