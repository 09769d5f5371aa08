package org.myview.forum;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpMethod;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.myview.staff.Role;
import org.myview.staff.AccessRulesTest;
import org.myview.support.StaffFixtures;
import org.myview.support.WebClient;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A Reach Out! facilitator signed in (or calling the API) reaches the forum's own pages and nothing else: every
 * other route of the application, present and future, answers "no access". The list of what the forum may reach
 * is written out here, so a new route is denied unless someone decides otherwise.
 */
@MicronautTest(transactional = false)
class ForumAccessTest {

    /** The forum's own routes. */
    private static final Set<String> FORUM = Set.of("GET /forum", "GET /forum/print", "GET /forum/figures.csv", "GET /forum/said",
            "GET /forum/you-said-we-did", "GET /api/forum/figures", "GET /api/forum/figures.csv");

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext context;
    @Inject
    Router router;

    @Test
    void theForumRoleReachesItsOwnPagesAndNoOtherPageOrApi() {
        StaffFixtures.account(context, "access.only.forum", Role.FORUM);
        WebClient browser = new WebClient(server.getURI());
        String csrf = StaffFixtures.signIn(browser, "access.only.forum");
        TreeMap<String, String> routes = new TreeMap<>();
        router.uriRoutes()
                .filter(r -> !r.getUriMatchTemplate().toString().startsWith("/test-only"))
                .filter(r -> r.getHttpMethod() != HttpMethod.HEAD)
                .forEach(r -> routes.put(r.getHttpMethod() + " " + r.getUriMatchTemplate().toPathString(),
                        r.getConsumes().isEmpty() ? "application/x-www-form-urlencoded" : r.getConsumes().get(0).getName()));

        List<String> reached = new ArrayList<>();
        int denied = 0;
        for (var route : routes.entrySet()) {
            // Sign-in, information pages, the children's and parents' link forms: the access table opens them to everyone.
            if (AccessRulesTest.openToAnyoneOrAllStaff(route.getKey())) {
                continue;
            }
            boolean allowed = reaches(browser, csrf, route.getKey(), route.getValue());
            if (FORUM.contains(route.getKey())) {
                assertTrue(allowed, route.getKey() + " should be open to the forum");
            } else if (allowed) {
                reached.add(route.getKey());
            } else {
                denied++;
            }
        }
        assertEquals(List.of(), reached, "the forum reached pages that are not the forum’s");
        assertTrue(denied > 30, "every other route was tried: " + denied);
    }

    private boolean reaches(WebClient browser, String csrf, String route, String contentType) {
        String method = route.substring(0, route.indexOf(' '));
        String path = route.substring(route.indexOf(' ') + 1).replaceAll("\\{[^}]+}", "999999");
        HttpRequest.Builder request = browser.request(path);
        if (path.startsWith("/api/")) {
            String credentials = "access.only.forum:" + StaffFixtures.PASSWORD;
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        if (method.equals("POST") && contentType.equals("multipart/form-data")) {
            request.header("Content-Type", "multipart/form-data; boundary=b").POST(HttpRequest.BodyPublishers.ofString(
                    "--b\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n--b--\r\n"));
        } else if (method.equals("POST") && contentType.equals("text/csv")) {
            request.header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString("CHILD,DOB,REVIEW,REVIEW_CODE\n"));
        } else if (method.equals("POST")) {
            request.header("Content-Type", contentType).header("Origin", server.getURI().toString().replaceAll("/$", ""))
                    .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + csrf));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        WebClient.Page page = browser.send(request.build());
        boolean toSignIn = page.status() == 303 && page.location() != null && page.location().startsWith("/sign-in");
        return !(toSignIn || page.status() == 401 || page.status() == 403);
    }
}
