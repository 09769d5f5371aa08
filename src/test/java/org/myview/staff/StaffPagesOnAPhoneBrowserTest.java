package org.myview.staff;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.myview.support.Browser;
import org.myview.support.BrowserTest;
import org.myview.support.ReviewFixtures;
import org.myview.support.Secrets;
import org.myview.support.StaffFixtures;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every staff page of every role, on a 360 x 640 phone, with the demo data (the dev environment) so
 * that lists and tables are full: axe finds nothing (WCAG 2.2 AA and best practice) and no page
 * scrolls sideways. The pages come from the access table ({@link AccessRulesTest}): a new staff page
 * is checked here as soon as it has its line there. A few forms are also sent empty, to check their
 * error state. One browser for the whole class; every problem is listed before the test fails.
 */
@BrowserTest
@MicronautTest(environments = "dev", transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaffPagesOnAPhoneBrowserTest {

    /** The demo accounts' password (README); the demo exists only in the dev environment, as here. */
    private static final String DEMO_PASSWORD = "myview-demo-password";

    /** Demo account per role; the reviewing officer is the demo officer whose child asked to talk now. */
    private static final Map<String, String> DEMO_ACCOUNTS = Map.of(
            "ADMIN", "admin", "SERVICE_MANAGER", "manager", "PARTICIPATION_LEAD", "lead", "FORUM", "forum", "DUTY", "duty");

    /** Forms sent empty (page, button), per role: their error summary and field errors are checked too. */
    private static final Map<String, List<String[]>> EMPTY_FORMS = Map.of(
            "ADMIN", List.<String[]>of(new String[]{"/admin/accounts/new", "Add account"}),
            "SERVICE_MANAGER", List.of(new String[]{"/reviews/new", "Add review"}, new String[]{"/participation/targets", "Save target"},
                    new String[]{"/caseloads", "Add to caseload"}),
            "REVIEWING_OFFICER", List.<String[]>of(new String[]{"/reviews/new", "Add review"}),
            "FORUM", List.<String[]>of(new String[]{"/staff/api-tokens/new", "Create token"}),
            "PARTICIPATION_LEAD", List.of(new String[]{"/parent/plans/new", "Save plan"}, new String[]{"/forum/you-said-we-did/new", "Save"},
                    new String[]{"/advocacy/months", "Save figures"}));

    /** The innermost elements that reach past the right edge of the page: where a sideways scroll comes from. */
    private static final String TOO_WIDE = """
            var width = document.documentElement.clientWidth, found = [];
            document.querySelectorAll('body *').forEach(function (e) {
              if (e.getBoundingClientRect().right > width + 1 && !e.closest('.myview-table-scroll')
                  && !Array.prototype.some.call(e.children, function (c) { return c.getBoundingClientRect().right > width + 1; })) {
                found.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && e.className.baseVal === undefined ? '.' + e.className.trim().split(/\\s+/).join('.') : '')
                    + ' (' + Math.round(e.getBoundingClientRect().right) + ' px)');
              }
            });
            return found.slice(0, 5).join(', ');
            """;

    private static final List<String> ERROR_TITLES = List.of("Sorry", "Page not found", "You do not have access", "This page has expired");

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext context;

    private Browser browser;
    private final Map<String, String> ids = new LinkedHashMap<>();
    private String officer;

    @BeforeAll
    void start() {
        long officerId = ReviewFixtures.count(context, "select r.reviewing_officer_id from consultation_concern cc join review r on r.id = cc.review_id "
                + "order by cc.id limit 1");
        officer = username(officerId);
        // The demo officers have no password: give this one the demo accounts' (the same hash).
        ReviewFixtures.execute(context, "update staff_account set password_hash = (select password_hash from staff_account where username = 'admin') "
                + "where id = " + officerId);
        ids.put("/reviews/{id}", String.valueOf(ReviewFixtures.count(context, "select r.id from review r join consultation c on c.review_id = r.id "
                + "where c.sent_at is not null and r.reviewing_officer_id = " + officerId + " order by r.id limit 1")));
        ids.put("/reviews/{id}/participation", ids.get("/reviews/{id}"));
        ids.put("/concerns/{id}", String.valueOf(ReviewFixtures.count(context, "select min(cc.id) from consultation_concern cc")));
        ids.put("/admin/accounts/{id}", String.valueOf(officerId));
        ids.put("/admin/accounts/{id}/api-tokens", String.valueOf(officerId));
        ids.put("/admin/accounts/{id}/api-tokens/new", String.valueOf(officerId));
        // API tokens in every state, so the token lists show their table (the demo data has none).
        for (String account : List.of("(select id from staff_account where username = 'admin')", String.valueOf(officerId))) {
            ReviewFixtures.execute(context, "insert into api_token (account_id, name, scope, token_hash, created_at, expires_at, last_used_at, revoked_at) values "
                    + "(" + account + ", 'Power BI participation report', 'FIGURES', sha256(gen_random_uuid()::text::bytea), now(), now() + interval '90 days', now(), null), "
                    + "(" + account + ", 'Nightly SSDA903 import', 'IMPORT', sha256(gen_random_uuid()::text::bytea), now() - interval '40 days', now() - interval '10 days', null, null), "
                    + "(" + account + ", 'Old script', 'FIGURES', sha256(gen_random_uuid()::text::bytea), now() - interval '20 days', now() + interval '10 days', null, now())");
        }
        // An advocacy referral on the officer's review with a sent form, referred to NYAS (the demo data has none).
        ReviewFixtures.execute(context, "insert into advocacy_referral (review_id, consultation_id, requested_at, service, referred_on) "
                + "select c.review_id, c.id, c.sent_at, 'NYAS', (c.sent_at at time zone 'Europe/London')::date from consultation c "
                + "where c.review_id = " + ids.get("/reviews/{id}") + " and c.sent_at is not null order by c.id limit 1");
        ids.put("/advocacy/referrals/{id}", String.valueOf(ReviewFixtures.count(context, "select min(id) from advocacy_referral")));
        ids.put("/reviews/{id}/listened-link/sent", ids.get("/reviews/{id}"));
        ids.put("/reviews/{id}/views-received", ids.get("/reviews/{id}"));
        ids.put("/forum/moderation/{id}", String.valueOf(ReviewFixtures.count(context, "select min(id) from forum_quote where status = 'PENDING'")));
        ids.put("/forum/you-said-we-did/{id}/edit", String.valueOf(ReviewFixtures.count(context, "select min(id) from forum_action")));
        browser = Browser.phone();
    }

    @AfterAll
    void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void everyStaffPageOfEveryRoleIsAccessibleAndFitsAPhone() {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        browser.open(server.getURI().resolve("/sign-in"));
        checked += check("signed out /sign-in", problems);
        for (String role : List.of("REVIEWING_OFFICER", "SERVICE_MANAGER", "PARTICIPATION_LEAD", "FORUM", "DUTY", "ADMIN")) {
            StaffFixtures.signIn(browser, server.getURI(), role.equals("REVIEWING_OFFICER") ? officer : DEMO_ACCOUNTS.get(role), DEMO_PASSWORD);
            for (String path : pagesOf(role)) {
                browser.open(server.getURI().resolve(path));
                assertTrue(!browser.currentAddress().getPath().startsWith("/sign-in"), role + " " + path + " sent us to sign in");
                checked += check(role + " " + path, problems);
            }
            for (String[] form : EMPTY_FORMS.getOrDefault(role, List.of())) {
                browser.open(server.getURI().resolve(form[0])).clickButton(form[1]);
                assertTrue(browser.title().startsWith("Error:"), form[0] + " sent empty shows its errors: " + browser.title());
                checked += check(role + " " + form[0] + " sent empty", problems);
            }
            if (role.equals("FORUM")) {
                // The page that shows a new API token once: reached only by sending the form.
                browser.open(server.getURI().resolve("/staff/api-tokens/new")).fill("name", "Forum figures for the board")
                        .choose("scope").choose("expires-90").clickButton("Create token");
                Secrets.remember(String.valueOf(browser.script("return document.getElementById('api-token').textContent")));
                assertTrue(browser.title().startsWith("API token created"), browser.title());
                checked += check(role + " API token created", problems);
            }
        }
        System.out.printf("Staff pages on a phone: %d pages checked%n", checked);
        assertTrue(checked > 40, "the walk reached the pages: " + checked);
        assertEquals("", String.join("\n", problems));
    }

    private int check(String where, List<String> problems) {
        // An error page passes axe too: a page that failed is a problem of its own.
        if (ERROR_TITLES.stream().anyMatch(browser.title()::startsWith)) {
            problems.add(where + ": " + browser.title());
        }
        try {
            browser.assertAccessible();
        } catch (AssertionError e) {
            problems.add(where + ": " + e.getMessage());
        }
        try {
            browser.assertNoHorizontalScroll();
        } catch (AssertionError e) {
            problems.add(where + ": " + e.getMessage() + "; too wide: " + browser.script(TOO_WIDE));
        }
        return 1;
    }

    /** The role's staff pages: the GET routes of the access table that this role may use and nobody signed out may. */
    private List<String> pagesOf(String role) {
        List<String> pages = new ArrayList<>();
        for (String route : new TreeSet<>(AccessRulesTest.EXPECTED.keySet())) {
            String path = route.substring(route.indexOf(' ') + 1);
            boolean page = route.startsWith("GET ") && !path.startsWith("/api/") && !path.endsWith(".csv") && !path.endsWith(".pdf")
                    && !path.endsWith("/consultation-link/sent"); // a page after sending a link, reached only by a POST
            if (page && AccessRulesTest.EXPECTED.get(route).contains(role) && !AccessRulesTest.EXPECTED.get(route).contains("ANONYMOUS")) {
                String id = ids.get(path);
                if (path.contains("{")) {
                    assertTrue(id != null, "an id for " + path + " (add one in start())");
                    path = path.replaceFirst("\\{id}", id);
                }
                pages.add(path);
            }
        }
        return pages;
    }

    private String username(long accountId) {
        try (var c = ReviewFixtures.connection(context); var s = c.createStatement();
             var rs = s.executeQuery("select username from staff_account where id = " + accountId)) {
            rs.next();
            return rs.getString(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
