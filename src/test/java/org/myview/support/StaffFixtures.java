package org.myview.support;

import io.micronaut.context.ApplicationContext;
import org.myview.staff.Role;
import org.myview.staff.StaffAccountService;

import java.net.URI;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Creates staff accounts through the service and signs them in through the real sign-in page. */
public final class StaffFixtures {

    /** Every test password carries this marker, so a leak into the logs can be found by name. */
    public static final String PASSWORD = "LEAKCANARY-correct-horse-7";

    private StaffFixtures() {
    }

    public static long account(ApplicationContext context, String username, Role... roles) {
        Set<Role> set = roles.length == 0 ? EnumSet.noneOf(Role.class) : EnumSet.of(roles[0], roles);
        return context.getBean(StaffAccountService.class).createWithPassword(
                new StaffAccountService.NewAccount(username, "Test " + username, null, set), PASSWORD);
    }

    /** Signs in and returns the CSRF token of the new session (read from a page's sign-out form). */
    public static String signIn(WebClient browser, String username) {
        WebClient.Page result = postSignIn(browser, username, PASSWORD);
        if (result.status() != 303) {
            throw new IllegalStateException("Sign-in failed for " + username + ": " + result.status());
        }
        return csrfToken(browser.get("/staff"));
    }

    /** Posts the sign-in form as a browser does: first the page (its pre-session cookie and CSRF token), then the form. */
    public static WebClient.Page postSignIn(WebClient browser, String username, String password) {
        return browser.post("/sign-in", "username", username, "password", password, "_csrf", signInFormToken(browser));
    }

    /** The sign-in form's CSRF token (login CSRF); the client keeps the pre-session cookie that goes with it. */
    public static String signInFormToken(WebClient browser) {
        return csrfToken(browser.get("/sign-in"));
    }

    public static String csrfToken(WebClient.Page page) {
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
        if (!m.find()) {
            throw new IllegalStateException("No CSRF token on the page");
        }
        return m.group(1);
    }

    /** Signs in through the real sign-in page in a browser, from no cookies (browsers are reused between tests). */
    public static Browser signIn(Browser browser, URI server, String username) {
        return signIn(browser, server, username, PASSWORD);
    }

    /** As {@link #signIn(Browser, URI, String)}, with another password (the demo accounts'). */
    public static Browser signIn(Browser browser, URI server, String username, String password) {
        URI signInPage = server.resolve("/sign-in");
        URI current = browser.currentAddress();
        // Cookies can only be cleared from a page of the app's own origin.
        if (!Objects.equals(current.getHost(), server.getHost()) || current.getPort() != server.getPort()) {
            browser.open(signInPage);
        }
        browser.driver().manage().deleteAllCookies();
        browser.open(signInPage);
        browser.fill("username", username).fill("password", password).clickButton("Sign in");
        if (browser.currentAddress().getPath().startsWith("/sign-in")) {
            throw new IllegalStateException("Sign-in failed for " + username + ": " + browser.pageText());
        }
        return browser;
    }
}
