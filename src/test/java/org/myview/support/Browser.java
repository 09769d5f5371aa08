package org.myview.support;

import com.deque.html.axecore.args.AxeRunOnlyOptions;
import com.deque.html.axecore.args.AxeRuleOptions;
import com.deque.html.axecore.args.AxeRunOptions;
import com.deque.html.axecore.providers.EmbeddedResourceAxeProvider;
import com.deque.html.axecore.providers.StringAxeScriptProvider;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A real browser for tests: headless Debian Chromium driven by ChromeDriver, both from the system
 * (never downloaded: Selenium Manager is not asked for anything). One instance is one Chromium with
 * its own throwaway profile; start one per test class and close it after, since starting costs
 * about a second.
 *
 * <p>What it adds to Selenium: the four devices our users have ({@link #desktop()}, a 1280 x 900
 * window; {@link #phone()}, Chromium's mobile emulation at 360 x 640 CSS px; each also without
 * JavaScript), form helpers that find things the way a person does (by name, label text, button
 * text), keyboard-only helpers, axe-core accessibility checks against WCAG 2.2 AA, and the browser
 * console, so a blocked script or a CSP violation fails a test.
 *
 * <p>Test classes using it are annotated {@link BrowserTest}: skipped where Chromium is not
 * installed, failed where {@code CI=true}.
 */
public final class Browser implements AutoCloseable {

    /** The browser and driver; a developer elsewhere can point at theirs with these system properties. */
    public static final Path CHROMIUM = Path.of(System.getProperty("myview.browser.binary", "/usr/bin/chromium"));
    public static final Path CHROMEDRIVER = Path.of(System.getProperty("myview.browser.driver", "/usr/bin/chromedriver"));

    /** WCAG 2.0, 2.1 and 2.2 at levels A and AA, plus axe's best practices (see {@link #assertAccessible()}). */
    public static final List<String> AXE_TAGS =
            List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice");

    private static final int MAX_TAB_STOPS = 200;
    private static final Logger LOG = LoggerFactory.getLogger(Browser.class);

    /**
     * Selenium warns at every start that it has no DevTools classes for this exact Chromium version.
     * Nothing here uses them (logs and scripts go through ChromeDriver), so the warning is noise.
     * Held in a field: java.util.logging forgets a logger's level when nothing references it.
     */
    private static final java.util.logging.Logger CDP_VERSION_WARNINGS = quiet("org.openqa.selenium.devtools.CdpVersionFinder");

    private static java.util.logging.Logger quiet(String name) {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
        logger.setLevel(Level.SEVERE);
        return logger;
    }

    /** The devices tests run on. A phone is emulated by Chromium: 360 x 640 CSS pixels, touch, mobile viewport. */
    public enum Device {
        DESKTOP(false, true),
        DESKTOP_WITHOUT_JAVASCRIPT(false, false),
        PHONE(true, true),
        PHONE_WITHOUT_JAVASCRIPT(true, false);

        private final boolean phone;
        private final boolean javaScript;

        Device(boolean phone, boolean javaScript) {
            this.phone = phone;
            this.javaScript = javaScript;
        }

        public boolean phone() {
            return phone;
        }

        public boolean javaScript() {
            return javaScript;
        }

        public Browser start() {
            return new Browser(this);
        }

        @Override
        public String toString() {
            return (phone ? "phone" : "desktop") + (javaScript ? "" : " without JavaScript");
        }
    }

    private final Device device;
    private final Path profile;
    private final ChromeDriverService service;
    private final ChromeDriver driver;
    private final Duration startup;
    private final long chromiumPid;
    private final Thread shutdownHook;
    private final Set<String> openedAddresses = new HashSet<>();
    private final List<LogEntry> console = new ArrayList<>();
    private boolean closed;

    public static Browser desktop() {
        return new Browser(Device.DESKTOP);
    }

    public static Browser desktopWithoutJavaScript() {
        return new Browser(Device.DESKTOP_WITHOUT_JAVASCRIPT);
    }

    public static Browser phone() {
        return new Browser(Device.PHONE);
    }

    public static Browser phoneWithoutJavaScript() {
        return new Browser(Device.PHONE_WITHOUT_JAVASCRIPT);
    }

    /** Whether Chromium and ChromeDriver are installed where this class looks for them. */
    public static boolean installed() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    private Browser(Device device) {
        this.device = device;
        // The driver is named explicitly, so Selenium Manager is never run (it would try the network).
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
        try {
            this.profile = Files.createTempDirectory("myview-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long started = System.nanoTime();
        this.service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withSilent(true)
                .build();
        try {
            this.driver = new ChromeDriver(service, options(device, profile));
        } catch (RuntimeException e) {
            service.stop();
            deleteProfile();
            throw e;
        }
        this.startup = Duration.ofNanos(System.nanoTime() - started);
        Object pid = driver.getCapabilities().getCapability("goog:processID");
        this.chromiumPid = pid instanceof Number number ? number.longValue() : -1;
        LOG.info("Chromium ({}) started in {} ms", device, startup.toMillis());
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        // If a test run ends without close() (a failed @BeforeAll, an interrupted build), still end Chromium.
        this.shutdownHook = new Thread(this::quit, "close-" + device);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    private static ChromeOptions options(Device device, Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // The machines have no outside network: without these Chromium waits on it at start.
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-extensions",
                "--lang=en-GB",
                "--user-data-dir=" + profile,
                "--window-size=1280,900"); // A phone's screen is set below.
        Map<String, Object> prefs = new LinkedHashMap<>();
        prefs.put("intl.accept_languages", "en-GB,en");
        if (!device.javaScript()) {
            // Blocks page scripts only; WebDriver's own scripts (axe) still run.
            prefs.put("profile.managed_default_content_settings.javascript", 2);
        }
        options.setExperimentalOption("prefs", prefs);
        if (device.phone()) {
            // Emulated, not a narrow window: headless Chromium will not make a window narrower than 500 px,
            // and emulation gives what a phone has: the mobile viewport (the meta viewport is honoured),
            // pixel density 2 and touch. Touch only with JavaScript on: with it off ChromeDriver hangs on
            // every tap, and without page scripts nothing listens for touch, so a tap is just a click.
            options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics", Map.of(
                    "width", 360, "height", 640, "pixelRatio", 2.0, "mobile", true, "touch", device.javaScript())));
        }
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        return options;
    }

    // ---------------------------------------------------------------- pages

    /** Goes to an address and waits for the page to load (scripts included) and be painted. */
    public Browser open(URI address) {
        openedAddresses.add(address.toString());
        driver.get(address.toString());
        waitUntilPainted();
        return this;
    }

    /**
     * Waits (up to 5 s) until the page has painted. Until then Chromium drops key presses, as it
     * holds the old page on screen during a navigation: on a busy machine about one Tab in ten
     * straight after a page load was lost before this wait was added.
     */
    public void waitUntilPainted() {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            Object painted = script("return performance.getEntriesByName('first-contentful-paint').length > 0;");
            if (Boolean.TRUE.equals(painted)) {
                return;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    public WebDriver driver() {
        return driver;
    }

    public Device device() {
        return device;
    }

    /** How long Chromium and ChromeDriver took to start, ready for the first page. */
    public Duration startupTime() {
        return startup;
    }

    public String title() {
        return driver.getTitle();
    }

    /** The text a person sees on the page, as the browser lays it out. */
    public String pageText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    public URI currentAddress() {
        return URI.create(driver.getCurrentUrl());
    }

    /** The text of the page's one h1. */
    public String heading() {
        return driver.findElement(By.tagName("h1")).getText();
    }

    public boolean bodyHasClass(String className) {
        return Boolean.TRUE.equals(script("return document.body.classList.contains(arguments[0]);", className));
    }

    /** Runs a script in the page (it runs even on a device without JavaScript: it is the driver's, not the page's). */
    public Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    // ---------------------------------------------------------------- forms, the way a person fills them

    /** Types into the text field, text area or other input with this name, replacing what was there. */
    public Browser fill(String name, String value) {
        WebElement field = first(By.name(name), "a field named \"" + name + "\"");
        field.clear();
        field.sendKeys(value);
        return this;
    }

    /** Chooses a radio button or ticks a checkbox, given its id or the text of its label. */
    public Browser choose(String idOrLabelText) {
        List<WebElement> byId = driver.findElements(By.id(idOrLabelText));
        WebElement input;
        if (!byId.isEmpty()) {
            input = byId.get(0);
            input.click();
        } else {
            WebElement label = labelWithText(idOrLabelText);
            label.click();
            String forId = label.getDomAttribute("for");
            input = forId == null ? label.findElement(By.tagName("input")) : driver.findElement(By.id(forId));
        }
        if (!input.isSelected()) {
            throw new AssertionError("Clicked \"" + idOrLabelText + "\" but it is not selected");
        }
        return this;
    }

    /** Clicks the button (or link styled as a button) whose text is exactly this, and waits for any page load. */
    public Browser clickButton(String text) {
        List<WebElement> buttons = driver.findElements(By.cssSelector(
                "button, input[type=submit], input[type=button], a[role=button], a.govuk-button"));
        List<String> seen = new ArrayList<>();
        for (WebElement button : buttons) {
            String label = normalise("input".equals(button.getTagName()) ? button.getDomProperty("value") : button.getText());
            if (label.equals(normalise(text))) {
                boolean navigates = navigates(button);
                WebElement oldPage = driver.findElement(By.tagName("html"));
                button.click();
                if (navigates) {
                    // The old page stays painted until the new one arrives: wait for it to go first.
                    waitUntilGone(oldPage);
                }
                waitUntilPainted();
                return this;
            }
            seen.add(label);
        }
        throw new AssertionError("No button \"" + text + "\" on " + driver.getCurrentUrl() + "; buttons: " + seen);
    }

    /** Whether clicking this loads another page: a link, or a submit button in a form. */
    private static boolean navigates(WebElement button) {
        String tag = button.getTagName();
        if ("a".equals(tag)) {
            String href = button.getDomAttribute("href");
            return href != null && !href.startsWith("#") && !href.startsWith("javascript");
        }
        String type = button.getDomAttribute("type");
        boolean submit = type == null || "submit".equalsIgnoreCase(type);
        return submit && !button.findElements(By.xpath("ancestor::form")).isEmpty();
    }

    private void waitUntilGone(WebElement oldPage) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                oldPage.getTagName();
            } catch (org.openqa.selenium.WebDriverException gone) { // stale, or "does not belong to the document"
                return;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    // ---------------------------------------------------------------- keyboard only

    public Browser pressTab() {
        return press(Keys.TAB);
    }

    public Browser pressShiftTab() {
        waitUntilPainted();
        new Actions(driver).keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
        return this;
    }

    public Browser pressSpace() {
        return press(Keys.SPACE);
    }

    public Browser pressEnter() {
        return press(Keys.ENTER);
    }

    /** Presses keys (for example Keys.ARROW_DOWN) on whatever has focus, once the page has painted. */
    public Browser press(CharSequence... keys) {
        waitUntilPainted(); // After a key that loaded a page (Enter on a button), the new page.
        new Actions(driver).sendKeys(keys).perform();
        return this;
    }

    /** Types text into whatever has focus, as key presses. */
    public Browser type(String text) {
        return press(text);
    }

    /** The element that has focus (the body when nothing has). */
    public WebElement focused() {
        return driver.switchTo().activeElement();
    }

    /** A short description of the focused element, for assertions and failure messages. */
    public String describeFocused() {
        return describe(focused());
    }

    /**
     * Presses Tab until the first element this locator finds has focus. Fails, listing every stop
     * on the way, if it is never reached: then it cannot be reached by keyboard.
     */
    public Browser tabTo(By target) {
        WebElement wanted = first(target, target.toString());
        List<String> stops = new ArrayList<>();
        for (int i = 0; i < MAX_TAB_STOPS; i++) {
            pressTab();
            WebElement now = focused();
            if (now.equals(wanted)) {
                return this;
            }
            String stop = describe(now);
            if (!stops.isEmpty() && stops.get(0).equals(stop) && i > 1) {
                break; // Round the whole page and back to the start.
            }
            stops.add(stop);
        }
        throw new AssertionError("Could not reach " + target + " with Tab. Focus went: " + String.join(" -> ", stops));
    }

    /** Tabs to the field with this name. */
    public Browser tabToField(String name) {
        return tabTo(By.name(name));
    }

    /** Tabs to the link or button with exactly this text. */
    public Browser tabToText(String text) {
        return tabTo(By.xpath("//*[(self::a or self::button) and normalize-space(.)=" + xpathLiteral(text) + "]"));
    }

    /**
     * The elements Tab visits next, described, in order, from where focus is now (straight after
     * open(), the top of the page), stopping when focus leaves the page or comes round again.
     */
    public List<String> tabStops(int max) {
        List<String> stops = new ArrayList<>();
        for (int i = 0; i < max; i++) {
            pressTab();
            String stop = describeFocused();
            if (stop.startsWith("body") || (!stops.isEmpty() && stops.get(0).equals(stop))) {
                break;
            }
            stops.add(stop);
        }
        return stops;
    }

    // ---------------------------------------------------------------- checks

    /**
     * Runs axe-core (from the axe-core/selenium jar, not a CDN) on the page as it is now, against
     * WCAG 2.0/2.1/2.2 A and AA and axe's best practices, and fails listing every violation.
     *
     * <p>Best practices are included on purpose: on whole pages built on the GOV.UK template they
     * catch what screen reader users meet first (one main landmark, one h1, headings in order, all
     * content in a landmark, a working skip link) and they cost nothing while the pages pass.
     */
    @SuppressWarnings("deprecation") // setLegacyMode: see below
    public void assertAccessible() {
        // The page's console so far is kept for assertNoConsoleErrors(); whatever axe itself logs is not the page's.
        console.addAll(driver.manage().logs().get(LogType.BROWSER).getAll());
        AxeRunOnlyOptions tags = new AxeRunOnlyOptions();
        tags.setType("tag");
        tags.setValues(AXE_TAGS);
        AxeRunOptions options = new AxeRunOptions();
        options.setRunOnly(tags);
        // Only violations fail a test: axe still runs every rule, but lists no passing or inapplicable
        // node, so the result carried back through WebDriver and parsed here is a fraction of the size.
        options.setResultTypes(List.of("violations"));
        String looks = device + "\n" + script(LOOKS);
        boolean contrastKnown = CONTRAST_PASSED.contains(looks);
        if (contrastKnown) {
            AxeRuleOptions off = new AxeRuleOptions();
            off.setEnabled(false);
            options.setRules(Map.of("color-contrast", off));
        }
        AxeBuilder axe = new AxeBuilder()
                .withOptions(options)
                // Deprecated, but: axe runs in the page alone, not finishing in a second tab, which takes
                // 0.45 s a page instead of 0.9 s, and loses nothing here: it only matters for cross-origin
                // frames, and our CSP (default-src 'none', no frame-src) lets no frame load at all.
                .setLegacyMode(true);
        if (!device.javaScript()) {
            axe.setAxeScriptProvider(new StringAxeScriptProvider(AxeWithoutPageJavaScript.SCRIPT));
        }
        Results results = axe.analyze(driver);
        driver.manage().logs().get(LogType.BROWSER);
        if (results.isErrored()) {
            throw new AssertionError("axe-core could not run on " + driver.getCurrentUrl() + " on " + device + ": "
                    + results.getErrorMessage());
        }
        List<Rule> violations = results.getViolations();
        if (!contrastKnown && (violations == null || violations.stream().noneMatch(r -> "color-contrast".equals(r.getId())))) {
            CONTRAST_PASSED.add(looks);
        }
        if (violations != null && !violations.isEmpty()) {
            throw new AssertionError(describeViolations(driver.getCurrentUrl() + " on " + device, violations));
        }
    }

    /**
     * What decides the colours of a page's text: for every piece of text, form field and the focused element, its
     * chain of ancestors (tag, classes, and the attributes our CSS selects on), plus the stylesheets and the
     * viewport. Our CSP allows no inline style, so two pages alike here have the same colours on the same
     * backgrounds, whatever their words; only colour contrast (three quarters of axe's time on a page) is
     * skipped for a page that looks like one already passed on the same device in this test JVM. Every other
     * rule runs on every page.
     */
    private static final String LOOKS = """
            var looks = new Set();
            function chain(e, mark) {
              var c = [mark];
              for (; e && e.nodeType === 1; e = e.parentElement) {
                var k = (e.getAttribute('class') || '').trim(), a = e.tagName + (k ? '.' + k.split(/\\s+/).sort().join('.') : '');
                ['type', 'open', 'disabled', 'hidden', 'aria-current', 'aria-invalid', 'aria-disabled', 'aria-expanded', 'aria-selected', 'aria-hidden', 'data-module']
                  .forEach(function (n) { if (e.hasAttribute(n)) { a += '[' + n + '=' + e.getAttribute(n) + ']'; } });
                c.push(a);
              }
              looks.add(c.join(' < '));
            }
            var walk = document.createTreeWalker(document.documentElement, NodeFilter.SHOW_TEXT);
            while (walk.nextNode()) {
              if (walk.currentNode.nodeValue.trim()) { chain(walk.currentNode.parentElement, 'text'); }
            }
            document.querySelectorAll('input, select, textarea, button, img, svg').forEach(function (e) { chain(e, 'field'); });
            if (document.activeElement) { chain(document.activeElement, 'focus'); }
            var sheets = Array.prototype.map.call(document.styleSheets, function (s) { return s.href; }).join(' ');
            return sheets + '\\n' + window.innerWidth + 'x' + window.innerHeight + '\\n' + Array.from(looks).sort().join('\\n');
            """;

    /** Looks (see {@link #LOOKS}) whose colour contrast axe has passed, per device, in this test JVM. */
    private static final Set<String> CONTRAST_PASSED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * With JavaScript blocked, Chromium still runs WebDriver's scripts and settles promises, but never
     * fires a page timer (setTimeout, queueMicrotask), and axe waits on setTimeout(0) between rules.
     * On those devices axe is loaded after this, which runs 0 ms timers as promise callbacks. Longer
     * timers in axe are only give-up timeouts (loading stylesheets, 10 s; frames, which the CSP
     * forbids): they never fire, as when everything arrives in time. Only WebDriver's scripts see
     * this: the page has no JavaScript of its own running.
     */
    private static final String TIMERS_WITHOUT_JAVASCRIPT = """
            (function () {
              var next = 0, cleared = new Set();
              window.setTimeout = function (callback, delay) {
                var id = ++next, args = Array.prototype.slice.call(arguments, 2);
                if (!(delay > 1)) {
                  Promise.resolve().then(function () { if (!cleared.has(id)) { callback.apply(null, args); } });
                }
                return id;
              };
              window.clearTimeout = function (id) { cleared.add(id); };
            })();
            """;

    /** axe.min.js from the axe-core/selenium jar, after the timers above; read once. */
    private static final class AxeWithoutPageJavaScript {
        static final String SCRIPT = TIMERS_WITHOUT_JAVASCRIPT + read();

        private static String read() {
            try {
                return new EmbeddedResourceAxeProvider().getScript();
            } catch (IOException | javax.naming.OperationNotSupportedException e) {
                throw new IllegalStateException("Could not read axe.min.js from the axe-core jar", e);
            }
        }
    }

    static String describeViolations(String where, List<Rule> violations) {
        StringBuilder out = new StringBuilder();
        out.append(violations.size()).append(" accessibility violation(s) on ").append(where).append(':');
        for (Rule rule : violations) {
            out.append("\n- ").append(rule.getId()).append(" (").append(rule.getImpact()).append("): ")
                    .append(rule.getHelp()).append(" <").append(rule.getHelpUrl()).append('>');
            for (CheckedNode node : rule.getNodes()) {
                out.append("\n    at ").append(node.getTarget());
                if (node.getFailureSummary() != null) {
                    out.append(": ").append(node.getFailureSummary().replace("\n", " "));
                }
            }
        }
        return out.toString();
    }

    /**
     * Fails if the browser logged an error since the console was last read: a script that failed to
     * load, a CSP violation, an uncaught exception, a missing stylesheet or image. The document's own
     * error status, on a page this browser opened on purpose (a 404 page), is expected and ignored.
     * Warnings do not fail it (Chromium adds and rewords them between versions); see
     * {@link #consoleMessages()}.
     */
    public void assertNoConsoleErrors() {
        List<String> errors = consoleErrors();
        if (!errors.isEmpty()) {
            throw new AssertionError("Browser console errors on " + device + ":\n  " + String.join("\n  ", errors));
        }
    }

    /** The errors logged since the console was last read; reading empties it. */
    public List<String> consoleErrors() {
        return readConsole().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .filter(message -> !isExpectedErrorStatus(message))
                .collect(Collectors.toList());
    }

    /** Everything logged since the console was last read, as "LEVEL message"; reading empties it. */
    public List<String> consoleMessages() {
        return readConsole().stream().map(entry -> entry.getLevel() + " " + entry.getMessage()).collect(Collectors.toList());
    }

    private List<LogEntry> readConsole() {
        console.addAll(driver.manage().logs().get(LogType.BROWSER).getAll());
        List<LogEntry> read = List.copyOf(console);
        console.clear();
        return read;
    }

    private boolean isExpectedErrorStatus(String message) {
        // Chromium logs the document's own 404 as "<address> - Failed to load resource: ...".
        return message.contains("Failed to load resource: the server responded with a status of")
                && openedAddresses.stream().anyMatch(address -> message.startsWith(address + " "));
    }

    /** Fails if the page is wider than the window (content lost or needing sideways scrolling: WCAG 1.4.10 Reflow). */
    public void assertNoHorizontalScroll() {
        Number scroll = (Number) script("return document.documentElement.scrollWidth;");
        Number width = (Number) script("return document.documentElement.clientWidth;");
        if (scroll.intValue() > width.intValue()) {
            throw new AssertionError("Page " + driver.getCurrentUrl() + " is " + scroll + " px wide in a "
                    + width + " px window on " + device);
        }
    }

    /** The viewport in CSS pixels, as the page sees it. */
    public int viewportWidth() {
        return ((Number) script("return window.innerWidth;")).intValue();
    }

    /** Resizes the window (on a phone the emulated screen stays 360 px wide), for example to 320 px to check reflow. */
    public Browser resizeWindow(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
        return this;
    }

    // ---------------------------------------------------------------- closing

    /** Ends ChromeDriver and Chromium and deletes the profile. */
    @Override
    public void close() {
        quit();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // Already in the hook.
        }
    }

    private synchronized void quit() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            driver.quit();
        } catch (RuntimeException e) {
            LOG.warn("Could not quit Chromium ({}) cleanly: {}", device, e.toString());
        } finally {
            service.stop();
            endChromium();
            deleteProfile();
        }
    }

    /**
     * A Chromium that hung (a test waiting on it, a crash) outlives quit() and its driver. End it by
     * its own process id, which ChromeDriver reported at start, with its helper processes.
     */
    private void endChromium() {
        if (chromiumPid < 0) {
            return;
        }
        ProcessHandle.of(chromiumPid).filter(ProcessHandle::isAlive).ifPresent(chromium -> {
            try {
                chromium.onExit().get(5, TimeUnit.SECONDS);
            } catch (Exception stillRunning) {
                List<ProcessHandle> helpers = chromium.descendants().toList();
                LOG.warn("Chromium ({}) still running after quit; ending process {} and {} helpers",
                        device, chromiumPid, helpers.size());
                chromium.destroyForcibly();
                helpers.forEach(ProcessHandle::destroyForcibly);
            }
        });
    }

    private void deleteProfile() {
        try (Stream<Path> paths = Files.walk(profile)) {
            paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException | UncheckedIOException ignored) {
            // A temp directory; Chromium may still be writing to it for a moment.
        }
    }

    // ---------------------------------------------------------------- helpers

    private WebElement first(By locator, String what) {
        List<WebElement> found = driver.findElements(locator);
        if (found.isEmpty()) {
            throw new AssertionError("No " + what + " on " + driver.getCurrentUrl());
        }
        return found.get(0);
    }

    private WebElement labelWithText(String text) {
        List<String> seen = new ArrayList<>();
        for (WebElement label : driver.findElements(By.tagName("label"))) {
            String labelText = normalise(label.getText());
            if (labelText.equals(normalise(text))) {
                return label;
            }
            seen.add(labelText);
        }
        throw new AssertionError("No element with id or label \"" + text + "\" on " + driver.getCurrentUrl()
                + "; labels: " + seen);
    }

    private static String describe(WebElement element) {
        String tag = element.getTagName();
        String id = element.getDomAttribute("id");
        String name = element.getDomAttribute("name");
        String text = normalise(element.getText());
        return tag + (id == null ? "" : "#" + id) + (name == null ? "" : "[name=" + name + "]")
                + (text.isEmpty() || "body".equals(tag) || "main".equals(tag) ? "" : " \"" + abbreviate(text) + "\"");
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }

    private static String normalise(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s+", " ");
    }

    private static String xpathLiteral(String text) {
        if (!text.contains("'")) {
            return "'" + text + "'";
        }
        if (!text.contains("\"")) {
            return "\"" + text + "\"";
        }
        return "concat('" + text.replace("'", "', \"'\", '") + "')";
    }

    @Override
    public String toString() {
        return "Browser(" + device + ")";
    }
}
