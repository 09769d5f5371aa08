package org.myview.languages;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.myview.staff.Role;
import org.myview.support.Browser;
import org.myview.support.Browser.Device;
import org.myview.support.BrowserTest;
import org.myview.support.Browsers;
import org.myview.support.StaffFixtures;
import org.openqa.selenium.By;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The previews of the Polish and Punjabi drafts (every form) on a phone: axe, no sideways scrolling, Gurmukhi font loaded. */
@BrowserTest
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LanguagesPreviewBrowserTest {

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext context;

    private final Browsers browsers = new Browsers();

    @AfterAll
    void close() {
        browsers.close();
    }

    @Test
    void thePreviewsOfPolishAndPunjabiPassAxeOnAPhone() {
        StaffFixtures.account(context, "preview.lead", Role.PARTICIPATION_LEAD);
        Browser browser = StaffFixtures.signIn(browsers.on(Device.PHONE), server.getURI(), "preview.lead");
        browser.open(server.getURI().resolve("/staff/languages"));
        browser.assertAccessible();
        browser.assertNoHorizontalScroll();
        for (String language : new String[]{"pl", "pa"}) {
            for (String form : new String[]{"consultation-4-7", "consultation-8-11", "consultation-12-plus", "parent"}) {
                browser.open(server.getURI().resolve("/staff/languages/preview?language=" + language + "&form=" + form));
                assertEquals(language, browser.driver().findElement(By.cssSelector(".myview-preview")).getDomAttribute("lang"));
                browser.assertAccessible();
                browser.assertNoHorizontalScroll();
            }
        }
        Object fontLoaded = browser.script("return document.fonts.load('16px \"Noto Sans Gurmukhi\"', 'ਪੰਜਾਬੀ').then(f => f.length > 0);");
        assertEquals(Boolean.TRUE, fontLoaded, "the Gurmukhi font is served and loads");
        assertTrue(browser.pageText().contains("ਸਾਨੂੰ ਦੱਸੋ"), browser.pageText());
    }
}
