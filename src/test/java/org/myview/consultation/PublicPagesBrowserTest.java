package org.myview.consultation;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.myview.support.Browser;
import org.myview.support.Browser.Device;
import org.myview.support.BrowserTest;
import org.myview.support.Browsers;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a child sees on the form's pages at 360 x 640, looked at the way a person would: faces only
 * beside feelings, answers without the template's indentation, Urdu right to left with each radio
 * circle beside its own label, and no English left in the layout of an Urdu page.
 */
@BrowserTest
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicPagesBrowserTest {

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

    private Browser childAged(int age, Device device) {
        ConsultationTestSupport.Setup setup = ConsultationTestSupport.reviewFor(context, server.getURI(), "public.officer",
                "PUB" + (++children), LocalDate.now().minusYears(age).minusDays(10), LocalDate.now().plusDays(7));
        Browser browser = browsers.on(device).open(server.getURI().resolve("/cookies"));
        browser.driver().manage().deleteAllCookies();
        browser.open(server.getURI().resolve(ConsultationTestSupport.createLink(setup)));
        return browser;
    }

    private void openPage(Browser browser, String path) {
        browser.open(server.getURI().resolve(path));
    }

    @Test
    void facesAppearOnlyBesideFeelingsAndAnAnswerShowsWithoutTheTemplatesIndentation() {
        Browser browser = childAged(6, Device.PHONE_WITHOUT_JAVASCRIPT);
        openPage(browser, "/consultation/q/1");
        assertEquals(4, browser.driver().findElements(By.cssSelector(".govuk-radios__label svg.myview-face")).size(),
                "a face beside each feeling");
        int last = lastQuestion(browser);
        openPage(browser, "/consultation/q/" + last);
        assertTrue(browser.heading().startsWith("Can we share"), browser.heading());
        assertEquals(List.of(), browser.driver().findElements(By.cssSelector(".govuk-radios__label svg")),
                "no blank face beside yes and no");

        openPage(browser, "/consultation/q/" + questionWith(browser, last, "textarea"));
        browser.driver().findElement(By.tagName("textarea")).sendKeys("Line one\nLine two");
        browser.clickButton("Continue");
        openPage(browser, "/consultation/check");
        WebElement answer = browser.driver().findElements(By.cssSelector(".govuk-summary-list__value")).stream()
                .filter(e -> e.getText().contains("Line one")).findFirst().orElseThrow();
        // innerText, not getText(): WebDriver trims the indentation this looks for.
        assertEquals("Line one\nLine two", browser.script("return arguments[0].innerText;", answer), "the child's line break kept, no indentation around it");
        browser.assertAccessible();
        browser.assertNoHorizontalScroll();
    }

    @Test
    void urduPagesRunRightToLeftWithEachRadioBesideItsLabelAndTheLayoutInUrdu() {
        Browser browser = childAged(10, Device.PHONE);
        browser.clickButton("اردو (Urdu)");
        openPage(browser, "/consultation/q/1");
        questionWith(browser, lastQuestion(browser), ".govuk-radios__input");
        assertEquals("rtl", browser.driver().findElement(By.tagName("html")).getDomAttribute("dir"));
        List<WebElement> inputs = browser.driver().findElements(By.cssSelector(".govuk-radios__input"));
        List<WebElement> labels = browser.driver().findElements(By.cssSelector(".govuk-radios__label"));
        assertTrue(!inputs.isEmpty());
        for (int i = 0; i < inputs.size(); i++) {
            Object inputRight = browser.script("return arguments[0].getBoundingClientRect().right;", inputs.get(i));
            Object labelRight = browser.script("return arguments[0].getBoundingClientRect().right;", labels.get(i));
            assertTrue(((Number) inputRight).doubleValue() > ((Number) labelRight).doubleValue(), "the input is right of its label");
            // The circle is drawn inside the input's box, at the right, not at the far left of the row.
            double circle = ((Number) browser.script("const s = getComputedStyle(arguments[0], '::before');"
                    + "return arguments[0].closest('.govuk-radios__item').getBoundingClientRect().right - parseFloat(s.right);", labels.get(i))).doubleValue();
            assertTrue(Math.abs(circle - ((Number) inputRight).doubleValue()) < 4,
                    "circle at " + circle + ", input ends at " + inputRight);
        }
        String footer = browser.driver().findElement(By.tagName("footer")).getText();
        assertTrue(footer.contains("رازداری کا نوٹس"), footer);
        assertEquals("en", browser.driver().findElement(By.cssSelector(".myview-header__organisation")).getDomAttribute("lang"),
                "the organisation's English name is marked as English");
        browser.assertAccessible();
        browser.assertNoHorizontalScroll();
        // A long answer on a text question is refused: the page's title says so in Urdu, not "Error:".
        int text = questionWith(browser, lastQuestion(browser), "textarea");
        browser.driver().findElement(By.tagName("textarea")).sendKeys("x".repeat(ConsultationService.MAX_ANSWER + 1));
        browser.clickButton(continueWord(browser));
        assertTrue(browser.title().startsWith("غلطی:"), browser.title() + " on question " + text);
        browser.assertAccessible();
        browser.assertNoHorizontalScroll();
    }

    private static String continueWord(Browser browser) {
        return browser.driver().findElement(By.cssSelector("button[value=save]")).getText();
    }

    private static int lastQuestion(Browser browser) {
        String caption = browser.driver().findElement(By.cssSelector(".govuk-caption-m")).getText();
        return Integer.parseInt(caption.replaceAll(".*\\D(\\d+)\\D*$", "$1"));
    }

    /** Opens the first question whose page has this element (a text box, radios), and gives its number. */
    private int questionWith(Browser browser, int last, String selector) {
        for (int n = 1; n <= last; n++) {
            openPage(browser, "/consultation/q/" + n);
            if (!browser.driver().findElements(By.cssSelector(selector)).isEmpty()) {
                return n;
            }
        }
        throw new AssertionError("no question with " + selector);
    }
}
