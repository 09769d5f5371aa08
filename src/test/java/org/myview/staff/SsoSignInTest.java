package org.myview.staff;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpMethod;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.security.handlers.RedirectingLoginHandler;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.web.router.Router;
import jakarta.inject.Inject;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.myview.support.HtmlChecker;
import org.myview.support.LogCapture;
import org.myview.support.StaffFixtures;
import org.myview.support.WebClient;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Single sign-on, end to end: a real OpenID Connect provider (mock-oauth2-server) on a random local
 * port, and the browser's redirects followed by hand: our login route, the provider's authorize
 * endpoint, our callback (which exchanges the code and checks the ID token), our cookie, the staff page.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SsoSignInTest implements TestPropertyProvider {

    private static final String ISSUER_ID = "trust";
    private static final String CLIENT_ID = "myview-client";
    private static final String CLIENT_SECRET = "LEAKCANARY-client-secret";

    private MockOAuth2Server provider;

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext context;
    @Inject
    AuditTrail audit;
    @Inject
    StaffAccountService accounts;

    /** Runs before the context starts, so the provider is up when the service reads its discovery document. */
    @Override
    public Map<String, String> getProperties() {
        provider = new MockOAuth2Server();
        provider.start();
        return ssoProperties(false);
    }

    private Map<String, String> ssoProperties(boolean createAccounts) {
        Map<String, String> properties = new HashMap<>();
        properties.put("micronaut.security.oauth2.enabled", "true");
        properties.put("micronaut.security.oauth2.clients.sso.client-id", CLIENT_ID);
        properties.put("micronaut.security.oauth2.clients.sso.client-secret", CLIENT_SECRET);
        properties.put("micronaut.security.oauth2.clients.sso.openid.issuer", provider.issuerUrl(ISSUER_ID).toString());
        properties.put("myview.sso.create-accounts", String.valueOf(createAccounts));
        return properties;
    }

    @AfterAll
    void stopProvider() {
        provider.shutdown();
    }

    @Test
    void anExistingAccountSignsInWithItsWorkAccountAndTakesTheRolesInTheToken() {
        long id = StaffFixtures.account(context, "jo.bloggs@trust.org", Role.REVIEWING_OFFICER);
        WebClient browser = new WebClient(server.getURI());

        WebClient.Page signInPage = browser.get("/sign-in");
        assertTrue(signInPage.body().contains("href=\"/oauth/login/sso\""), "the work-account link is shown");
        assertTrue(signInPage.body().contains("Sign in with your work account instead"));

        String log;
        WebClient.Page signedIn;
        try (LogCapture capture = new LogCapture()) {
            // Upper case in the token, lower case in MyView: matched all the same.
            signedIn = signInWithWorkAccount(browser, Map.of("preferred_username", "Jo.Bloggs@Trust.org",
                    "name", "LEAKCANARY Jo From The Token", "roles", List.of("SERVICE_MANAGER", "forum", "Some.Other.App.Role")));
            log = capture.text();
        }
        assertEquals(303, signedIn.status());
        assertEquals("/staff", signedIn.location());
        String setCookie = signedIn.header("Set-Cookie");
        assertNotNull(setCookie);
        assertTrue(setCookie.startsWith(StaffSessionCookie.NAME + "=v1."), "our own session cookie: " + setCookie);
        assertTrue(setCookie.toLowerCase().contains("httponly"));

        WebClient.Page home = browser.get("/staff");
        assertEquals(200, home.status());
        assertTrue(home.body().contains("Test jo.bloggs@trust.org"), "the account’s own name, not the token’s");
        assertEquals(List.of(), HtmlChecker.errors(home.body()));

        assertEquals(EnumSet.of(Role.SERVICE_MANAGER, Role.FORUM), accounts.find(id).orElseThrow().roles(),
                "roles from the token; an unknown value is ignored");
        List<AuditEvent> events = audit.search("jo.bloggs@trust.org", null, null, null, 10);
        AuditEvent signIn = events.stream().filter(e -> e.action() == AuditAction.SIGN_IN).findFirst().orElseThrow();
        assertEquals("oidc", signIn.detail().get("method"));
        AuditEvent rolesChanged = events.stream().filter(e -> e.action() == AuditAction.ACCOUNT_ROLES_CHANGED).findFirst().orElseThrow();
        assertEquals(List.of("REVIEWING_OFFICER"), rolesChanged.detail().get("before"));
        assertEquals(List.of("FORUM", "SERVICE_MANAGER"), rolesChanged.detail().get("after"));

        assertFalse(log.contains("jo.bloggs"), "no username in the log");
        assertFalse(log.contains("LEAKCANARY"), "no claim or client secret in the log");
        assertFalse(log.contains("code="), "no authorization code in the log");

        // A token without the roles claim leaves the roles as MyView has them.
        WebClient again = new WebClient(server.getURI());
        assertEquals("/staff", signInWithWorkAccount(again, Map.of("preferred_username", "jo.bloggs@trust.org")).location());
        assertEquals(EnumSet.of(Role.SERVICE_MANAGER, Role.FORUM), accounts.find(id).orElseThrow().roles());
        assertEquals(1, audit.search("jo.bloggs@trust.org", null, null, null, 20).stream()
                .filter(e -> e.action() == AuditAction.ACCOUNT_ROLES_CHANGED).count(), "no change, no line");
    }

    @Test
    void someoneWithoutAnAccountIsRefusedWithAMessageAndNoAccountIsCreated() {
        WebClient browser = new WebClient(server.getURI());

        WebClient.Page refused = signInWithWorkAccount(browser, Map.of("preferred_username", "no.account@trust.org",
                "roles", List.of("ADMIN")));

        assertEquals(303, refused.status());
        assertEquals("/sign-in?sso=refused", refused.location());
        assertEquals(null, refused.header("Set-Cookie"));
        WebClient.Page page = browser.get(refused.location());
        assertEquals(200, page.status());
        assertTrue(page.body().contains("Your work account does not have access to MyView"), page.body());
        assertTrue(page.body().contains("<title>Error: Sign in"));
        assertTrue(page.body().contains("href=\"#sso\""), "the error links to the work-account link");
        assertEquals(List.of(), HtmlChecker.errors(page.body()));
        assertEquals(303, browser.get("/staff").status(), "not signed in");

        assertTrue(accounts.findByUsername("no.account@trust.org").isEmpty());
        AuditEvent failed = audit.search(null, null, null, null, 1).get(0);
        assertEquals(AuditAction.SIGN_IN_FAILED, failed.action());
        assertEquals(Map.of("method", "oidc", "reason", "no-account"), failed.detail());
    }

    @Test
    void aDisabledAccountIsRefused() {
        long id = StaffFixtures.account(context, "left.the.trust@trust.org", Role.ADMIN, Role.SERVICE_MANAGER);
        StaffFixtures.account(context, "sso.other.admin", Role.ADMIN); // so the first is not the last administrator
        assertTrue(accounts.setDisabled(null, id, true));
        WebClient browser = new WebClient(server.getURI());

        WebClient.Page refused = signInWithWorkAccount(browser, Map.of("preferred_username", "left.the.trust@trust.org",
                "roles", List.of("ADMIN")));

        assertEquals("/sign-in?sso=refused", refused.location());
        assertEquals(303, browser.get("/staff").status());
        AuditEvent failed = audit.search("left.the.trust@trust.org", null, null, null, 1).get(0);
        assertEquals(AuditAction.SIGN_IN_FAILED, failed.action());
        assertEquals("disabled", failed.detail().get("reason"));
        assertEquals(EnumSet.of(Role.ADMIN, Role.SERVICE_MANAGER), accounts.find(id).orElseThrow().roles(),
                "a refused sign-in changes nothing");
    }

    @Test
    void anErrorFromTheProviderOrAForgedCallbackEndsOnTheSignInPageWithAMessage() {
        WebClient browser = new WebClient(server.getURI());

        WebClient.Page cancelled = browser.get("/oauth/callback/sso?error=access_denied&state=x", "text/html");
        assertEquals(303, cancelled.status());
        assertEquals("/sign-in?sso=failed", cancelled.location());
        WebClient.Page cancelledNoHtml = browser.get("/oauth/callback/sso?error=access_denied&state=x");
        assertEquals("/sign-in?sso=failed", cancelledNoHtml.location());

        // A code with no login started from this browser: no state cookie to match.
        WebClient.Page forged = browser.get("/oauth/callback/sso?code=LEAKCANARY-code&state=forged");
        assertEquals(303, forged.status());
        assertEquals("/sign-in?sso=failed", forged.location());

        WebClient.Page page = browser.get("/sign-in?sso=failed");
        assertTrue(page.body().contains("We could not sign you in with your work account"));
        assertEquals(303, browser.get("/staff").status());
    }

    @Test
    void withCreateAccountsOnAnAccountIsCreatedWithTheTokensRolesButOnlyWithARole() {
        Map<String, Object> properties = new HashMap<>(ssoProperties(true));
        properties.put("micronaut.server.port", -1); // @MicronautTest does this for its own server
        try (EmbeddedServer creating = ApplicationContext.run(EmbeddedServer.class, properties, "test")) {
            StaffAccountService creatingAccounts = creating.getApplicationContext().getBean(StaffAccountService.class);
            WebClient browser = new WebClient(creating.getURI());

            WebClient.Page signedIn = signInWithWorkAccount(browser, Map.of("preferred_username", "New.Person@Trust.org",
                    "name", "New Person", "email", "new.person@trust.org", "roles", List.of("PARTICIPATION_LEAD")));

            assertEquals("/staff", signedIn.location());
            assertTrue(browser.get("/staff").body().contains("New Person"));
            StaffAccount created = creatingAccounts.findByUsername("new.person@trust.org").orElseThrow();
            assertEquals("new.person@trust.org", created.username(), "stored in lower case");
            assertEquals(EnumSet.of(Role.PARTICIPATION_LEAD), created.roles());
            assertFalse(created.hasPassword());
            AuditTrail creatingAudit = creating.getApplicationContext().getBean(AuditTrail.class);
            assertTrue(creatingAudit.search("new.person@trust.org", null, null, null, 10).stream()
                    .anyMatch(e -> e.action() == AuditAction.ACCOUNT_CREATED && "oidc".equals(e.detail().get("by"))));

            WebClient other = new WebClient(creating.getURI());
            WebClient.Page noRole = signInWithWorkAccount(other, Map.of("preferred_username", "no.role@trust.org",
                    "roles", List.of("Some.Other.App.Role")));
            assertEquals("/sign-in?sso=refused", noRole.location());
            assertTrue(creatingAccounts.findByUsername("no.role@trust.org").isEmpty());
        }
    }

    @Test
    void theServiceStartsWhenTheProviderIsDownAndSingleSignOnWorksOnceItIsUp() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Map<String, Object> properties = new HashMap<>(ssoProperties(false));
        properties.put("micronaut.server.port", -1);
        properties.put("micronaut.security.oauth2.clients.sso.openid.issuer", "http://localhost:" + port + "/" + ISSUER_ID);
        properties.put("myview.sso.provider-retry", "1s");
        MockOAuth2Server late = new MockOAuth2Server();
        try (EmbeddedServer started = ApplicationContext.run(EmbeddedServer.class, properties, "test")) {
            WebClient browser = new WebClient(started.getURI());
            assertEquals(200, browser.get("/sign-in").status(), "password sign-in is there");
            assertEquals("/sign-in?sso=failed", browser.get("/oauth/login/sso").location(), "single sign-on says it failed");

            late.start(port);
            String location = null;
            for (int i = 0; i < 100 && (location == null || location.startsWith("/sign-in")); i++) {
                Thread.sleep(100);
                location = browser.get("/oauth/login/sso").location();
            }
            assertTrue(location.startsWith("http://localhost:" + port + "/" + ISSUER_ID + "/authorize"), location);
        } finally {
            late.shutdown();
        }
    }

    @Test
    void ssoAddsOnlyItsLoginAndCallbackRoutesAndOurLoginHandler() {
        Router router = context.getBean(Router.class);
        Set<String> routes = router.uriRoutes()
                .filter(r -> !r.getUriMatchTemplate().toString().startsWith("/test-only"))
                .filter(r -> r.getHttpMethod() != HttpMethod.HEAD)
                .map(r -> r.getHttpMethod() + " " + r.getUriMatchTemplate().toPathString())
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> added = new TreeSet<>(routes);
        added.removeAll(AccessRulesTest.EXPECTED.keySet());
        assertEquals(Set.of("GET /oauth/login/sso", "GET /oauth/callback/sso", "POST /oauth/callback/sso"), added);

        List<Class<?>> handlers = new ArrayList<>();
        context.getBeansOfType(RedirectingLoginHandler.class).forEach(h -> handlers.add(h.getClass()));
        assertEquals(List.of(SsoLoginHandler.class), handlers);
    }

    @Test
    void aTokenFromTheProviderIsNoWayInOnItsOwn() {
        StaffFixtures.account(context, "bearer.try@trust.org", Role.ADMIN);
        String signed = provider.issueToken(ISSUER_ID, "bearer.try@trust.org", CLIENT_ID,
                Map.of("preferred_username", "bearer.try@trust.org", "roles", List.of("ADMIN"))).serialize();
        String unsigned = unsignedToken();
        WebClient browser = new WebClient(server.getURI());

        for (String token : List.of(signed, unsigned)) {
            WebClient.Page page = browser.send(browser.request("/admin/accounts")
                    .header("Authorization", "Bearer " + token).GET().build());
            assertEquals(303, page.status(), "a bearer token is not a session");
            WebClient.Page api = browser.send(browser.request("/api/me")
                    .header("Authorization", "Bearer " + token).GET().build());
            assertEquals(401, api.status(), "the API takes HTTP Basic only");
        }
    }

    /** A JWT with {@code alg: none}, claiming to be an administrator. */
    static String unsignedToken() {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));
        String payload = b64.encodeToString(("{\"sub\":\"intruder\",\"roles\":[\"ADMIN\"],\"exp\":"
                + (System.currentTimeMillis() / 1000 + 3600) + "}").getBytes(StandardCharsets.UTF_8));
        return header + "." + payload + ".";
    }

    /**
     * Follows the browser's way through single sign-on and returns our callback's answer. The provider
     * signs the person in at once (no login form) with the given claims in its ID token.
     */
    private WebClient.Page signInWithWorkAccount(WebClient browser, Map<String, Object> claims) {
        provider.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER_ID, "subject-" + claims.get("preferred_username"),
                "JWT", List.of(CLIENT_ID), claims, 3600));

        WebClient.Page login = browser.get("/oauth/login/sso");
        assertEquals(302, login.status(), "to the provider");
        String authorize = login.location();
        assertTrue(authorize.startsWith(provider.authorizationEndpointUrl(ISSUER_ID).toString()), authorize);
        assertTrue(authorize.contains("client_id=" + CLIENT_ID));
        assertTrue(authorize.contains("code_challenge="), "PKCE");
        assertTrue(authorize.contains("nonce="));

        WebClient.Page atProvider = browser.get(authorize);
        assertEquals(302, atProvider.status(), "the provider sends the browser back with a code");
        String callback = atProvider.location();
        assertTrue(callback.startsWith(browser.base().resolve("/oauth/callback/sso").toString()), callback);

        return browser.get(callback);
    }
}
