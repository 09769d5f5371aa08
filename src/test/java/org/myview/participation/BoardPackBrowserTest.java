package org.myview.participation;

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
import org.openqa.selenium.chrome.ChromeDriver;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The board pack at 1280 x 800 and on a 360 x 640 phone: it opens, axe finds nothing, the page never scrolls
 * sideways (its tables scroll inside named regions), the month form works without JavaScript; and, with print
 * media emulated at the width of A4 portrait less its margins, every section starts a page and no table is wider
 * than the page (no column cut).
 */
@BrowserTest
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BoardPackBrowserTest {

    private static final List<String> SECTIONS = List.of("bp-participation", "bp-age", "bp-mrmv", "bp-targets", "bp-advocacy",
            "bp-parents", "bp-concerns", "bp-timeliness");

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext context;

    private final Browsers browsers = new Browsers();

    @BeforeAll
    void load() {
        StaffFixtures.account(context, "pack.browser", Role.SERVICE_MANAGER);
        LocalDate month = LocalDate.now().withDayOfMonth(1).minusMonths(1);
        int n = 0;
        for (String code : List.of("PN1", "PN1", "PN2", "PN3", "PN5", "PN6", "PN4", "PN7", "PN0")) {
            n++;
            long child = ReviewFixtures.child(context, "PACKB" + n, "Packb" + n, month.minusYears(code.equals("PN0") ? 2 : 5 + n));
            long review = ReviewFixtures.review(context, child, "CLA", month.plusDays(n), null);
            ReviewFixtures.execute(context, "insert into review_participation (review_id, pn_code) values (" + review + ", '" + code + "')");
        }
    }

    @AfterAll
    void close() {
        browsers.close();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Device.class, names = {"PHONE_WITHOUT_JAVASCRIPT", "DESKTOP"})
    void opensAccessibleWithoutSidewaysScrollAndPrintsWithoutCuttingColumns(Device device) {
        Browser browser = StaffFixtures.signIn(browsers.on(device), server.getURI(), "pack.browser");
        browser.open(server.getURI().resolve("/participation"));
        browser.driver().findElement(org.openqa.selenium.By.linkText("Monthly board pack (to print or as a PDF)")).click();
        assertEquals("/participation/board-pack", browser.currentAddress().getPath());
        assertTrue(browser.heading().startsWith("Voice of the child: board pack, "), browser.heading());
        browser.assertAccessible();
        browser.assertNoHorizontalScroll();

        // The GET form, without JavaScript too: one decimal place.
        org.openqa.selenium.support.ui.Select decimals = new org.openqa.selenium.support.ui.Select(browser.driver().findElement(
                org.openqa.selenium.By.id("decimals")));
        decimals.selectByValue("1");
        browser.clickButton("Show the board pack");
        assertTrue(browser.currentAddress().getQuery().contains("decimals=1"), browser.currentAddress().toString());
        assertTrue(browser.pageText().contains("Percentages are to one decimal place"), "the option took");
        assertTrue(browser.pageText().matches("(?s).*\\b\\d+\\.\\d%.*"), "a one-decimal figure on the page");
        browser.assertAccessible();
        browser.assertNoHorizontalScroll();

        for (String section : SECTIONS) {
            assertEquals(1L, browser.script("return document.querySelectorAll('#" + section + "').length"), section);
        }
        // On screen every table sits in a named, focusable scroll region.
        Object loose = browser.script("return Array.from(document.querySelectorAll('.myview-boardpack table')).filter(t => {"
                + " const r = t.closest('.myview-table-scroll'); return !r || r.getAttribute('role') !== 'region'"
                + " || r.getAttribute('tabindex') !== '0' || !(r.getAttribute('aria-labelledby') || r.getAttribute('aria-label')); }).length");
        assertEquals(0L, loose, "tables outside named scroll regions");

        if (!device.phone()) {
            // Printing: A4 portrait less 12 mm margins each side is about 700 CSS px.
            browser.resizeWindow(700, 1000);
            ((ChromeDriver) browser.driver()).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
            try {
                Object breaks = browser.script("return Array.from(document.querySelectorAll('.myview-boardpack__section'))"
                        + ".map(s => getComputedStyle(s).breakBefore)");
                assertEquals(List.of("auto", "page", "page", "page", "page", "page", "page", "page"), breaks, "a page per section");
                Object cut = browser.script("return Array.from(document.querySelectorAll('.myview-boardpack table')).filter(t =>"
                        + " t.getBoundingClientRect().right > document.documentElement.clientWidth + 1"
                        + " || t.scrollWidth > t.parentElement.clientWidth + 1).map(t => t.parentElement.id || t.caption.textContent)");
                assertEquals(List.of(), cut, "tables wider than the printed page");
                Object hidden = browser.script("return getComputedStyle(document.querySelector('.govuk-header')).display + ' '"
                        + " + getComputedStyle(document.querySelector('form.myview-no-print')).display");
                assertEquals("none none", hidden, "the header and the form are not printed");
            } finally {
                ((ChromeDriver) browser.driver()).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
                browser.resizeWindow(1280, 800);
            }
        }
    }
}
