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
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
@Property(name = "test.mutable-clock", value = "true")
class AccountAdministrationTest {

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext context;
    @Inject
    StaffAccountService accounts;
    @Inject
    AuditTrail audit;
    @Inject
    MutableClock clock;

    WebClient admin;
    String csrf;

    @BeforeEach
    void signInAsAdministrator() {
        if (accounts.findByUsername("the.admin").isEmpty()) {
            StaffFixtures.account(context, "the.admin", Role.ADMIN);
        }
        admin = new WebClient(server.getURI());
        csrf = StaffFixtures.signIn(admin, "the.admin");
    }

    @Test
    void anAdministratorCreatesAnAccountWhoSetsTheirPasswordFromTheOneTimeLinkAndSignsIn() {
        String log;
        String link;
        WebClient newcomer = new WebClient(server.getURI());
        try (LogCapture capture = new LogCapture()) {
            WebClient.Page form = admin.get("/admin/accounts/new");
            assertEquals(List.of(), HtmlChecker.errors(form.body()));
            WebClient.Page created = admin.post("/admin/accounts", "_csrf", csrf, "displayName", "Ruth Example",
                    "username", "ruth.example", "email", "", "roles", "REVIEWING_OFFICER", "roles", "SERVICE_MANAGER");
            assertEquals(200, created.status());
            assertEquals(List.of(), HtmlChecker.errors(created.body()));
            Matcher m = Pattern.compile("(https?://[^<\\s]+/set-password/([A-Za-z0-9_-]{22}))").matcher(created.body());
            assertTrue(m.find(), "the page shows the link once");
            link = m.group(1);
            String token = org.myview.support.Secrets.remember(m.group(2));
            assertEquals(Set.of(Role.REVIEWING_OFFICER, Role.SERVICE_MANAGER), accounts.findByUsername("ruth.example").orElseThrow().roles());

            WebClient.Page opened = newcomer.get("/set-password/" + token);
            assertEquals(303, opened.status());
            assertEquals("/set-password", opened.location(), "the token is swapped for a cookie and leaves the address");
            WebClient.Page setForm = newcomer.get("/set-password");
            assertEquals(200, setForm.status());
            assertFalse(setForm.body().contains(token));
            assertEquals(List.of(), HtmlChecker.errors(setForm.body()));
            String formToken = StaffFixtures.csrfToken(setForm);

            WebClient.Page weak = newcomer.post("/set-password", "_csrf", formToken, "password", "password1234", "confirmPassword", "password1234");
            assertEquals(422, weak.status());
            assertTrue(weak.body().contains("too easy to guess"));
            WebClient.Page shortOne = newcomer.post("/set-password", "_csrf", formToken, "password", "LEAKCANARY", "confirmPassword", "LEAKCANARY");
            assertTrue(shortOne.body().contains("at least 12 characters"));

            WebClient.Page set = newcomer.post("/set-password", "_csrf", formToken, "password", StaffFixtures.PASSWORD,
                    "confirmPassword", StaffFixtures.PASSWORD);
            assertEquals(200, set.status());
            assertTrue(set.body().contains("Your password has been set"));
            assertEquals(303, StaffFixtures.postSignIn(newcomer, "ruth.example", StaffFixtures.PASSWORD).status());

            WebClient again = new WebClient(server.getURI());
            again.get("/set-password/" + token);
            assertEquals(404, again.get("/set-password").status(), "a used link does not work again");
            log = capture.text();
        }
        assertFalse(log.contains(link.substring(link.lastIndexOf('/') + 1)), "the token is never logged");
        assertFalse(log.contains("LEAKCANARY"), "no password is logged");

        List<AuditAction> actions = audit.search("the.admin", null, null, null, 50).stream().map(AuditEvent::action).toList();
        assertTrue(actions.containsAll(List.of(AuditAction.ACCOUNT_CREATED, AuditAction.SET_PASSWORD_LINK_CREATED)));
        assertTrue(audit.search("ruth.example", null, null, null, 50).stream().map(AuditEvent::action).toList()
                .containsAll(List.of(AuditAction.PASSWORD_SET, AuditAction.SIGN_IN)));
    }

    @Test
    void aSetPasswordLinkExpiresAfterTwentyFourHours() {
        long id = accounts.create(null, new StaffAccountService.NewAccount("late.starter", "Late Starter", null, Set.of(Role.FORUM)));
        String token = org.myview.support.Secrets.remember(accounts.createSetPasswordLink(null, id));

        clock.advance(Duration.ofHours(24).plusMinutes(1));
        WebClient newcomer = new WebClient(server.getURI());
        newcomer.get("/set-password/" + token);

        WebClient.Page expired = newcomer.get("/set-password");
        assertEquals(404, expired.status());
        assertTrue(expired.body().contains("This link does not work"));
    }

    @Test
    void badAccountDetailsAreListedAndNothingIsCreated() {
        WebClient.Page page = admin.post("/admin/accounts", "_csrf", csrf, "displayName", "", "username", "Bad Name!");

        assertEquals(422, page.status());
        assertTrue(page.body().contains("href=\"#displayName\">Enter the person’s full name"), page.body());
        assertTrue(page.body().contains("href=\"#username\">Username must be"));
        assertTrue(page.body().contains("href=\"#roles\">Select at least one role"));
        assertEquals(List.of(), HtmlChecker.errors(page.body()));
        assertTrue(accounts.findByUsername("bad name!").isEmpty());
    }

    @Test
    void disablingAnAccountSignsItOutEverywhereAndReEnablingLetsItBackIn() {
        long id = StaffFixtures.account(context, "to.disable", Role.REVIEWING_OFFICER);
        WebClient officer = new WebClient(server.getURI());
        StaffFixtures.signIn(officer, "to.disable");

        assertEquals(303, admin.post("/admin/accounts/" + id + "/disable", "_csrf", csrf).status());
        assertEquals(303, officer.get("/staff").status(), "signed out at once");
        assertEquals(422, StaffFixtures.postSignIn(officer, "to.disable", StaffFixtures.PASSWORD).status());

        assertEquals(303, admin.post("/admin/accounts/" + id + "/enable", "_csrf", csrf).status());
        assertEquals(303, StaffFixtures.postSignIn(officer, "to.disable", StaffFixtures.PASSWORD).status());

        List<AuditAction> actions = audit.search("the.admin", null, null, null, 50).stream().map(AuditEvent::action).toList();
        assertTrue(actions.containsAll(List.of(AuditAction.ACCOUNT_DISABLED, AuditAction.ACCOUNT_ENABLED)));
    }

    @Test
    void changingRolesTakesEffectOnTheNextRequest() {
        long id = StaffFixtures.account(context, "role.change", Role.FORUM);
        WebClient user = new WebClient(server.getURI());
        StaffFixtures.signIn(user, "role.change");
        assertEquals(403, user.get("/admin/accounts").status());

        admin.post("/admin/accounts/" + id + "/roles", "_csrf", csrf, "roles", "ADMIN", "roles", "FORUM");

        assertEquals(200, user.get("/admin/accounts").status());
        AuditEvent change = audit.search("the.admin", null, null, null, 50).stream()
                .filter(e -> e.action() == AuditAction.ACCOUNT_ROLES_CHANGED).findFirst().orElseThrow();
        assertEquals(String.valueOf(id), change.subjectId());
        assertEquals(List.of("ADMIN", "FORUM"), change.detail().get("after"));
    }

    @Test
    void theLastAdministratorCannotBeDisabled() {
        for (StaffAccount other : accounts.withRole(Role.ADMIN)) {
            if (!other.username().equals("the.admin")) {
                accounts.setDisabled(null, other.id(), true);
            }
        }
        long self = accounts.findByUsername("the.admin").orElseThrow().id();

        WebClient.Page refused = admin.post("/admin/accounts/" + self + "/disable", "_csrf", csrf);

        assertEquals(422, refused.status());
        assertTrue(refused.body().contains("You cannot disable the last administrator"));
        assertFalse(accounts.find(self).orElseThrow().disabled());
    }

    @Test
    void theAuditTrailCanBeSearchedByUserAndDate() {
        StaffFixtures.account(context, "audited.one", Role.FORUM);
        StaffFixtures.signIn(new WebClient(server.getURI()), "audited.one");

        WebClient.Page page = admin.get("/admin/audit?user=audited.one&from=2000-01-01");
        assertEquals(200, page.status());
        assertTrue(page.body().contains("SIGN_IN"));
        assertEquals(List.of(), HtmlChecker.errors(page.body()));

        WebClient.Page bad = admin.get("/admin/audit?from=not-a-date");
        assertTrue(bad.body().contains("Enter a real date"));
        assertNull(null);
    }

    @Test
    void theAuditTrailIsAppendOnly() {
        StaffFixtures.signIn(new WebClient(server.getURI()), "the.admin");
        var dataSource = context.getBean(javax.sql.DataSource.class);
        try (var c = io.micronaut.data.connection.jdbc.advice.DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             var s = c.createStatement()) {
            org.junit.jupiter.api.Assertions.assertThrows(java.sql.SQLException.class, () -> s.execute("update audit_event set action = 'X'"));
            org.junit.jupiter.api.Assertions.assertThrows(java.sql.SQLException.class, () -> s.execute("delete from audit_event"));
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
