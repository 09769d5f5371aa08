package org.myview.consultation;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.myview.staff.AccessRulesTest;
import org.myview.staff.Role;
import org.myview.support.ReviewFixtures;
import org.myview.support.StaffFixtures;
import org.myview.support.WebClient;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The answer to the private question, read back through every GET route of the access table by every
 * role (and nobody signed in): only the child's own reviewing officer sees it, and the manager too only
 * when the trust switched that on, in which case the child's question and the privacy notice say so.
 */
abstract class PrivateAnswerWalk {

    static final String PRIVATE_WORDS = "LEAKCANARY-private only for my officer";
    static final String OTHER_WORDS = "LEAKCANARY-shared my cat";



        private final boolean managerReads;

        @Inject
        EmbeddedServer server;
        @Inject
        ApplicationContext context;

        PrivateAnswerWalk(boolean managerReads) {
            this.managerReads = managerReads;
        }

        @Test
        void thePrivateAnswerReachesOnlyItsReadersOnEveryPageAndTheWordsSaySo() {
            String prefix = managerReads ? "privon." : "privoff.";
            ConsultationTestSupport.Setup setup = ConsultationTestSupport.reviewFor(context, server.getURI(), prefix + "officer",
                    managerReads ? "PRIVON1" : "PRIVOFF1", LocalDate.now().minusYears(9), LocalDate.now().plusDays(10));
            String link = ConsultationTestSupport.createLink(setup);

            WebClient child = new WebClient(server.getURI());
            assertEquals(303, child.get(link).status());
            boolean sawPrivate = false;
            for (int number = 1; ; number++) {
                WebClient.Page page = child.get("/consultation/q/" + number);
                assertEquals(200, page.status());
                String csrf = page.inputValue("_csrf");
                WebClient.Page after;
                if (page.body().contains("will read this")) {
                    sawPrivate = true;
                    assertEquals(managerReads, page.body().contains("Only your reviewing officer and their manager (the reviewing service manager) will read this"),
                            "the child is told who reads it");
                    assertEquals(!managerReads, page.body().contains("Only your reviewing officer will read this."));
                    after = child.post("/consultation/q/" + number, "_csrf", csrf, "answer", PRIVATE_WORDS, "action", "save");
                } else if (page.body().contains("Can we share what you said")) {
                    after = child.post("/consultation/q/" + number, "_csrf", csrf, "answer", "yes", "action", "save");
                } else if (page.body().contains("<textarea")) {
                    after = child.post("/consultation/q/" + number, "_csrf", csrf, "answer", OTHER_WORDS, "action", "save");
                } else {
                    Matcher first = Pattern.compile("type=\"radio\"\\s+value=\"([^\"]+)\"").matcher(page.body());
                    assertTrue(first.find());
                    after = child.post("/consultation/q/" + number, "_csrf", csrf, "answer", first.group(1), "action", "save");
                }
                assertEquals(303, after.status());
                if (after.location().equals("/consultation/check")) {
                    break;
                }
            }
            assertTrue(sawPrivate, "the 8-11 form has the private question");
            WebClient.Page check = child.get("/consultation/check");
            assertEquals(303, child.post("/consultation/send", "_csrf", check.inputValue("_csrf")).status());

            // Every role, plus another officer, plus nobody: every GET route, with this review's id.
            List<Reader> readers = new ArrayList<>();
            readers.add(new Reader("the child's officer", new WebClient(server.getURI()), prefix + "officer"));
            StaffFixtures.signIn(readers.get(0).browser(), prefix + "officer");
            String otherOfficer = prefix + "other.officer";
            StaffFixtures.account(context, otherOfficer, Role.REVIEWING_OFFICER);
            readers.add(signedIn("another officer", otherOfficer));
            for (Role role : Role.values()) {
                String username = prefix + role.name().toLowerCase().replace('_', '.');
                StaffFixtures.account(context, username, role);
                readers.add(signedIn(role.name(), username));
            }
            StaffFixtures.account(context, prefix + "all", Role.values());
            readers.add(signedIn("every role at once", prefix + "all"));
            readers.add(new Reader("nobody signed in", new WebClient(server.getURI()), null));

            List<String> sawIt = new ArrayList<>();
            int pages = 0;
            for (String route : AccessRulesTest.routes()) {
                if (!route.startsWith("GET ")) {
                    continue;
                }
                String path = route.substring(4).replace("{id}", String.valueOf(setup.reviewId())).replaceAll("\\{[^}]+}", "999999");
                for (Reader reader : readers) {
                    WebClient.Page page = reader.get(path);
                    pages++;
                    if (page.body().contains(PRIVATE_WORDS)) {
                        sawIt.add(reader.who() + " " + route);
                    }
                }
            }
            List<String> expected = new ArrayList<>(List.of("the child's officer GET /reviews/{id}"));
            if (managerReads) {
                expected.add("SERVICE_MANAGER GET /reviews/{id}");
                expected.add("every role at once GET /reviews/{id}");
            }
            assertEquals(expected, sawIt, "who read the private answer, on which page (" + pages + " pages looked at)");

            WebClient manager = readers.stream().filter(r -> r.who().equals("SERVICE_MANAGER")).findFirst().orElseThrow().browser();
            WebClient.Page review = manager.get("/reviews/" + setup.reviewId());
            assertTrue(review.body().contains(OTHER_WORDS), "the manager reads the other answers");
            assertEquals(!managerReads, review.body().contains("Private: only the child’s reviewing officer can read this answer."));

            WebClient.Page privacy = new WebClient(server.getURI()).get("/privacy");
            assertEquals(managerReads, privacy.body().contains("only your reviewing officer and their manager (the reviewing service manager) read your answer"));
            assertEquals(!managerReads, privacy.body().contains("only your reviewing officer reads your answer to it. Nobody else can, not even managers."));
            assertFalse(ReviewFixtures.count(context, "select count(*) from forum_quote where coalesce(original_text, '') || coalesce(published_text, '') like '%LEAKCANARY-private%'") > 0,
                    "never offered to the forum");
        }

        private Reader signedIn(String who, String username) {
            WebClient browser = new WebClient(server.getURI());
            StaffFixtures.signIn(browser, username);
            return new Reader(who, browser, username);
        }

    /** Someone reading pages: with their session cookie, and HTTP Basic for the API. */
    record Reader(String who, WebClient browser, String username) {
        WebClient.Page get(String path) {
            if (path.startsWith("/api/") && username != null) {
                String credentials = username + ":" + StaffFixtures.PASSWORD;
                return browser.send(browser.request(path).header("Authorization", "Basic "
                        + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8))).GET().build());
            }
            return browser.get(path);
        }
    }
}
