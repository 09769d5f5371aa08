package org.myview.consultation;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.myview.support.Browser;
import org.myview.support.Browser.Device;
import org.myview.support.BrowserTest;
import org.myview.support.Browsers;
import org.myview.support.OfferedLanguages;
import org.myview.support.WebClient;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

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
        // Opened under /consultation, so the language cookie (path /consultation) of an earlier child goes too.
        Browser browser = browsers.on(device).open(server.getURI().resolve("/consultation/sent"));
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

        browser = childAged(10, Device.PHONE_WITHOUT_JAVASCRIPT);
        openPage(browser, "/consultation/q/1");
        openPage(browser, "/consultation/q/" + questionWith(browser, lastQuestion(browser), "textarea[name=answer]"));
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
        assertEquals(1, browser.driver().findElements(By.cssSelector("link[href^='/static/fonts/nastaliq.css']")).size(),
                "Urdu pages bring their own Nastaliq font (a cheap phone may have none)");
        Object fontLoaded = browser.script("return document.fonts.load('16px \"Noto Nastaliq Urdu\"', 'اردو').then(f => f.length > 0);");
        assertEquals(Boolean.TRUE, fontLoaded, "the font is served and loads");
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

    /** Every offered language but English (i18n/languages.json, reviewed) x JavaScript on and off x each age version. */
    static Stream<Arguments> translationsVersionsAndDevices() {
        return OfferedLanguages.translations().stream().flatMap(language -> Stream.of(Device.PHONE, Device.PHONE_WITHOUT_JAVASCRIPT)
                .flatMap(device -> Stream.of(Arguments.of(language, device, 6), Arguments.of(language, device, 10),
                        Arguments.of(language, device, 14))));
    }

    /**
     * English on every version and device is ConsultationBrowserTest's; here every version in every other offered
     * language, chosen with the language switch. Right-to-left pages keep each radio beside its label.
     */
    @ParameterizedTest(name = "{0}, aged {2}, on {1}")
    @MethodSource("translationsVersionsAndDevices")
    void everyPageOfEachVersionInEachOfferedLanguagePassesAxeWithoutSidewaysScrolling(OfferedLanguages.Language language, Device device, int age) {
        Browser browser = childAged(age, device);
        WebElement page = browser.driver().findElement(By.tagName("html"));
        browser.driver().findElement(By.cssSelector("button[name=language][value=" + language.tag() + "]")).click();
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
        assertEquals(language.tag(), browser.driver().findElement(By.tagName("html")).getDomAttribute("lang"));
        assertEquals(language.dir(), browser.driver().findElement(By.tagName("html")).getDomAttribute("dir"));
        walk(browser, age <= 7, false, language.rightToLeft());
    }

    static Stream<Arguments> languagesWithoutJavaScript() {
        return Stream.of(Arguments.of("en"), Arguments.of("ur"));
    }

    /**
     * A five-year-old who cannot read: every question and option has a recording playable without
     * JavaScript, and every answer is a picture or a face to tap.
     */
    @ParameterizedTest(name = "in {0}, without JavaScript")
    @MethodSource("languagesWithoutJavaScript")
    void aFiveYearOldCompletesTheFormWithoutJavaScriptUsingOnlyRecordingsAndPictures(String language) {
        Browser browser = childAged(5, Device.PHONE_WITHOUT_JAVASCRIPT);
        if (language.equals("ur")) {
            browser.clickButton("اردو (Urdu)");
        }
        assertTrue(recordings(browser) >= 2, "the start page can be heard");
        walk(browser, true, true, language.equals("ur"));
        assertEquals(1, browser.driver().findElements(By.cssSelector("img[src^='/static/pictures/sent.svg']")).size(), "a picture says it was sent");
        assertTrue(recordings(browser) >= 1);
    }

    /**
     * From the start page to the confirmation, answering each question with its first option (a picture,
     * a face, yes) or a few words; axe and sideways scrolling on every page.
     */
    private void walk(Browser browser, boolean young, boolean picturesOnly, boolean rightToLeft) {
        browser.assertAccessible();
        browser.assertNoHorizontalScroll();
        String before = browser.driver().getCurrentUrl();
        browser.driver().findElement(By.cssSelector(".govuk-button--start")).click();
        waitForNewPage(browser, before);
        int pages = 0;
        while (!browser.currentAddress().getPath().equals("/consultation/check")) {
            assertTrue(++pages < 20, "never reached the check page");
            browser.assertAccessible();
            browser.assertNoHorizontalScroll();
            if (young) {
                int options = browser.driver().findElements(By.cssSelector(".govuk-radios__input, .govuk-checkboxes__input")).size();
                boolean pictures = !browser.driver().findElements(By.cssSelector(".myview-pictures")).isEmpty();
                assertEquals(1 + options + (pictures ? 1 : 0), recordings(browser),
                        "the question, each option (and the grown-up box) can be heard on " + browser.currentAddress());
                assertTrue(browser.driver().findElements(By.cssSelector("textarea[name=answer]")).isEmpty(), "no question needs writing");
                if (pages == 1) {
                    Object top = browser.script("return document.querySelector('.govuk-radios__label, .govuk-checkboxes__label').getBoundingClientRect().top;");
                    assertTrue(((Number) top).doubleValue() < 640, "question 1's first answer is on the first screen of a phone: " + top);
                }
            }
            if (rightToLeft) {
                assertEachRadioRightOfItsLabel(browser);
            }
            List<WebElement> pictures = browser.driver().findElements(By.cssSelector(".govuk-checkboxes__label img, .govuk-radios__label svg"));
            if (!pictures.isEmpty()) {
                pictures.get(0).click();
            } else if (!browser.driver().findElements(By.cssSelector("textarea[name=answer]")).isEmpty()) {
                assertTrue(!picturesOnly);
                browser.fill("answer", "Football");
            } else {
                browser.driver().findElement(By.cssSelector("label[for=answer]")).click();
            }
            before = browser.driver().getCurrentUrl();
            browser.driver().findElement(By.cssSelector("button[value=save]")).click();
            waitForNewPage(browser, before);
        }
        browser.assertAccessible();
        browser.assertNoHorizontalScroll();
        if (young) {
            assertTrue(browser.driver().findElements(By.cssSelector(".govuk-summary-list img.myview-picture")).size() >= 4,
                    "the chosen pictures are on the check page");
            assertTrue(browser.driver().findElements(By.cssSelector(".govuk-summary-list svg.myview-face")).size() >= 3,
                    "and the faces");
            assertTrue(recordings(browser) >= 1);
        }
        before = browser.driver().getCurrentUrl();
        browser.driver().findElement(By.cssSelector("form[action='/consultation/send'] button")).click();
        waitForNewPage(browser, before);
        assertEquals("/consultation/sent", browser.currentAddress().getPath());
        browser.assertAccessible();
        browser.assertNoHorizontalScroll();
    }

    /** Right to left: each radio's input sits right of its own label, beside it. */
    private static void assertEachRadioRightOfItsLabel(Browser browser) {
        List<WebElement> inputs = browser.driver().findElements(By.cssSelector(".govuk-radios__input"));
        List<WebElement> labels = browser.driver().findElements(By.cssSelector(".govuk-radios__label"));
        for (int i = 0; i < inputs.size(); i++) {
            double inputLeft = ((Number) browser.script("return arguments[0].getBoundingClientRect().left;", inputs.get(i))).doubleValue();
            double inputRight = ((Number) browser.script("return arguments[0].getBoundingClientRect().right;", inputs.get(i))).doubleValue();
            double labelRight = ((Number) browser.script("return arguments[0].getBoundingClientRect().right;", labels.get(i))).doubleValue();
            assertTrue(inputRight > labelRight && inputLeft - labelRight < 40,
                    "radio " + i + " beside and right of its label on " + browser.currentAddress());
        }
    }

    /** The recordings on the page; each is fetched and must be an Ogg file we serve. */
    private int recordings(Browser browser) {
        List<WebElement> audio = browser.driver().findElements(By.cssSelector("audio[controls]"));
        for (WebElement element : audio) {
            String src = element.getDomAttribute("src");
            WebClient.Page file = new WebClient(server.getURI()).get(src);
            assertEquals(200, file.status(), src);
            assertTrue(file.body().startsWith("OggS"), src);
        }
        return audio.size();
    }

    private static void waitForNewPage(Browser browser, String before) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(d -> !d.getCurrentUrl().equals(before));
        browser.waitUntilPainted();
    }

    /**
     * A question page of the 8-11 version (text): under 60 KB over the wire with everything it loads,
     * and no recording or font fetched unless asked for.
     */
    @Test
    void aTextQuestionPageWeighsUnder60Kilobytes() {
        Browser browser = childAged(10, Device.PHONE);
        openPage(browser, "/consultation/q/1");
        questionWith(browser, lastQuestion(browser), "textarea[name=answer]");
        forgetOfflineCopy(browser); // a first visit: no service worker or kept copy yet (they come after the page loads)
        browser.driver().navigate().refresh();
        browser.waitUntilPainted();
        @SuppressWarnings("unchecked")
        List<Object> sizes = (List<Object>) browser.script("""
                const entries = performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'));
                return entries.map(e => e.name + ' ' + (e.transferSize || e.encodedBodySize || 0));""");
        long total = 0;
        for (Object entry : sizes) {
            String line = entry.toString();
            total += Long.parseLong(line.substring(line.lastIndexOf(' ') + 1));
            assertTrue(!line.contains("/audio/") && !line.contains(".woff"), "loaded only when used: " + line);
        }
        System.out.println("Page weight of a text question page: " + total + " bytes over the wire: " + sizes);
        assertTrue(total < 60 * 1024, "page weight " + total + " bytes: " + sizes);
    }

    private static void forgetOfflineCopy(Browser browser) {
        ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                (async () => {
                  for (const r of await navigator.serviceWorker.getRegistrations()) await r.unregister();
                  for (const name of await caches.keys()) await caches.delete(name);
                })().then(() => done(), () => done());""");
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
