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
 * Issue 18: the dashboard's trend charts are readable on a laptop and on a phone: every word in them is drawn at
 * 14 px or more on screen (the chart is never scaled down), both axes are labelled, and on a phone the chart scrolls
 * inside its named region while the page does not scroll sideways. axe checks the page.
 */
@BrowserTest
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrendChartsBrowserTest {

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
    void theTrendChartsAreReadable(Device device) {
        String username = "charts." + device.ordinal();
        StaffFixtures.account(context, username, Role.SERVICE_MANAGER);
        Browser browser = StaffFixtures.signIn(browsers.on(device), server.getURI(), username);
        browser.open(server.getURI().resolve("/participation"));
        browser.assertAccessible();
        if (device.phone()) {
            browser.assertNoHorizontalScroll();
        }
        @SuppressWarnings("unchecked")
        List<Number> sizes = (List<Number>) browser.script("return Array.from(document.querySelectorAll('svg.myview-trend text'))"
                + ".map(t => parseFloat(getComputedStyle(t).fontSize) * t.ownerSVGElement.getBoundingClientRect().width"
                + " / t.ownerSVGElement.viewBox.baseVal.width)");
        assertTrue(sizes.size() > 3 * 13, "three charts, each with its months, percentages and axis titles: " + sizes.size());
        for (Number size : sizes) {
            assertTrue(size.doubleValue() >= 14.0, "every word at 14 px or more on screen: " + sizes);
        }
        String text = (String) browser.script("return Array.from(document.querySelectorAll('svg.myview-trend .myview-chart__title'))"
                + ".map(t => t.textContent).join('|')");
        assertTrue(text.startsWith("Month|% of reviews"), text);
        assertEquals(3L, browser.script("return document.querySelectorAll('.myview-trends [role=region][tabindex=\"0\"][aria-label] svg').length"),
                "each chart in a named, focusable region");
    }
}
