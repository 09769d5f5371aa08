package org.myview.consultation;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.myview.support.Browser;
import org.myview.support.Browser.Device;
import org.myview.support.BrowserTest;
import org.myview.support.Browsers;

import java.time.Duration;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A child chooses a secret code on one phone and carries on on another (the second phone is the same
 * browser with its cookies gone), at 360 px, with and without JavaScript; axe checks every page.
 */
@BrowserTest
@MicronautTest(transactional = false)
@Property(name = "myview.links.slow-down-step", value = "5ms")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecretCodeBrowserTest {

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

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Device.class, names = {"PHONE", "PHONE_WITHOUT_JAVASCRIPT"})
    void aChildChoosesASecretCodeAndCarriesOnOnAnotherPhone(Device device) {
        ConsultationTestSupport.Setup setup = ConsultationTestSupport.reviewFor(context, server.getURI(), "code.officer",
                "CODE" + (++children) + device.ordinal(), LocalDate.now().minusYears(10), LocalDate.now().plusDays(7));
        String link = ConsultationTestSupport.createLink(setup);
        Browser browser = browsers.on(device).open(server.getURI().resolve("/cookies"));
        browser.driver().manage().deleteAllCookies();

        browser.open(server.getURI().resolve(link));
        assertEquals("/consultation", browser.currentAddress().getPath());
        browser.open(server.getURI().resolve("/consultation/link-code"));
        assertEquals("Choose a secret code", browser.heading());
        browser.assertAccessible();
        browser.assertNoHorizontalScroll();
        browser.fill("code", "blue river 5").fill("confirm", "blue river 6");
        click(browser, "Save my code");
        assertTrue(browser.title().startsWith("Error: "));
        browser.assertAccessible();
        browser.fill("code", "blue river 5").fill("confirm", "blue river 5");
        click(browser, "Save my code");
        assertEquals("Your secret code is saved", browser.heading());
        browser.assertAccessible();
        browser.assertNoHorizontalScroll();

        browser.driver().manage().deleteAllCookies(); // now it is another phone
        browser.open(server.getURI().resolve(link));
        assertEquals("/consultation/link-continue", browser.currentAddress().getPath());
        assertEquals("This form is open on another phone or computer", browser.heading());
        browser.assertAccessible();
        browser.assertNoHorizontalScroll();
        browser.fill("code", "blue river 4");
        click(browser, "Carry on here");
        assertTrue(browser.pageText().contains("That is not the right code"));
        browser.assertAccessible();
        browser.assertNoHorizontalScroll();
        browser.fill("code", "Blue River 5");
        click(browser, "Carry on here");
        assertEquals("/consultation", browser.currentAddress().getPath());
        assertTrue(browser.pageText().contains("Exit this page"));
    }

    /** Clicks the button and waits for the next page to be painted (a 422 keeps the address, so wait for staleness). */
    private static void click(Browser browser, String text) {
        org.openqa.selenium.WebElement body = browser.driver().findElement(org.openqa.selenium.By.tagName("body"));
        browser.clickButton(text);
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(body));
        browser.waitUntilPainted();
    }
}
