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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every route, with every role and with nobody signed in. A route added without a line here fails
 * this test, and so does a line whose route is gone: the table is the access policy, kept true.
 */
@MicronautTest(transactional = false)
public class AccessRulesTest {

    private static final String ANONYMOUS = "ANONYMOUS";
    private static final Set<String> EVERYONE = Set.of(ANONYMOUS, "ADMIN", "REVIEWING_OFFICER", "SERVICE_MANAGER",
            "PARTICIPATION_LEAD", "FORUM", "DUTY");
    private static final Set<String> STAFF = Set.of("ADMIN", "REVIEWING_OFFICER", "SERVICE_MANAGER",
            "PARTICIPATION_LEAD", "FORUM", "DUTY");
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

    /** Every route of the table ("METHOD /template"), for tests that walk them all. */
    public static Set<String> routes() {
        return java.util.Collections.unmodifiableSet(EXPECTED.keySet());
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
        EXPECTED.put("GET /{kind}/link-code", EVERYONE);
        EXPECTED.put("POST /{kind}/link-code", EVERYONE);
        EXPECTED.put("GET /{kind}/link-continue", EVERYONE);
        EXPECTED.put("POST /{kind}/link-continue", EVERYONE);
        // The child's consultation form (the form session, not a role, decides what a page shows)
        EXPECTED.put("GET /consultation", EVERYONE);
        EXPECTED.put("POST /consultation/version", EVERYONE);
        EXPECTED.put("GET /consultation/q/{number}", EVERYONE);
        EXPECTED.put("POST /consultation/q/{number}", EVERYONE);
        EXPECTED.put("GET /consultation/check", EVERYONE);
        EXPECTED.put("POST /consultation/send", EVERYONE);
        EXPECTED.put("GET /consultation/sent", EVERYONE);
        EXPECTED.put("GET /consultation/offline-worker.js", EVERYONE); // the form's service worker (no data in it)
        EXPECTED.put("GET /consultation/talk", EVERYONE);
        EXPECTED.put("POST /consultation/talk", EVERYONE);
        EXPECTED.put("GET /consultation/talk/done", EVERYONE);
        EXPECTED.put("POST /consultation/language", EVERYONE);
        // "Were you listened to?" follow-up (the form session, not a role, decides what a page shows)
        EXPECTED.put("GET /listened", EVERYONE);
        EXPECTED.put("GET /listened/q/{number}", EVERYONE);
        EXPECTED.put("POST /listened/q/{number}", EVERYONE);
        EXPECTED.put("GET /listened/check", EVERYONE);
        EXPECTED.put("POST /listened/send", EVERYONE);
        EXPECTED.put("GET /listened/sent", EVERYONE);
        EXPECTED.put("GET /listened/results", MANAGER);
        EXPECTED.put("GET /listened/results/export.csv", MANAGER);
        EXPECTED.put("GET /api/listened/results", MANAGER);
        // Talk-now concerns: the list for the duty team and the managers; a concern's page also for its child's officer
        EXPECTED.put("GET /concerns", Set.of("DUTY", "SERVICE_MANAGER"));
        EXPECTED.put("GET /concerns/{id}", Set.of("DUTY", "SERVICE_MANAGER", "REVIEWING_OFFICER"));
        EXPECTED.put("POST /concerns/{id}/contact", Set.of("DUTY", "SERVICE_MANAGER", "REVIEWING_OFFICER"));
        // Staff
        EXPECTED.put("GET /staff", STAFF);
        EXPECTED.put("GET /api/me", STAFF);
        // Personal API tokens: everyone their own; administrators any account's
        EXPECTED.put("GET /staff/api-tokens", STAFF);
        EXPECTED.put("GET /staff/api-tokens/new", STAFF);
        EXPECTED.put("POST /staff/api-tokens", STAFF);
        EXPECTED.put("POST /staff/api-tokens/{tokenId}/revoke", STAFF);
        // How a reviewing officer hears that a child sent a form (formalerts/)
        EXPECTED.put("GET /staff/form-alerts", Set.of("REVIEWING_OFFICER"));
        EXPECTED.put("POST /staff/form-alerts", Set.of("REVIEWING_OFFICER"));
        // Administration
        EXPECTED.put("GET /admin/accounts", ADMIN);
        EXPECTED.put("GET /admin/accounts/new", ADMIN);
        EXPECTED.put("POST /admin/accounts", ADMIN);
        EXPECTED.put("GET /admin/accounts/{id}", ADMIN);
        EXPECTED.put("POST /admin/accounts/{id}/roles", ADMIN);
        EXPECTED.put("POST /admin/accounts/{id}/disable", ADMIN);
        EXPECTED.put("POST /admin/accounts/{id}/enable", ADMIN);
        EXPECTED.put("POST /admin/accounts/{id}/set-password-link", ADMIN);
        EXPECTED.put("GET /admin/accounts/{id}/api-tokens", ADMIN);
        EXPECTED.put("GET /admin/accounts/{id}/api-tokens/new", ADMIN);
        EXPECTED.put("POST /admin/accounts/{id}/api-tokens", ADMIN);
        EXPECTED.put("POST /admin/accounts/{id}/api-tokens/{tokenId}/revoke", ADMIN);
        EXPECTED.put("GET /admin/audit", ADMIN);
        // Reviews
        EXPECTED.put("GET /reviews", REVIEWS);
        EXPECTED.put("POST /reviews", REVIEWS);
        EXPECTED.put("GET /reviews/new", REVIEWS);
        EXPECTED.put("GET /reviews/{id}", REVIEWS);
        EXPECTED.put("POST /reviews/{id}/listened-link", REVIEWS);
        EXPECTED.put("POST /reviews/{id}/listened-link/send", REVIEWS);
        EXPECTED.put("GET /reviews/{id}/listened-link/sent", REVIEWS);
        EXPECTED.put("GET /reviews/{id}/views-received", REVIEWS);
        EXPECTED.put("POST /reviews/{id}/views-received", REVIEWS);
        EXPECTED.put("POST /reviews/{id}/views-received/remove", REVIEWS);
        EXPECTED.put("GET /reviews/{id}/participation", REVIEWS);
        EXPECTED.put("POST /reviews/{id}/participation", REVIEWS);
        EXPECTED.put("POST /reviews/{id}/consultation-link", REVIEWS);
        EXPECTED.put("POST /reviews/{id}/consultation-link/send", REVIEWS);
        // The child's own officer only (others get 404 from the service): the role gate is the officer's.
        EXPECTED.put("GET /reviews/{id}/case-file.pdf", Set.of("REVIEWING_OFFICER"));
        EXPECTED.put("GET /reviews/{id}/consultation-link/sent", REVIEWS);
        EXPECTED.put("GET /reviews/import", MANAGER);
        EXPECTED.put("POST /reviews/import", MANAGER);
        EXPECTED.put("GET /reviews/export", MANAGER);
        EXPECTED.put("GET /caseloads", MANAGER);
        EXPECTED.put("POST /caseloads", MANAGER);
        EXPECTED.put("GET /reviews/export.csv", MANAGER);
        EXPECTED.put("POST /api/reviews/import", MANAGER);
        EXPECTED.put("GET /api/reviews/export.csv", MANAGER);
        // Case-system extracts (extract/)
        EXPECTED.put("GET /extracts/import", MANAGER);
        EXPECTED.put("POST /extracts/import", MANAGER);
        EXPECTED.put("POST /api/extracts/import", MANAGER);
        // Participation figures
        EXPECTED.put("GET /participation", REVIEWS);
        EXPECTED.put("GET /participation/export.csv", REVIEWS);
        EXPECTED.put("GET /participation/export-by-age.csv", REVIEWS);
        EXPECTED.put("GET /participation/mrmv.csv", REVIEWS);
        EXPECTED.put("GET /participation/mrmv-read.csv", REVIEWS);
        EXPECTED.put("GET /participation/timeliness", REVIEWS);
        EXPECTED.put("GET /participation/timeliness/export.csv", REVIEWS);
        EXPECTED.put("GET /participation/board-pack", MANAGER);
        EXPECTED.put("GET /participation/board-pack.pdf", MANAGER);
        EXPECTED.put("GET /participation/targets", MANAGER);
        EXPECTED.put("POST /participation/targets", MANAGER);
        EXPECTED.put("POST /participation/targets/{id}/delete", MANAGER);
        EXPECTED.put("GET /api/participation/summary", MANAGER);
        EXPECTED.put("GET /api/participation/mrmv", MANAGER);
        EXPECTED.put("GET /api/participation/mrmv-read", MANAGER);
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
        // Advocacy referrals: an officer's own reviews', every one for the manager and the participation lead; figures for those two
        Set<String> advocacy = Set.of("REVIEWING_OFFICER", "SERVICE_MANAGER", "PARTICIPATION_LEAD");
        EXPECTED.put("GET /advocacy", advocacy);
        EXPECTED.put("GET /advocacy/referrals/{id}", advocacy);
        EXPECTED.put("POST /advocacy/referrals/{id}", advocacy);
        EXPECTED.put("GET /advocacy/figures", Set.of("SERVICE_MANAGER", "PARTICIPATION_LEAD"));
        EXPECTED.put("GET /advocacy/figures.csv", Set.of("SERVICE_MANAGER", "PARTICIPATION_LEAD"));
        EXPECTED.put("GET /advocacy/months", LEAD);
        EXPECTED.put("POST /advocacy/months", LEAD);
        EXPECTED.put("GET /api/advocacy/figures", MANAGER);
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
        EXPECTED.put("POST /parent/language", EVERYONE);
        // The forms' languages and a preview of each (issue 17): staff who look after the forms
        EXPECTED.put("GET /staff/languages", Set.of("SERVICE_MANAGER", "PARTICIPATION_LEAD", "ADMIN"));
        EXPECTED.put("GET /staff/languages/preview", Set.of("SERVICE_MANAGER", "PARTICIPATION_LEAD", "ADMIN"));
    }

    /**
     * The caseload column: every route that takes a review, child or case reference. Each is tried by
     * every role with a review of the officer's own child, of another officer's child, and of no
     * child at all. Whoever may not see a child gets exactly the answer an unknown one gets (status and
     * page, once the reference itself is blanked out). Roles in CASELOAD_SEES_ALL reach every child; the
     * other roles the table allows reach only their own caseload.
     */
    static final Set<String> CASELOAD = new TreeSet<>();
    /** Routes open to reviewing officers whose path variables are not a review, child or case reference. */
    static final Set<String> NOT_A_CHILD = new TreeSet<>();
    static final Set<String> CASELOAD_SEES_ALL = Set.of("SERVICE_MANAGER", "DUTY");

    static {
        CASELOAD.add("POST /reviews");
        CASELOAD.add("GET /reviews/{id}");
        CASELOAD.add("POST /reviews/{id}/listened-link");
        CASELOAD.add("POST /reviews/{id}/listened-link/send");
        CASELOAD.add("GET /reviews/{id}/listened-link/sent");
        CASELOAD.add("GET /reviews/{id}/views-received");
        CASELOAD.add("POST /reviews/{id}/views-received");
        CASELOAD.add("POST /reviews/{id}/views-received/remove");
        CASELOAD.add("GET /reviews/{id}/participation");
        CASELOAD.add("POST /reviews/{id}/participation");
        CASELOAD.add("POST /reviews/{id}/consultation-link");
        CASELOAD.add("POST /reviews/{id}/consultation-link/send");
        CASELOAD.add("GET /reviews/{id}/consultation-link/sent");
        CASELOAD.add("GET /reviews/{id}/case-file.pdf");
        // A talk-now concern's id stands for its child: tried with a concern on each review below.
        CASELOAD.add("GET /concerns/{id}");
        CASELOAD.add("POST /concerns/{id}/contact");
        // An advocacy referral's id stands for its child too: tried with a referral on each review below.
        CASELOAD.add("GET /advocacy/referrals/{id}");
        CASELOAD.add("POST /advocacy/referrals/{id}");
        NOT_A_CHILD.add("GET /health/{selector}");
        NOT_A_CHILD.add("POST /staff/api-tokens/{tokenId}/revoke");
        NOT_A_CHILD.add("GET /set-password/{token}");
        NOT_A_CHILD.add("GET /{kind}/link/{token}");
        NOT_A_CHILD.add("GET /{kind}/link-code");
        NOT_A_CHILD.add("POST /{kind}/link-code");
        NOT_A_CHILD.add("GET /{kind}/link-continue");
        NOT_A_CHILD.add("POST /{kind}/link-continue");
        NOT_A_CHILD.add("GET /consultation/q/{number}");
        NOT_A_CHILD.add("POST /consultation/q/{number}");
        NOT_A_CHILD.add("GET /listened/q/{number}");
        NOT_A_CHILD.add("POST /listened/q/{number}");
        NOT_A_CHILD.add("GET /parent/form/{step}");
        NOT_A_CHILD.add("POST /parent/form/{step}");
    }

    /**
     * The token column: which personal API token scopes reach each /api route (docs/security.md, "API tokens").
     * Tried with a token of each scope on an account with every role, so that only the scope decides. A new /api
     * route needs a line here, and an empty set when no token may call it.
     */
    static final Map<String, Set<ApiScope>> TOKEN_SCOPES = new LinkedHashMap<>();

    static {
        TOKEN_SCOPES.put("GET /api/me", EnumSet.allOf(ApiScope.class));
        TOKEN_SCOPES.put("GET /api/participation/summary", EnumSet.of(ApiScope.FIGURES));
        TOKEN_SCOPES.put("GET /api/participation/mrmv", EnumSet.of(ApiScope.FIGURES));
        TOKEN_SCOPES.put("GET /api/participation/mrmv-read", EnumSet.of(ApiScope.FIGURES));
        TOKEN_SCOPES.put("GET /api/forum/figures", EnumSet.of(ApiScope.FIGURES));
        TOKEN_SCOPES.put("GET /api/advocacy/figures", EnumSet.of(ApiScope.FIGURES));
        TOKEN_SCOPES.put("GET /api/listened/results", EnumSet.of(ApiScope.FIGURES));
        TOKEN_SCOPES.put("GET /api/forum/figures.csv", EnumSet.of(ApiScope.FIGURES));
        TOKEN_SCOPES.put("POST /api/reviews/import", EnumSet.of(ApiScope.IMPORT));
        TOKEN_SCOPES.put("GET /api/reviews/export.csv", EnumSet.of(ApiScope.IMPORT));
        TOKEN_SCOPES.put("POST /api/extracts/import", EnumSet.of(ApiScope.IMPORT));
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
        Map<Role, Long> accounts = accounts();
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

    @Test
    void everyApiRouteHasATokenScopeAndATokenReachesExactlyThoseOfItsScope() {
        StaffAccountService staff = context.getBean(StaffAccountService.class);
        long accountId = staff.findByUsername("access.tokens").map(StaffAccount::id)
                .orElseGet(() -> StaffFixtures.account(context, "access.tokens", Role.values()));
        StaffUser owner = new StaffUser(accountId, "access.tokens", "Test access.tokens", EnumSet.allOf(Role.class), null);
        ApiTokenService tokens = context.getBean(ApiTokenService.class);
        Map<ApiScope, String> secrets = new LinkedHashMap<>();
        for (ApiScope scope : ApiScope.values()) {
            secrets.put(scope, org.myview.support.Secrets.remember(tokens.create(owner, accountId,
                    new ApiTokenService.NewToken("access " + scope, scope, java.time.Duration.ofDays(1))).secret()));
        }
        Set<String> apiRoutes = new TreeSet<>();
        router.uriRoutes()
                .filter(r -> r.getUriMatchTemplate().toString().startsWith("/api/"))
                .filter(r -> r.getHttpMethod() != HttpMethod.HEAD)
                .forEach(r -> apiRoutes.add(r.getHttpMethod() + " " + r.getUriMatchTemplate().toPathString()));
        assertEquals(apiRoutes, new TreeSet<>(TOKEN_SCOPES.keySet()), "every /api route, and only those, in TOKEN_SCOPES");

        List<String> wrong = new ArrayList<>();
        for (String route : apiRoutes) {
            String method = route.substring(0, route.indexOf(' '));
            String path = route.substring(route.indexOf(' ') + 1).replaceAll("\\{[^}]+}", "999999");
            for (ApiScope scope : ApiScope.values()) {
                WebClient client = new WebClient(server.getURI());
                HttpRequest.Builder request = client.request(path).header("Authorization", "Bearer " + secrets.get(scope));
                if (method.equals("POST")) {
                    request.header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString("CHILD,DOB,REVIEW,REVIEW_CODE\n"));
                } else {
                    request.method(method, HttpRequest.BodyPublishers.noBody());
                }
                int status = client.send(request.build()).status();
                boolean allowed = status != 401 && status != 403;
                if (allowed != TOKEN_SCOPES.get(route).contains(scope)) {
                    wrong.add(route + " with a " + scope + " token: " + status);
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void everyRouteTakingAChildAnswersAnotherOfficersChildExactlyAsAChildThatDoesNotExist() {
        Map<Role, Long> accounts = accounts();
        StaffAccountService staff = context.getBean(StaffAccountService.class);
        long officer = accounts.get(Role.REVIEWING_OFFICER);
        long otherOfficer = staff.findByUsername("caseload.other").map(StaffAccount::id)
                .orElseGet(() -> StaffFixtures.account(context, "caseload.other", Role.REVIEWING_OFFICER));
        java.time.LocalDate held = java.time.LocalDate.now().minusDays(3);
        long ownChild = org.myview.support.ReviewFixtures.child(context, "CLOWN1", "Juniper", java.time.LocalDate.of(2014, 2, 3));
        long otherChild = org.myview.support.ReviewFixtures.child(context, "CLOTHR1", "Hazel", java.time.LocalDate.of(2013, 4, 5));
        Map<String, String> reviewIds = Map.of(
                "own", String.valueOf(org.myview.support.ReviewFixtures.review(context, ownChild, "CLA", held, officer)),
                "other", String.valueOf(org.myview.support.ReviewFixtures.review(context, otherChild, "CLA", held, otherOfficer)),
                "unknown", String.valueOf(org.myview.support.ReviewFixtures.count(context, "select coalesce(max(id), 0) + 1000 from review")));
        Map<String, String> references = Map.of("own", "CLOWN1", "other", "CLOTHR1", "unknown", "CLNONE1");
        Map<String, String> concernIds = new LinkedHashMap<>();
        for (String which : List.of("own", "other")) {
            org.myview.support.ReviewFixtures.execute(context, "insert into consultation_link (review_id, token_hash, expires_at) values ("
                    + reviewIds.get(which) + ", decode(md5(random()::text), 'hex'), now() + interval '1 day')");
            org.myview.support.ReviewFixtures.execute(context, "insert into consultation_concern (review_id, link_id, next_escalation_at) "
                    + "select review_id, id, now() + interval '2 hours' from consultation_link where review_id = " + reviewIds.get(which));
            // A sent form, so the case-file PDF has something to serve to whoever may have it.
            org.myview.support.ReviewFixtures.execute(context, "insert into consultation (link_id, review_id, definition_id, sent_at) "
                    + "select id, review_id, 'consultation-8-11', now() from consultation_link where review_id = " + reviewIds.get(which));
            concernIds.put(which, String.valueOf(org.myview.support.ReviewFixtures.count(context,
                    "select max(id) from consultation_concern where review_id = " + reviewIds.get(which))));
        }
        concernIds.put("unknown", String.valueOf(org.myview.support.ReviewFixtures.count(context,
                "select coalesce(max(id), 0) + 1000 from consultation_concern")));
        Map<String, String> referralIds = new LinkedHashMap<>();
        for (String which : List.of("own", "other")) {
            // A sent form to raise it from (another line above may have made one already).
            org.myview.support.ReviewFixtures.execute(context, "insert into consultation (link_id, review_id, definition_id, sent_at) "
                    + "select id, review_id, 'consultation-12-plus', now() from consultation_link where review_id = " + reviewIds.get(which)
                    + " on conflict (link_id) do nothing");
            org.myview.support.ReviewFixtures.execute(context, "insert into advocacy_referral (review_id, consultation_id, requested_at) "
                    + "select review_id, id, now() from consultation where review_id = " + reviewIds.get(which) + " order by id limit 1");
            referralIds.put(which, String.valueOf(org.myview.support.ReviewFixtures.count(context,
                    "select max(id) from advocacy_referral where review_id = " + reviewIds.get(which))));
        }
        referralIds.put("unknown", String.valueOf(org.myview.support.ReviewFixtures.count(context,
                "select coalesce(max(id), 0) + 1000 from advocacy_referral")));
        Map<String, String> ids = new LinkedHashMap<>(reviewIds);
        concernIds.forEach((which, id) -> ids.put("concern " + which, id));
        referralIds.forEach((which, id) -> ids.put("referral " + which, id));

        // Routes with a path variable or a case reference, open to officers, must be classified.
        Set<String> unclassified = new TreeSet<>();
        for (Map.Entry<String, Set<String>> rule : EXPECTED.entrySet()) {
            if (rule.getValue().contains("REVIEWING_OFFICER") && rule.getKey().contains("{")
                    && !CASELOAD.contains(rule.getKey()) && !NOT_A_CHILD.contains(rule.getKey())) {
                unclassified.add(rule.getKey());
            }
        }
        assertEquals(Set.of(), unclassified, "routes taking a parameter that are neither in CASELOAD nor in NOT_A_CHILD");

        List<String> wrong = new ArrayList<>();
        int probes = 0;
        for (String route : CASELOAD) {
            String method = route.substring(0, route.indexOf(' '));
            String template = route.substring(route.indexOf(' ') + 1);
            // POST /reviews takes the case reference in its body: with and without a date of birth (right and wrong).
            List<String> bodies = route.equals("POST /reviews")
                    ? List.of("caseReference=REF&type=CLA&date-day=1&date-month=6&date-year=2026&officer=caseload.other",
                    "caseReference=REF&type=CLA&date-day=1&date-month=6&date-year=2026&officer=caseload.other"
                            + "&dob-day=5&dob-month=4&dob-year=2013",
                    "caseReference=REF&type=CLA&date-day=1&date-month=6&date-year=2026&officer=caseload.other"
                            + "&dob-day=9&dob-month=9&dob-year=2009")
                    : List.of("");
            Set<String> allowedRoles = EXPECTED.get(route);
            for (String body : bodies) {
                for (Role role : Role.values()) {
                    Map<String, WebClient.Page> answers = new LinkedHashMap<>();
                    Session session = session(role, accounts.get(role));
                    for (String which : List.of("own", "other", "unknown")) {
                        String id = template.startsWith("/concerns/") ? concernIds.get(which)
                                : template.startsWith("/advocacy/") ? referralIds.get(which) : reviewIds.get(which);
                        String path = template.replace("{id}", id).replaceAll("\\{[^}]+}", "999999");
                        answers.put(which, session.send(method, path, body.replace("REF", references.get(which))));
                        probes++;
                    }
                    String refused = normalised(answers.get("unknown"), ids, references);
                    boolean mayUse = allowedRoles.contains(role.name());
                    boolean seesOwn = mayUse;
                    // The participation lead makes referrals for the whole service, so sees every child's referral.
                    boolean seesOther = mayUse && (CASELOAD_SEES_ALL.contains(role.name())
                            || (template.startsWith("/advocacy/") && role == Role.PARTICIPATION_LEAD));
                    check(wrong, route, body, role, "own", seesOwn, answers.get("own"), refused, ids, references);
                    check(wrong, route, body, role, "other", seesOther, answers.get("other"), refused, ids, references);
                }
            }
        }
        assertTrue(probes > 100, "probes made: " + probes);
        assertEquals(List.of(), wrong);
    }

    private static void check(List<String> wrong, String route, String body, Role role, String which, boolean allowed,
                              WebClient.Page answer, String refused, Map<String, String> ids, Map<String, String> references) {
        String got = normalised(answer, ids, references);
        String where = route + (body.isEmpty() ? "" : " [" + body.replaceAll("&officer=.*?(&|$)", "$1") + "]") + " " + role + " " + which + ": ";
        if (allowed && (got.equals(refused) || !Set.of(200, 303, 422).contains(answer.status()))) {
            wrong.add(where + "should be served but got " + answer.status());
        } else if (!allowed && !got.equals(refused)) {
            int at = 0;
            while (at < Math.min(got.length(), refused.length()) && got.charAt(at) == refused.charAt(at)) {
                at++;
            }
            wrong.add(where + "should be refused exactly as an unknown child, but differs at «"
                    + got.substring(Math.max(0, at - 60), Math.min(got.length(), at + 60)) + "» where an unknown child gets «"
                    + refused.substring(Math.max(0, at - 60), Math.min(refused.length(), at + 60)) + "»");
        }
    }

    /** Status, redirect and page, with the probe's own ids and references blanked out. */
    private static String normalised(WebClient.Page page, Map<String, String> ids, Map<String, String> references) {
        // The session's sliding expiry moves with every request; it says nothing about the child.
        String text = page.status() + " " + page.location() + "\n"
                + page.body().replaceAll("data-session-expires=\"[^\"]*\"", "data-session-expires=\"\"")
                        // ... and so does its time in words, which crosses a minute between two probes on a busy machine.
                        .replaceAll("sign you out at [0-9:]+[ap]m", "sign you out at TIME");
        for (String id : ids.values()) {
            text = text.replace("/reviews/" + id, "/reviews/ID").replace("/concerns/" + id, "/concerns/ID")
                    .replace("/advocacy/referrals/" + id, "/advocacy/referrals/ID");
        }
        for (String reference : references.values()) {
            text = text.replace(reference, "REF");
        }
        return text;
    }

    private Map<Role, Long> accounts() {
        StaffAccountService staff = context.getBean(StaffAccountService.class);
        Map<Role, Long> accounts = new LinkedHashMap<>();
        for (Role role : Role.values()) {
            String username = "access." + role.name().toLowerCase().replace('_', '.');
            accounts.put(role, staff.findByUsername(username).map(StaffAccount::id)
                    .orElseGet(() -> StaffFixtures.account(context, username, role)));
        }
        return accounts;
    }

    /** A signed-in session of one role, made without the sign-in page (which throttles). */
    private record Session(WebClient browser, String cookie, String csrfToken) {
        WebClient.Page send(String method, String path, String body) {
            HttpRequest.Builder request = browser.request(path).header("Cookie", cookie);
            if (method.equals("POST")) {
                request.header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + csrfToken + (body.isEmpty() ? "" : "&" + body)));
            } else {
                request.GET();
            }
            return browser.send(request.build());
        }
    }

    private Session session(Role role, long accountId) {
        StaffAccount account = context.getBean(StaffAccountService.class).find(accountId).orElseThrow();
        String sessionId = UUID.randomUUID().toString().replace("-", "");
        String value = cookies.encode(new StaffSession(accountId, account.sessionEpoch(), sessionId, Instant.now(), Instant.now()));
        return new Session(new WebClient(server.getURI()), StaffSessionCookie.NAME + "=" + value, csrf.tokenForKey("staff:" + sessionId));
    }
}
