package org.myview.consultation;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.myview.support.Browser;
import org.myview.support.BrowserTest;
import org.myview.support.ReviewFixtures;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A child on a 360 x 640 phone loses the connection half way: answers wait on the phone and are sent, each
 * once, when it returns; after sending, quick exit and the link's end, the phone keeps nothing of the form.
 * The network is switched off through the DevTools protocol.
 */
@BrowserTest
@MicronautTest(transactional = false)
@Property(name = "test.consultation-events", value = "true")
class OfflineFormBrowserTest {

    static final String WORDS = "LEAKCANARY offline answer";

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext context;
    @Inject
    SentEventsForTests sent;

    static int children;

    record Child(ConsultationTestSupport.Setup setup, long linkId) {
    }

    /** A child of 10 (the 8-11 version) whose phone has opened the link and kept the form for offline use. */
    private Child openForm(Browser browser) {
        ConsultationTestSupport.Setup setup = ConsultationTestSupport.reviewFor(context, server.getURI(), "offline.officer",
                "OFFLINE" + (++children), LocalDate.now().minusYears(10), LocalDate.now().plusDays(7));
        browser.open(server.getURI().resolve(ConsultationTestSupport.createLink(setup)));
        long linkId = ReviewFixtures.count(context, "select id from consultation_link where review_id = " + setup.reviewId()
                + " and replaced_at is null");
        browser.open(server.getURI().resolve("/consultation/q/1"));
        waitUntilKept(browser);
        return new Child(setup, linkId);
    }

    private static void waitUntilKept(Browser browser) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(15))
                .until(d -> "true".equals(browser.script("return document.documentElement.dataset.offlineReady || '';")));
    }

    private static void network(Browser browser, boolean online) {
        ChromeDriver driver = (ChromeDriver) browser.driver();
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", !online, "latency", 0,
                "downloadThroughput", -1, "uploadThroughput", -1));
        workerNetwork(driver, online);
        // The page learns of it a moment later; a phone losing its signal half way is the keys' job, not this test's.
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> Boolean.valueOf(online).equals(browser.script("return navigator.onLine;")));
    }

    private static final Map<ChromeDriver, java.net.http.WebSocket> WORKER_SESSIONS = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Chromium's emulated offline for the page does not cover its service worker's own fetches, so the worker's
     * target gets the same, over the browser's DevTools socket (kept open while offline: closing it ends it).
     */
    @SuppressWarnings("unchecked")
    private static void workerNetwork(ChromeDriver driver, boolean online) {
        try {
            java.net.http.WebSocket open = WORKER_SESSIONS.remove(driver);
            if (open != null) {
                open.sendText("{\"id\":3,\"method\":\"Network.emulateNetworkConditions\",\"params\":{\"offline\":false,\"latency\":0,"
                        + "\"downloadThroughput\":-1,\"uploadThroughput\":-1}}", true).get();
                open.sendClose(java.net.http.WebSocket.NORMAL_CLOSURE, "").get();
            }
            if (online) {
                return;
            }
            String address = ((Map<String, Object>) driver.getCapabilities().getCapability("goog:chromeOptions")).get("debuggerAddress").toString();
            java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
            String list = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://" + address + "/json/list")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).body();
            java.util.regex.Matcher worker = java.util.regex.Pattern.compile(
                    "\"type\":\\s*\"service_worker\"[^}]*?\"webSocketDebuggerUrl\":\\s*\"([^\"]+)\"").matcher(list);
            if (!worker.find()) {
                throw new AssertionError("no service worker target: " + list);
            }
            java.net.http.WebSocket socket = http.newWebSocketBuilder().buildAsync(java.net.URI.create(worker.group(1)),
                    new java.net.http.WebSocket.Listener() { }).get();
            socket.sendText("{\"id\":1,\"method\":\"Network.enable\"}", true).get();
            socket.sendText("{\"id\":2,\"method\":\"Network.emulateNetworkConditions\",\"params\":{\"offline\":true,\"latency\":0,"
                    + "\"downloadThroughput\":-1,\"uploadThroughput\":-1}}", true).get();
            Thread.sleep(300); // the socket's commands are not awaited
            WORKER_SESSIONS.put(driver, socket);
        } catch (java.io.IOException | InterruptedException | java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Answers the question on screen (words, or the first choice) and presses Continue. */
    private static void answerHere(Browser browser, int number) {
        String before = browser.driver().getCurrentUrl();
        assertTrue(before.endsWith("/consultation/q/" + number), before);
        // The page paints before its module script runs: a press in between posts without the offline queue
        // (once in about a hundred runs on a busy machine, one answer fewer waiting on the phone).
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .until(d -> "true".equals(browser.script("return document.documentElement.dataset.offlineQueueReady || '';")));
        List<WebElement> text = browser.driver().findElements(By.cssSelector("textarea[name=answer]"));
        if (!text.isEmpty()) {
            browser.fill("answer", WORDS + " " + number);
        } else {
            browser.driver().findElement(By.cssSelector(".govuk-radios__item label")).click();
        }
        browser.driver().findElement(By.cssSelector("button[value=save]")).click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(d -> !d.getCurrentUrl().equals(before));
        browser.waitUntilPainted();
    }

    private String status(Browser browser) {
        return (String) browser.script("const s = document.getElementById('offline-status'); return s && !s.hidden ? s.textContent : '';");
    }

    /**
     * Offline, the page says so and each answer given is waiting on the phone or stored: none lost. Emulated
     * offline lets a request through now and then (the page or its worker slips the emulation for a moment), so
     * an answer may be stored, or stored and still waiting where the page saw its request fail: the case the
     * keys are for. Returns how many wait; the end state is asserted strictly after.
     */
    private long assertEachAnswerWaitingOrStored(Browser browser, Child child, int given) {
        long[] waiting = new long[1];
        try {
            new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(d -> {
                String status = status(browser);
                java.util.regex.Matcher shown = java.util.regex.Pattern.compile("Answers waiting on this phone: (\\d+)\\.").matcher(status);
                waiting[0] = shown.find() ? Long.parseLong(shown.group(1)) : 0;
                long stored = answers(child);
                return status.contains("You are offline.") && waiting[0] + stored >= given && stored <= given;
            });
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("offline after " + given + " answers: '" + status(browser) + "', stored " + answers(child), e);
        }
        return waiting[0];
    }

    private long answers(Child child) {
        return ReviewFixtures.count(context, "select count(*) from consultation_answer a join consultation c on c.id = a.consultation_id "
                + "where c.link_id = " + child.linkId());
    }

    /** What the phone holds for this site: cache names, localStorage keys, service workers. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> kept(Browser browser) {
        return (Map<String, Object>) ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                (async () => {
                  const caches = window.caches ? await window.caches.keys() : [];
                  const workers = navigator.serviceWorker ? (await navigator.serviceWorker.getRegistrations()).map(r => r.scope) : [];
                  done({ caches, storage: Object.keys(localStorage), workers });
                })().catch(e => done({ error: String(e) }));""");
    }

    private static void assertNothingKept(Browser browser) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(d -> {
            Map<String, Object> kept = kept(browser);
            return ((List<?>) kept.get("caches")).isEmpty() && ((List<?>) kept.get("storage")).isEmpty()
                    && ((List<?>) kept.get("workers")).isEmpty();
        });
    }

    private void answersFiveWithThreeOfflineAndSends(boolean reloadWhileOffline) {
        try (Browser browser = Browser.phone()) {
            Child child = openForm(browser);
            Map<String, Object> kept = kept(browser);
            assertEquals(1, ((List<?>) kept.get("caches")).size(), kept.toString());
            assertTrue(kept.get("workers").toString().endsWith("/consultation]"), "scope limited to the form: " + kept);

            answerHere(browser, 1);
            answerHere(browser, 2);
            assertEquals(2, answers(child));

            network(browser, false);
            answerHere(browser, 3);
            assertEachAnswerWaitingOrStored(browser, child, 3);
            if (reloadWhileOffline) {
                browser.driver().navigate().refresh();
                browser.waitUntilPainted();
                assertEachAnswerWaitingOrStored(browser, child, 3); // the queue outlives a reload
            }
            answerHere(browser, 4);
            answerHere(browser, 5);
            long waiting = assertEachAnswerWaitingOrStored(browser, child, 5);
            browser.assertAccessible();
            browser.open(server.getURI().resolve("/consultation/check"));
            assertEquals(waiting, browser.driver().findElements(By.cssSelector(".myview-offline-waiting")).size(),
                    "the kept check page marks each answer waiting on the phone");
            browser.driver().findElement(By.cssSelector("form[action='/consultation/send'] button")).click();
            new WebDriverWait(browser.driver(), Duration.ofSeconds(5)).until(d -> status(browser).contains("You pressed Send."));
            // The message is at the top, where the page takes the child after Send (the sticky quick exit would
            // otherwise cover the buttons above it, which axe counts against the page, not the message).
            assertEquals(0L, ((Number) browser.script("return Math.round(window.scrollY);")).longValue(), "the message is in view");
            browser.assertAccessible();
            browser.assertNoHorizontalScroll();
            // Emulated offline has let a request through that the page saw fail (before the worker was switched
            // off too): the case the keys are for, so only the end state is asserted strictly.
            assertTrue(answers(child) <= 5, "at most the answers given");
            assertEquals(0, ReviewFixtures.count(context, "select count(*) from consultation where link_id = " + child.linkId()
                    + " and sent_at is not null"), "not sent while offline");
            int before = sent.events.size();

            network(browser, true);
            new WebDriverWait(browser.driver(), Duration.ofSeconds(15)).until(d -> d.getCurrentUrl().endsWith("/consultation/sent"));
            browser.waitUntilPainted();
            assertEquals(5, answers(child), "each answer stored");
            for (int n : new int[] {3, 4, 5}) {
                assertTrue(ReviewFixtures.count(context, "select count(*) from consultation_answer a join consultation c on c.id = a.consultation_id "
                        + "where c.link_id = " + child.linkId() + " and a.answer = '" + WORDS + " " + n + "'") <= 1);
            }
            assertEquals(1, ReviewFixtures.count(context, "select count(*) from consultation where link_id = " + child.linkId()
                    + " and sent_at is not null"), "the form is sent");
            assertEquals(before + 1, sent.events.size(), "and sent once");
            assertEquals(6, ReviewFixtures.count(context, "select count(*) from consultation_request_key where link_id = " + child.linkId()),
                    "five answers and one send, each with its own key, each used once");
            assertNothingKept(browser);
        }
    }

    @Test
    void aChildAnswersTwoOnlineThreeOfflineAndSendsOfflineAndEverythingArrivesOnceWhenTheConnectionReturns() {
        answersFiveWithThreeOfflineAndSends(false);
    }

    @Test
    void theSameWithThePageReloadedWhileOffline() {
        answersFiveWithThreeOfflineAndSends(true);
    }

    @Test
    void withoutAConnectionTheKeptPagesAreShown() {
        try (Browser browser = Browser.phone()) {
            Child child = openForm(browser);
            answerHere(browser, 1);
            waitUntilKept(browser);
            network(browser, false);
            // Changed on the server while the phone is offline: the page shown is the phone's kept copy, not the server's.
            ReviewFixtures.execute(context, "update consultation_answer set answer = 'LEAKCANARY changed on the server' where consultation_id in "
                    + "(select id from consultation where link_id = " + child.linkId() + ")");
            browser.open(server.getURI().resolve("/consultation/check"));
            assertTrue(browser.pageText().contains("Check your answers"), browser.pageText());
            browser.open(server.getURI().resolve("/consultation/q/1"));
            assertTrue(browser.driver().getCurrentUrl().endsWith("/consultation/q/1"));
            assertFalse(browser.pageText().contains("No internet"), browser.pageText());
            assertEquals(WORDS + " 1", browser.driver().findElement(By.name("answer")).getAttribute("value"), "the kept copy");
            network(browser, true);
            assertEquals(1, answers(child));
        }
    }

    @Test
    void quickExitLeavesNothingOfTheChildOnThePhone() {
        try (Browser browser = Browser.phone()) {
            openForm(browser);
            answerHere(browser, 1);
            network(browser, false);
            answerHere(browser, 2); // waiting on the phone
            assertFalse(((List<?>) kept(browser).get("storage")).isEmpty());
            browser.driver().findElement(By.cssSelector(".govuk-js-exit-this-page-button")).click();
            new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(d -> !d.getCurrentUrl().contains("/consultation"));
            network(browser, true);
            browser.open(server.getURI().resolve("/privacy"));
            assertNothingKept(browser);
        }
    }

    @Test
    void whenTheLinkStopsWorkingThePhoneKeepsNothing() {
        try (Browser browser = Browser.phone()) {
            Child child = openForm(browser);
            answerHere(browser, 1);
            assertFalse(((List<?>) kept(browser).get("caches")).isEmpty());
            ReviewFixtures.execute(context, "update consultation_link set expires_at = now() - interval '1 minute' where id = " + child.linkId());
            browser.open(server.getURI().resolve("/consultation/q/2"));
            assertTrue(browser.pageText().toLowerCase().contains("link"), browser.pageText());
            browser.open(server.getURI().resolve("/privacy"));
            assertNothingKept(browser);
            assertTrue(browser.pageText().contains("Everything kept on the phone is removed"), "the privacy notice says so");
        }
    }
}
