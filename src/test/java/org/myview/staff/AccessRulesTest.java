package org.myview.staff;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpMethod;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.myview.support.StaffFixtures;
import org.myview.support.WebClient;
import org.myview.web.CsrfTokens;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every route, with every role and with nobody signed in. A route added without a line here fails
 * this test, and so does a line whose route is gone: the table is the access policy, kept true.
 */
@MicronautTest(transactional = false)
public class AccessRulesTest {

    private static final String ANONYMOUS = "ANONYMOUS";
    private static final Set<String> EVERYONE = Set.of(ANONYMOUS, "ADMIN", "REVIEWING_OFFICER", "SERVICE_MANAGER",
            "PARTICIPATION_LEAD", "FORUM");
    private static final Set<String> STAFF = Set.of("ADMIN", "REVIEWING_OFFICER", "SERVICE_MANAGER",
            "PARTICIPATION_LEAD", "FORUM");
    private static final Set<String> ADMIN = Set.of("ADMIN");
    private static final Set<String> REVIEWS = Set.of("REVIEWING_OFFICER", "SERVICE_MANAGER");
    private static final Set<String> MANAGER = Set.of("SERVICE_MANAGER");
    private static final Set<String> FORUM = Set.of("FORUM", "PARTICIPATION_LEAD");
    private static final Set<String> LEAD = Set.of("PARTICIPATION_LEAD");

    /** Who may use each route ("METHOD /template"). */
    static final Map<String, Set<String>> EXPECTED = new LinkedHashMap<>();

    /** Whether the table opens this route ("METHOD /template") to anybody, or to every member of staff whatever their role. */
    public static boolean openToAnyoneOrAllStaff(String route) {
        Set<String> who = EXPECTED.get(route);
        return who != null && (who.contains(ANONYMOUS) || who.containsAll(STAFF));
    }

    static {
        // Pages for anyone
        EXPECTED.put("GET /", EVERYONE);
        EXPECTED.put("GET /privacy", EVERYONE);
        EXPECTED.put("GET /accessibility", EVERYONE);
        EXPECTED.put("GET /cookies", EVERYONE);
        EXPECTED.put("GET /health", EVERYONE);
        EXPECTED.put("GET /health/{selector}", EVERYONE);
        // Signing in and out
        EXPECTED.put("GET /sign-in", EVERYONE);
        EXPECTED.put("GET /sign-in/timed-out", EVERYONE);
        EXPECTED.put("POST /sign-in", EVERYONE);
        EXPECTED.put("POST /sign-out", STAFF);
        EXPECTED.put("GET /signed-out", EVERYONE);
        EXPECTED.put("POST /session/keep-alive", STAFF);
        EXPECTED.put("GET /set-password/{token}", EVERYONE);
        EXPECTED.put("GET /set-password", EVERYONE);
        EXPECTED.put("POST /set-password", EVERYONE);
        // Secret links (web/link): a child's or parent's form
        EXPECTED.put("GET /{kind}/link/{token}", EVERYONE);
        // The child's consultation form (the form session, not a role, decides what a page shows)
        EXPECTED.put("GET /consultation", EVERYONE);
        EXPECTED.put("POST /consultation/version", EVERYONE);
        EXPECTED.put("GET /consultation/q/{number}", EVERYONE);
        EXPECTED.put("POST /consultation/q/{number}", EVERYONE);
        EXPECTED.put("GET /consultation/check", EVERYONE);
        EXPECTED.put("POST /consultation/send", EVERYONE);
        EXPECTED.put("GET /consultation/sent", EVERYONE);
        EXPECTED.put("POST /consultation/talk", EVERYONE);
        EXPECTED.put("GET /consultation/talk", EVERYONE);
        EXPECTED.put("POST /consultation/language", EVERYONE);
        // Staff
        EXPECTED.put("GET /staff", STAFF);
        EXPECTED.put("GET /api/me", STAFF);
        // Administration
        EXPECTED.put("GET /admin/accounts", ADMIN);
        EXPECTED.put("GET /admin/accounts/new", ADMIN);
        EXPECTED.put("POST /admin/accounts", ADMIN);
        EXPECTED.put("GET /admin/accounts/{id}", ADMIN);
        EXPECTED.put("POST /admin/accounts/{id}/roles", ADMIN);
        EXPECTED.put("POST /admin/accounts/{id}/disable", ADMIN);
        EXPECTED.put("POST /admin/accounts/{id}/enable", ADMIN);
        EXPECTED.put("POST /admin/accounts/{id}/set-password-link", ADMIN);
        EXPECTED.put("GET /admin/audit", ADMIN);
        // Reviews
        EXPECTED.put("GET /reviews", REVIEWS);
        EXPECTED.put("POST /reviews", REVIEWS);
        EXPECTED.put("GET /reviews/new", REVIEWS);
        EXPECTED.put("GET /reviews/{id}", REVIEWS);
        EXPECTED.put("GET /reviews/{id}/participation", REVIEWS);
        EXPECTED.put("POST /reviews/{id}/participation", REVIEWS);
        EXPECTED.put("POST /reviews/{id}/consultation-link", REVIEWS);
        EXPECTED.put("POST /reviews/{id}/consultation-link/send", REVIEWS);
        EXPECTED.put("GET /reviews/{id}/consultation-link/sent", REVIEWS);
        EXPECTED.put("GET /reviews/import", MANAGER);
        EXPECTED.put("POST /reviews/import", MANAGER);
        EXPECTED.put("GET /reviews/export", MANAGER);
        EXPECTED.put("GET /reviews/export.csv", MANAGER);
        EXPECTED.put("POST /api/reviews/import", MANAGER);
        EXPECTED.put("GET /api/reviews/export.csv", MANAGER);
        // Participation figures
        EXPECTED.put("GET /participation", REVIEWS);
        EXPECTED.put("GET /participation/export.csv", REVIEWS);
        EXPECTED.put("GET /participation/export-by-age.csv", REVIEWS);
        EXPECTED.put("GET /participation/mrmv.csv", REVIEWS);
        EXPECTED.put("GET /participation/targets", MANAGER);
        EXPECTED.put("POST /participation/targets", MANAGER);
        EXPECTED.put("POST /participation/targets/{id}/delete", MANAGER);
        EXPECTED.put("GET /api/participation/summary", MANAGER);
        EXPECTED.put("GET /api/participation/mrmv", MANAGER);
        // Reach Out! (the forum sees protected figures and checked words; the participation lead checks them)
        EXPECTED.put("GET /forum", FORUM);
        EXPECTED.put("GET /forum/print", FORUM);
        EXPECTED.put("GET /forum/figures.csv", FORUM);
        EXPECTED.put("GET /forum/said", FORUM);
        EXPECTED.put("GET /forum/you-said-we-did", FORUM);
        EXPECTED.put("GET /api/forum/figures", FORUM);
        EXPECTED.put("GET /api/forum/figures.csv", FORUM);
        EXPECTED.put("GET /forum/moderation", LEAD);
        EXPECTED.put("GET /forum/moderation/{id}", LEAD);
        EXPECTED.put("POST /forum/moderation/{id}", LEAD);
        EXPECTED.put("POST /forum/moderation/{id}/withdraw", LEAD);
        EXPECTED.put("GET /forum/you-said-we-did/new", LEAD);
        EXPECTED.put("POST /forum/you-said-we-did", LEAD);
        EXPECTED.put("GET /forum/you-said-we-did/{id}/edit", LEAD);
        EXPECTED.put("POST /forum/you-said-we-did/{id}", LEAD);
        // Messages to parents (notify/)
        EXPECTED.put("GET /notify/outbox", Set.of("PARTICIPATION_LEAD", "ADMIN"));
        // Parent feedback: the lead's pages, results for the lead and the manager, the parent's form for anyone with a link
        Set<String> lead = Set.of("PARTICIPATION_LEAD");
        EXPECTED.put("GET /parent/rounds", lead);
        EXPECTED.put("POST /parent/rounds", lead);
        EXPECTED.put("GET /parent/plans", lead);
        EXPECTED.put("GET /parent/plans/new", lead);
        EXPECTED.put("POST /parent/plans", lead);
        EXPECTED.put("GET /parent/plans/import", lead);
        EXPECTED.put("POST /parent/plans/import", lead);
        EXPECTED.put("GET /parent/results", Set.of("PARTICIPATION_LEAD", "SERVICE_MANAGER"));
        EXPECTED.put("GET /parent/results/export.csv", Set.of("PARTICIPATION_LEAD", "SERVICE_MANAGER"));
        EXPECTED.put("GET /parent/form", EVERYONE);
        EXPECTED.put("GET /parent/form/{step}", EVERYONE);
        EXPECTED.put("POST /parent/form/{step}", EVERYONE);
        EXPECTED.put("GET /parent/check", EVERYONE);
        EXPECTED.put("POST /parent/check", EVERYONE);
        EXPECTED.put("GET /parent/done", EVERYONE);
    }

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext context;
    @Inject
    Router router;
    @Inject
    StaffSessionCookie cookies;
    @Inject
    SignInService signIn;
    @Inject
    CsrfTokens csrf;

    @Test
    void everyRouteHasARuleAndEveryRoleGetsExactlyWhatTheRuleSays() {
        Map<Role, Long> accounts = new LinkedHashMap<>();
        for (Role role : Role.values()) {
            accounts.put(role, StaffFixtures.account(context, "access." + role.name().toLowerCase().replace('_', '.'), role));
        }
        Map<String, String> consumes = new LinkedHashMap<>();
        router.uriRoutes()
                .filter(r -> !r.getUriMatchTemplate().toString().startsWith("/test-only"))
                .filter(r -> r.getHttpMethod() != HttpMethod.HEAD) // Micronaut answers HEAD as its GET
                .forEach(r -> consumes.put(r.getHttpMethod() + " " + r.getUriMatchTemplate().toPathString(),
                        r.getConsumes().isEmpty() ? "application/x-www-form-urlencoded" : r.getConsumes().get(0).getName()));
        Set<String> routes = new TreeSet<>(consumes.keySet());

        Set<String> unlisted = new TreeSet<>(routes);
        unlisted.removeAll(EXPECTED.keySet());
        assertEquals(Set.of(), unlisted, "routes without an access rule in this test");
        Set<String> gone = new TreeSet<>(EXPECTED.keySet());
        gone.removeAll(routes);
        assertEquals(Set.of(), gone, "rules for routes that no longer exist");

        List<String> wrong = new ArrayList<>();
        for (String route : routes) {
            Set<String> expected = EXPECTED.get(route);
            if (!isAllowed(route, consumes.get(route), null, null) == expected.contains(ANONYMOUS)) {
                wrong.add(route + " anonymous: should be " + (expected.contains(ANONYMOUS) ? "allowed but was denied" : "denied but was allowed"));
            }
            for (Map.Entry<Role, Long> account : accounts.entrySet()) {
                boolean allowed = isAllowed(route, consumes.get(route), account.getKey(), account.getValue());
                if (allowed != expected.contains(account.getKey().name())) {
                    wrong.add(route + " " + account.getKey() + ": should be " + (allowed ? "denied but was allowed" : "allowed but was denied"));
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    private boolean isAllowed(String route, String contentType, Role role, Long accountId) {
        String method = route.substring(0, route.indexOf(' '));
        String path = route.substring(route.indexOf(' ') + 1).replaceAll("\\{[^}]+}", "999999");
        WebClient browser = new WebClient(server.getURI());
        HttpRequest.Builder request = browser.request(path);
        String csrfToken = "";
        if (role != null && path.startsWith("/api/")) {
            String credentials = "access." + role.name().toLowerCase().replace('_', '.') + ":" + StaffFixtures.PASSWORD;
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        } else if (role != null) {
            StaffAccount account = signIn.accountFor(new StaffSession(accountId, 0, "x", Instant.now(), Instant.now()))
                    .or(() -> context.getBean(StaffAccountService.class).find(accountId)).orElseThrow();
            String sessionId = UUID.randomUUID().toString().replace("-", "");
            String value = cookies.encode(new StaffSession(accountId, account.sessionEpoch(), sessionId, Instant.now(), Instant.now()));
            request.header("Cookie", StaffSessionCookie.NAME + "=" + value);
            csrfToken = csrf.tokenForKey("staff:" + sessionId);
        }
        if (HttpMethod.valueOf(method) == HttpMethod.POST && contentType.equals("multipart/form-data")) {
            String boundary = "accessrules";
            request.header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofString("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n"
                            + csrfToken + "\r\n--" + boundary + "--\r\n"));
        } else if (HttpMethod.valueOf(method) == HttpMethod.POST && contentType.equals("text/csv")) {
            request.header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString("CHILD,DOB,REVIEW,REVIEW_CODE\n"));
        } else if (HttpMethod.valueOf(method) == HttpMethod.POST) {
            request.header("Content-Type", contentType)
                    .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + csrfToken));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        WebClient.Page page = browser.send(request.build());
        boolean toSignIn = page.status() == 303 && page.location() != null && page.location().startsWith("/sign-in");
        boolean forbidden = page.status() == 403 && (path.startsWith("/api/") || page.body().contains("You do not have access"));
        if (page.status() == 415) {
            throw new IllegalStateException(route + " answered 415: this test sent the wrong content type");
        }
        return !(toSignIn || page.status() == 401 || forbidden);
    }

}
