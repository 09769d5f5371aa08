package org.myview.staff;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.myview.support.HtmlChecker;
import org.myview.support.LogCapture;
import org.myview.support.MutableClock;
import org.myview.support.StaffFixtures;
import org.myview.support.WebClient;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
@Property(name = "test.mutable-clock", value = "true")
class SignInTest {

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext context;
    @Inject
    MutableClock clock;
    @Inject
    AuditTrail audit;

    WebClient browser;

    @BeforeEach
    void setUp() {
        browser = new WebClient(server.getURI());
    }

    /**
     * Login CSRF (issue 22, item 7): a page on another site that posts the sign-in form with its own account's
     * password must not sign the victim's browser in. The form's token is bound to a pre-session cookie.
     */
    @Test
    void theSignInFormNeedsTheTokenOfItsOwnPreSessionCookie() {
        StaffFixtures.account(context, "login.csrf", Role.REVIEWING_OFFICER);

        WebClient.Page noToken = browser.post("/sign-in", "username", "login.csrf", "password", StaffFixtures.PASSWORD);
        assertEquals(403, noToken.status());
        assertEquals(null, noToken.header("Set-Cookie"), "no session");

        WebClient attacker = new WebClient(server.getURI());
        String attackersToken = StaffFixtures.signInFormToken(attacker);
        browser.get("/sign-in"); // the victim has a pre-session cookie of their own
        WebClient.Page forged = browser.post("/sign-in", "username", "login.csrf", "password", StaffFixtures.PASSWORD,
                "_csrf", attackersToken);
        assertEquals(403, forged.status());
        assertEquals(303, browser.get("/staff").status(), "still signed out");

        WebClient.Page page = browser.get("/sign-in");
        String cookie = page.header("Set-Cookie");
        assertTrue(cookie.contains("Path=/sign-in") && cookie.toLowerCase().contains("httponly")
                && cookie.contains("SameSite=Strict"), cookie);
        assertEquals(303, browser.post("/sign-in", "username", "login.csrf", "password", StaffFixtures.PASSWORD,
                "_csrf", StaffFixtures.csrfToken(page)).status());
    }

    @Test
    void anOfficerSignsInSeesTheirNameAndWhenTheyWillBeSignedOutThenSignsOut() {
        StaffFixtures.account(context, "sign.in.ok", Role.REVIEWING_OFFICER);

        WebClient.Page form = browser.get("/sign-in");
        assertEquals(200, form.status());
        assertEquals(List.of(), HtmlChecker.errors(form.body()));

        WebClient.Page signedIn = StaffFixtures.postSignIn(browser, "sign.in.ok", StaffFixtures.PASSWORD);
        assertEquals(303, signedIn.status());
        assertEquals("/staff", signedIn.location());
        String setCookie = signedIn.header("Set-Cookie");
        assertNotNull(setCookie);
        assertTrue(setCookie.toLowerCase().contains("httponly"), setCookie);
        assertTrue(setCookie.contains("SameSite=Lax"), setCookie);

        WebClient.Page home = browser.get("/staff");
        assertEquals(200, home.status());
        assertTrue(home.body().contains("Test sign.in.ok"));
        assertTrue(home.body().contains("we will sign you out at"), "the page says when the session times out");
        assertEquals(List.of(), HtmlChecker.errors(home.body()));

        WebClient.Page out = browser.post("/sign-out", "_csrf", StaffFixtures.csrfToken(home));
        assertEquals(303, out.status());
        assertEquals("/signed-out", out.location());
        assertEquals(303, browser.get("/staff").status(), "signed out: back to sign-in");

        assertTrue(actions("sign.in.ok").containsAll(List.of(AuditAction.SIGN_IN, AuditAction.SIGN_OUT)));
    }

    @Test
    void signingOutEndsTheSessionEverywhereEvenIfTheOldCookieIsReplayed() {
        StaffFixtures.account(context, "replay", Role.REVIEWING_OFFICER);
        WebClient first = new WebClient(server.getURI());
        String token = StaffFixtures.signIn(first, "replay");
        WebClient second = new WebClient(server.getURI());
        StaffFixtures.signIn(second, "replay");

        first.post("/sign-out", "_csrf", token);

        assertEquals(303, second.get("/staff").status(), "the other browser's session ended too");
    }

    @Test
    void aWrongPasswordAndAnUnknownUsernameGetTheSameMessage() {
        StaffFixtures.account(context, "sign.in.wrong", Role.REVIEWING_OFFICER);

        WebClient.Page wrongPassword = StaffFixtures.postSignIn(browser, "sign.in.wrong", "LEAKCANARY-not-it-123");
        WebClient.Page noSuchUser = StaffFixtures.postSignIn(browser, "nobody.here", "LEAKCANARY-not-it-123");

        assertEquals(422, wrongPassword.status());
        assertEquals(422, noSuchUser.status());
        assertTrue(wrongPassword.body().contains("Enter a correct username and password"));
        assertEquals(errorSummary(wrongPassword), errorSummary(noSuchUser));
        assertTrue(wrongPassword.body().contains("<title>Error: Sign in"));
        assertEquals(List.of(), HtmlChecker.errors(wrongPassword.body()));
        assertTrue(actions("sign.in.wrong").contains(AuditAction.SIGN_IN_FAILED));
    }

    @Test
    void emptyFieldsAreNamedInTheErrorSummary() {
        WebClient.Page page = StaffFixtures.postSignIn(browser, "", "");

        assertEquals(422, page.status());
        assertTrue(page.body().contains("href=\"#username\">Enter your username"));
        assertTrue(page.body().contains("href=\"#password\">Enter your password"));
    }

    @Test
    void fiveFailuresLockTheAccountWhichIsLoggedAndAuditedAndUnknownUsernamesLockAlike() {
        StaffFixtures.account(context, "lock.me", Role.REVIEWING_OFFICER);
        String log;
        WebClient.Page fifth = null;
        WebClient.Page unknownFifth = null;
        try (LogCapture capture = new LogCapture()) {
            for (int i = 0; i < 5; i++) {
                fifth = StaffFixtures.postSignIn(browser, "lock.me", "LEAKCANARY-guess-" + i + "-xx");
                unknownFifth = StaffFixtures.postSignIn(browser, "ghost.user", "LEAKCANARY-guess-" + i + "-xx");
            }
            log = capture.text();
        }
        assertTrue(fifth.body().contains("You have tried to sign in too many times. Wait 15 minutes"));
        assertEquals(errorSummary(fifth), errorSummary(unknownFifth), "same message whether the user exists or not");

        WebClient.Page rightPasswordWhileLocked = StaffFixtures.postSignIn(browser, "lock.me", StaffFixtures.PASSWORD);
        assertEquals(422, rightPasswordWhileLocked.status(), "locked even with the right password");

        assertTrue(log.contains("Sign-in locked for account"), "the lock is logged");
        assertFalse(log.contains("lock.me"), "the log names no username");
        assertFalse(log.contains("LEAKCANARY"), "no password in the log");
        assertTrue(actions("lock.me").contains(AuditAction.ACCOUNT_LOCKED));

        clock.advance(Duration.ofMinutes(16));
        assertEquals(303, StaffFixtures.postSignIn(browser, "lock.me", StaffFixtures.PASSWORD).status(),
                "the lock ends after 15 minutes");
    }

    @Test
    void thirtyMinutesWithoutARequestSignsYouOut() {
        StaffFixtures.account(context, "idle", Role.REVIEWING_OFFICER);
        StaffFixtures.signIn(browser, "idle");

        clock.advance(Duration.ofMinutes(29));
        assertEquals(200, browser.get("/staff").status(), "29 minutes: still signed in (and the clock restarts)");
        clock.advance(Duration.ofMinutes(29));
        assertEquals(200, browser.get("/staff").status(), "activity slides the idle timeout");
        clock.advance(Duration.ofMinutes(31));

        WebClient.Page timedOut = browser.get("/staff");
        assertEquals(303, timedOut.status());
        assertEquals("/sign-in/timed-out", timedOut.location());
        assertTrue(browser.get("/sign-in/timed-out").body().contains("did not do anything for 30 minutes"));
    }

    @Test
    void noSessionLastsLongerThanTwelveHoursEvenWhenActive() {
        StaffFixtures.account(context, "busy", Role.REVIEWING_OFFICER);
        StaffFixtures.signIn(browser, "busy");

        for (int i = 0; i < 35; i++) {
            clock.advance(Duration.ofMinutes(20));
            assertEquals(200, browser.get("/staff").status(), "active after " + (i + 1) * 20 + " minutes");
        }
        clock.advance(Duration.ofMinutes(20)); // 12 hours
        assertEquals(303, browser.get("/staff").status());
    }

    @Test
    void aTamperedCookieIsIgnored() {
        StaffFixtures.account(context, "tamper", Role.REVIEWING_OFFICER);
        WebClient.Page signedIn = StaffFixtures.postSignIn(browser, "tamper", StaffFixtures.PASSWORD);
        String cookie = signedIn.header("Set-Cookie").split(";")[0];
        String forged = cookie.replaceFirst("v1\\.(\\d+)\\.", "v1.1.");

        WebClient fresh = new WebClient(server.getURI());
        WebClient.Page page = fresh.send(fresh.request("/staff").header("Cookie", forged).GET().build());
        WebClient.Page genuine = fresh.send(fresh.request("/staff").header("Cookie", cookie).GET().build());

        assertEquals(200, genuine.status(), "the untouched cookie works");

        assertEquals(303, page.status());
    }

    @Test
    void withSingleSignOnOffThereIsNoWorkAccountLinkNoOauthRouteAndNoClient() {
        WebClient.Page page = browser.get("/sign-in");
        assertFalse(page.body().contains("/oauth/login/sso"), "no work-account link");
        assertFalse(page.body().contains("work account"));
        assertFalse(browser.get("/sign-in?sso=refused").body().contains("work account"), "no SSO message either");

        assertEquals(404, browser.get("/oauth/login/sso").status());
        assertEquals(404, browser.get("/oauth/callback/sso?code=x&state=y").status());
        assertTrue(context.getBeansOfType(io.micronaut.security.oauth2.client.OauthClient.class).isEmpty());
        assertTrue(context.getBeansOfType(io.micronaut.security.oauth2.client.DefaultOpenIdProviderMetadata.class).isEmpty(),
                "nothing fetches the provider’s discovery document");
        assertTrue(context.getBeansOfType(io.micronaut.security.handlers.RedirectingLoginHandler.class).isEmpty());
    }

    @Test
    void anUnsignedBearerTokenIsNoWayIn() {
        StaffFixtures.account(context, "bearer.admin", Role.ADMIN);
        String token = SsoSignInTest.unsignedToken();

        WebClient.Page page = browser.send(browser.request("/admin/accounts").header("Authorization", "Bearer " + token).GET().build());
        WebClient.Page api = browser.send(browser.request("/api/me").header("Authorization", "Bearer " + token).GET().build());

        assertEquals(303, page.status());
        assertEquals(401, api.status());
    }

    private List<AuditAction> actions(String username) {
        return audit.search(username, null, null, null, 100).stream().map(AuditEvent::action).toList();
    }

    private static String errorSummary(WebClient.Page page) {
        String body = page.body();
        int start = body.indexOf("govuk-error-summary__list");
        return start < 0 ? "" : body.substring(start, body.indexOf("</ul>", start));
    }
}
