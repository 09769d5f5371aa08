package org.myview.web;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.myview.support.HtmlChecker;
import org.myview.support.LogCapture;
import org.myview.support.WebClient;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest
@Property(name = "test.failing-route", value = "true")
@Property(name = "myview.organisation-name", value = "Testshire Children's Trust")
class LayoutAndErrorPagesTest {

    @Inject
    EmbeddedServer server;

    WebClient browser;

    @BeforeEach
    void setUp() {
        browser = new WebClient(server.getURI());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/privacy", "/accessibility", "/cookies"})
    void everyInformationPageSharesTheLayoutAndIsValidHtml(String path) {
        WebClient.Page page = browser.get(path);

        assertEquals(200, page.status());
        assertTrue(page.body().contains("<html lang=\"en\""), "lang attribute");
        assertTrue(page.body().contains("class=\"govuk-skip-link\""), "skip link");
        assertTrue(page.body().contains("Testshire Children&#39;s Trust"), "organisation name from configuration");
        if (path.equals("/")) {
            assertTrue(page.body().contains("If you work for Testshire Children&#39;s Trust"), "apostrophes survive in message values");
        }
        assertTrue(page.body().contains("href=\"/privacy\"") && page.body().contains("href=\"/accessibility\"")
                && page.body().contains("href=\"/cookies\""), "footer links");
        assertTrue(page.body().contains("/govuk/5.14.0/govuk-frontend.min.css"), "GOV.UK Frontend served by us");
        assertFalse(page.body().contains("govuk-header__logotype"), "no GOV.UK logotype: the service is not on gov.uk");
        assertFalse(page.body().contains("<svg"), "no crown");
        assertFalse(page.body().contains("<script>"), "no inline script (the CSP forbids it)");
        assertEquals(java.util.List.of(), HtmlChecker.errors(page.body()));
    }

    @Test
    void privacyNoticeSaysWhatIsCollectedWhyHowLongAndWhoToContact() {
        String body = browser.get("/privacy").body();
        assertTrue(body.contains("What we collect"));
        assertTrue(body.contains("Why we use it"));
        assertTrue(body.contains("How long we keep it"));
        assertTrue(body.contains("dataprotection@example.org"));
        assertTrue(body.contains("So that children’s views reach"), "apostrophes in the message bundles come out single");
        assertFalse(body.contains("’’"));
    }

    @Test
    void aPageCarriesTheSecurityHeadersAndIsNeverCached() {
        WebClient.Page page = browser.get("/");

        String csp = page.header("Content-Security-Policy");
        assertNotNull(csp);
        assertTrue(csp.contains("default-src 'none'"));
        assertTrue(csp.contains("script-src 'self'"));
        assertFalse(csp.contains("unsafe-inline"));
        assertTrue(csp.contains("frame-ancestors 'none'"));
        assertEquals("no-referrer", page.header("Referrer-Policy"));
        assertEquals("nosniff", page.header("X-Content-Type-Options"));
        assertEquals("no-store", page.header("Cache-Control"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/govuk/5.14.0/govuk-frontend.min.css", "/govuk/5.14.0/govuk-frontend.min.js",
            "/static/myview.css?v=2", "/static/myview.js?v=1", "/static/myview.css", "/assets/images/favicon.svg"})
    void aStaticAssetCarriesTheSecurityHeadersAndIsCachedLongOnlyWhenVersioned(String path) {
        WebClient.Page asset = browser.get(path);

        assertEquals(200, asset.status());
        // Issue 22: a year only when the address changes with the file (GOV.UK's version, our ?v=); else an hour.
        boolean versioned = path.startsWith("/govuk/5.14.0/") || path.contains("?v=");
        assertEquals(versioned ? "public, max-age=31536000, immutable" : "public, max-age=3600", asset.header("Cache-Control"));
        assertEquals("nosniff", asset.header("X-Content-Type-Options"));
        assertEquals("no-referrer", asset.header("Referrer-Policy"));
        assertNotNull(asset.header("Content-Security-Policy"));
    }

    @Test
    void anUnknownAddressShowsTheNotFoundPage() {
        WebClient.Page page = browser.get("/no-such-page");

        assertEquals(404, page.status());
        assertTrue(page.body().contains("Page not found"));
        assertEquals("no-store", page.header("Cache-Control"));
        assertEquals(java.util.List.of(), HtmlChecker.errors(page.body()));
    }

    @Test
    void anUnknownApiAddressAnswersJson() {
        WebClient.Page page = browser.get("/api/no-such-thing");

        assertEquals(404, page.status());
        assertTrue(page.header("Content-Type").startsWith("application/json"));
    }

    @Test
    void aTemplateThatFailsHalfWayGivesTheErrorPageNotAHungOrHalfPage() {
        WebClient.Page page = browser.get("/test-only/broken-template");

        assertEquals(500, page.status());
        assertTrue(page.body().contains("Sorry, there is a problem with the service"));
        assertFalse(page.body().contains("Ada"), "nothing of the half-rendered page");
        assertTrue(page.body().matches("(?s).*quote reference [A-Z0-9]{8}.*"));
    }

    @Test
    void aServerErrorShowsAPlainPageWithAReferenceThatIsInTheLogWithoutPersonalData() {
        WebClient.Page page;
        String log;
        try (LogCapture capture = new LogCapture()) {
            page = browser.get("/test-only/boom");
            log = capture.text();
        }

        assertEquals(500, page.status());
        assertTrue(page.body().contains("Sorry, there is a problem with the service"));
        assertFalse(page.body().contains("IllegalStateException"), "no stack trace on the page");
        assertFalse(page.body().contains("Ada"), "no exception message on the page");
        Matcher reference = Pattern.compile("quote reference ([A-Z0-9]{8})").matcher(page.body());
        assertTrue(reference.find(), "the page shows a reference");
        assertTrue(log.contains(reference.group(1)), "the same reference is in the log");
        assertTrue(log.contains("IllegalStateException"), "the log says what failed");
        assertFalse(log.contains("Ada"), "no personal data in the log");
        assertFalse(log.contains("01/02/2015"), "no personal data in the log");
        assertEquals(java.util.List.of(), HtmlChecker.errors(page.body()));
    }
}
