package org.myview.system;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.myview.staff.Role;
import org.myview.support.ReviewFixtures;
import org.myview.support.StaffFixtures;
import org.myview.support.WebClient;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Thousands of generated bad requests at every form and API: wrong types, huge fields, broken
 * encodings, missing and repeated fields, script and SQL payloads, forged tokens, oversized bodies.
 * Every answer must be a clear 4xx with a message (never a 500, never a stack trace), and nothing
 * may be stored. New public forms and APIs add a {@link Target} here.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTest {

    /** What people type, and what attackers send, in place of a good value. */
    static final List<String> BAD_VALUES = List.of("", " ", "abc", "-1", "0", "99999999999999999999999", "1e309", "NaN", "1.5",
            "31/02/2020", "2020-13-45", "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "' OR '1'='1' --",
            "1; drop table review; --", "\u0000", "%00", "${7*7}", "[[${7*7}]]", "__${T(java.lang.Runtime).getRuntime()}__::.x",
            "../../../etc/passwd", "\u202Egnp.exe", "😀😀😀", "PN9", "pn1", "CLA\nCLA", "x".repeat(10_000), "y".repeat(70_000));

    /** Bodies that are broken below the level of fields. */
    static final List<byte[]> BROKEN_BODIES = List.of(
            bytes("a=%"), bytes("=&=&&=="), bytes("%ZZ=%ZZ"), bytes("code=%E0%A4%A"), bytes("code=%ED%A0%80"),
            new byte[]{(byte) 0xC3, (byte) 0x28, '=', (byte) 0xFF, (byte) 0xFE}, bytes("{\"code\":\"PN1\"}"),
            bytes("&".repeat(5_000)), bytes(manyFields(500)));

    static final java.util.regex.Pattern STACK_FRAME = java.util.regex.Pattern.compile("\\bat [a-z]+(\\.[a-z0-9_]+)+\\.[A-Z]\\w*\\.[\\w$<>]+\\(");

    record Target(String name, String method, String path, Map<String, String> goodForm, Supplier<Map<String, String>> headers,
                  boolean mayStoreGoodLookingValues, WebClient client, List<String> shownAt) {

        Target(String name, String method, String path, Map<String, String> goodForm, Supplier<Map<String, String>> headers,
               boolean mayStoreGoodLookingValues) {
            this(name, method, path, goodForm, headers, mayStoreGoodLookingValues, null, List.of());
        }
    }

    @Inject
    ApplicationContext context;
    @Inject
    EmbeddedServer server;

    private WebClient officer;
    private String officerCsrf;
    private WebClient manager;
    private String managerCsrf;
    private WebClient admin;
    private String adminCsrf;
    private WebClient signingIn;
    private long reviewId;
    private final List<String> failures = new ArrayList<>();
    private int requests;

    @BeforeAll
    void setUp() {
        long officerId = StaffFixtures.account(context, "fuzz.officer", Role.REVIEWING_OFFICER);
        StaffFixtures.account(context, "fuzz.manager", Role.SERVICE_MANAGER);
        StaffFixtures.account(context, "fuzz.admin", Role.ADMIN);
        long child = ReviewFixtures.child(context, "FUZZ001", "Sam", LocalDate.now().minusYears(9));
        reviewId = ReviewFixtures.review(context, child, "CLA", LocalDate.now().minusDays(3), officerId);
        officer = new WebClient(server.getURI());
        officerCsrf = StaffFixtures.signIn(officer, "fuzz.officer");
        manager = new WebClient(server.getURI());
        managerCsrf = StaffFixtures.signIn(manager, "fuzz.manager");
        admin = new WebClient(server.getURI());
        adminCsrf = StaffFixtures.signIn(admin, "fuzz.admin");
        signingIn = new WebClient(server.getURI());
    }

    @Test
    void badFormsAndApisGetAClear4xxAndStoreNothing() {
        List<Target> targets = List.of(
                new Target("record participation", "POST", "/reviews/" + reviewId + "/participation",
                        form("code", "PN1", "advocate", "NONE", "viewsReachedBy", "SPOKE", "_csrf", officerCsrf), Map::of, true),
                new Target("record views received another way", "POST", "/reviews/" + reviewId + "/views-received",
                        form("channel", "PAPER_BOOKLET", "received-day", String.valueOf(LocalDate.now().minusDays(3).getDayOfMonth()),
                                "received-month", String.valueOf(LocalDate.now().minusDays(3).getMonthValue()),
                                "received-year", String.valueOf(LocalDate.now().minusDays(3).getYear()), "_csrf", officerCsrf), Map::of, true),
                new Target("schedule a review", "POST", "/reviews",
                        form("caseReference", "FUZZ002", "firstName", "Alex", "dob-day", "1", "dob-month", "2", "dob-year", "2099",
                                "type", "CLA", "date-day", "1", "date-month", "1", "date-year", "2030", "_csrf", officerCsrf), Map::of, false),
                new Target("set a target", "POST", "/participation/targets",
                        form("measure", "ATTENDED", "reviewTypes", "ALL_CP", "baseline", "10.2", "target", "", "tolerance", "2",
                                "_csrf", managerCsrf), Map::of, true),
                new Target("create an account", "POST", "/admin/accounts",
                        form("username", "x", "displayName", "Fuzz", "email", "fuzz@example.org", "roles", "FORUM", "_csrf", adminCsrf),
                        Map::of, true),
                new Target("create an API token", "POST", "/staff/api-tokens",
                        form("name", "Fuzz report", "scope", "FIGURES", "expires", "30", "_csrf", managerCsrf), Map::of, true, manager,
                        List.of("/staff/api-tokens")),
                new Target("set a password without a link", "POST", "/set-password",
                        form("password", "a-long-enough-password-42", "confirm", "a-long-enough-password-42"), Map::of, false),
                new Target("sign in", "POST", "/sign-in", form("username", "nobody.here", "password", "wrong-password-99",
                        "_csrf", StaffFixtures.signInFormToken(signingIn)), Map::of, false, signingIn, List.of()));
        List<Target> all = new ArrayList<>(targets);
        all.addAll(childAndParentForms());
        for (Target target : all) {
            WebClient client = target.client() != null ? target.client() : target.path().startsWith("/reviews") ? officer
                    : target.path().startsWith("/participation") ? manager : target.path().startsWith("/admin") ? admin
                    : new WebClient(server.getURI());
            fuzzForm(client, target);
        }
        fuzzApis();
        fuzzForgedTokens();
        assertEquals(List.of(), failures, failures.size() + " of " + requests + " bad requests were mishandled");
        assertTrue(requests > 1_300, "only " + requests + " requests");
    }

    private void fuzzForm(WebClient client, Target target) {
        Map<String, String> good = target.goodForm();
        boolean signIn = target.path().equals("/sign-in");
        List<String> fields = new ArrayList<>(good.keySet());
        fields.remove("_csrf");
        // Each field missing, and each field given twice with different values.
        for (String field : fields) {
            Map<String, String> without = new LinkedHashMap<>(good);
            without.remove(field);
            check(client, target, encode(without), "missing " + field, true);
            check(client, target, encode(good) + "&" + enc(field) + "=" + enc("<b>second</b>"), "repeated " + field, true);
        }
        // Each field replaced by each bad value (sign-in costs an Argon2 check each, so fewer there).
        for (String field : fields) {
            for (String bad : signIn ? BAD_VALUES.subList(0, 12) : BAD_VALUES) {
                Map<String, String> mutated = new LinkedHashMap<>(good);
                mutated.put(field, bad);
                check(client, target, encode(mutated), field + "=" + abbreviate(bad), target.mayStoreGoodLookingValues());
            }
        }
        for (byte[] body : BROKEN_BODIES) {
            check(client, target, new String(body, StandardCharsets.ISO_8859_1), "broken body " + abbreviate(new String(body, StandardCharsets.ISO_8859_1)), false);
        }
        // Forged CSRF tokens on staff forms.
        if (good.containsKey("_csrf")) {
            for (String forged : List.of("", "forged", good.get("_csrf") + "x", Base64.getEncoder().encodeToString(new byte[32]))) {
                Map<String, String> mutated = new LinkedHashMap<>(good);
                mutated.put("_csrf", forged);
                check(client, target, encode(mutated), "forged CSRF", false);
            }
        }
        // Wrong content types, and an oversized body.
        sendAndCheck(client, target, client.request(target.path()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"a\":1}")).build(), "JSON body", false);
        sendAndCheck(client, target, client.request(target.path()).header("Content-Type", "multipart/form-data")
                .POST(HttpRequest.BodyPublishers.ofString("--x--")).build(), "multipart without boundary", false);
        sendAndCheck(client, target, client.request(target.path()).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("a=" + "z".repeat(2_000_000))).build(), "2 MB form", false);
    }

    private void fuzzApis() {
        String basic = "Basic " + Base64.getEncoder().encodeToString(("fuzz.manager:" + StaffFixtures.PASSWORD).getBytes(StandardCharsets.UTF_8));
        WebClient api = new WebClient(server.getURI());
        Target importTarget = new Target("import API", "POST", "/api/reviews/import", Map.of(), Map::of, false);
        List<String> csvs = new ArrayList<>(List.of("", "\n\n\n", "CHILD,DOB\r\nA,B",
                "CHILD,DOB,REVIEW,REVIEW_CODE\r\nA1,01/01/2010,01/01/2020,PN9", "CHILD,DOB,REVIEW,REVIEW_CODE\r\n\"unclosed,01/01/2010,01/01/2020,PN1",
                "CHILD,DOB,REVIEW,REVIEW_CODE\r\n=cmd|'/c calc'!A0,01/01/2010,01/01/2020,PN1",
                "CHILD,DOB,REVIEW,REVIEW_CODE\r\n<script>,01/01/2010,01/01/2020,PN1",
                "CHILD,DOB,REVIEW,REVIEW_CODE,REVIEW_TYPE,REVIEWING_OFFICER\r\nA1,01/01/2010,01/01/2020,PN1,XX,nobody"));
        Random random = new Random(3);
        for (int i = 0; i < 150; i++) {
            StringBuilder csv = new StringBuilder("CHILD,DOB,REVIEW,REVIEW_CODE\r\n");
            for (int row = 0; row < 1 + random.nextInt(5); row++) {
                csv.append(BAD_VALUES.get(random.nextInt(BAD_VALUES.size() - 2))).append(',')
                        .append(BAD_VALUES.get(random.nextInt(BAD_VALUES.size() - 2))).append(',')
                        .append(random.nextBoolean() ? "01/01/2020" : BAD_VALUES.get(random.nextInt(12))).append(',')
                        .append(random.nextBoolean() ? "PN1" : BAD_VALUES.get(random.nextInt(12))).append("\r\n");
            }
            csvs.add(csv.toString());
        }
        for (String csv : csvs) {
            sendAndCheck(api, importTarget, api.request("/api/reviews/import").header("Authorization", basic).header("Content-Type", "text/csv")
                    .POST(HttpRequest.BodyPublishers.ofString(csv)).build(), "csv " + abbreviate(csv), false);
        }
        sendAndCheck(api, importTarget, api.request("/api/reviews/import").header("Authorization", basic).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[]{(byte) 0xFF, (byte) 0xFE, 0, 0x41, (byte) 0xC3})).build(), "binary csv", false);
        sendAndCheck(api, importTarget, api.request("/api/reviews/import").header("Authorization", basic).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString("CHILD," + "a".repeat(11 * 1024 * 1024))).build(), "11 MB csv", false);
        sendAndCheck(api, importTarget, api.request("/api/reviews/import").header("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString("fuzz.manager:wrong".getBytes(StandardCharsets.UTF_8))).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString("CHILD,DOB,REVIEW,REVIEW_CODE")).build(), "wrong password", false);
        sendAndCheck(api, importTarget, api.request("/api/reviews/import").header("Authorization", "Basic !!!not-base64")
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString("x")).build(), "broken Basic header", false);
        Target summary = new Target("summary API", "GET", "/api/participation/summary", Map.of(), Map::of, false);
        for (String bearer : List.of("Bearer", "Bearer ", "Bearer x", "Bearer myview_" + "A".repeat(43), "Bearer myview_" + "A".repeat(44),
                "Bearer myview_%00" + "A".repeat(40), "Bearer " + "b".repeat(6_000), "bearer  myview_' or 1=1 --", "Bearer\tmyview_x")) {
            sendAndCheck(api, summary, api.request("/api/participation/summary?reviewType=CLA&from=2024-04&to=2024-05")
                    .header("Authorization", bearer).GET().build(), "token " + abbreviate(bearer), false);
        }
        for (String type : List.of("", "CLA", "XX", "<script>", "' or 1=1")) {
            for (String month : List.of("", "2024-04", "2024-13", "24-04", "2024-04-01", "%00", "<b>", "1900-01")) {
                String query = "?reviewType=" + enc(type) + "&from=" + enc(month) + "&to=" + enc(month.isEmpty() ? "2030-01" : "2019-01");
                sendAndCheck(api, summary, api.request("/api/participation/summary" + query).header("Authorization", basic).GET().build(),
                        "summary " + query, false);
            }
        }
    }

    private void fuzzForgedTokens() {
        WebClient anonymous = new WebClient(server.getURI());
        Target setPassword = new Target("set-password link", "GET", "/set-password/{token}", Map.of(), Map::of, false);
        Random random = new Random(11);
        for (int i = 0; i < 60; i++) {
            byte[] token = new byte[random.nextInt(40)];
            random.nextBytes(token);
            String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(token);
            sendAndCheck(anonymous, setPassword, anonymous.request("/set-password/" + (forged.isEmpty() ? "x" : forged)).GET().build(),
                    "forged link", false);
        }
        for (String odd : List.of("%00", "..%2F..%2Fetc%2Fpasswd", "%3Cscript%3E", "a".repeat(5_000), "%E0%A4%AA%FF")) {
            sendAndCheck(anonymous, setPassword, anonymous.request("/set-password/" + odd).GET().build(), "odd link " + abbreviate(odd), false);
        }
    }

    private void check(WebClient client, Target target, String body, String what, boolean mayStore) {
        sendAndCheck(client, target, client.request(target.path()).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.ISO_8859_1)).build(), what, mayStore);
    }

    private void sendAndCheck(WebClient client, Target target, HttpRequest request, String what, boolean mayStore) {
        long before = storedRows();
        WebClient.Page page = client.send(request);
        requests++;
        String where = target.name() + " / " + what + ": ";
        String body = page.body() == null ? "" : page.body();
        if (page.status() >= 500) {
            failures.add(where + "status " + page.status());
        } else if (page.status() == 303 && target.name().equals("set-password link")) {
            WebClient.Page followed = client.get(page.location());
            if (followed.status() < 400 || followed.status() >= 500) {
                failures.add(where + "redirected to a page answering " + followed.status());
            }
        } else if (page.status() < 400 && !(mayStore && page.status() < 400)) {
            failures.add(where + "status " + page.status() + " (expected a 4xx)");
        }
        if (body.contains("Exception") || STACK_FRAME.matcher(body).find()) {
            failures.add(where + "stack trace or class name in the answer");
        }
        if (page.status() >= 400 && !(body.contains("govuk-error-summary") || body.contains("govuk-heading-l") || body.contains("\"message\""))) {
            failures.add(where + "no message in the " + page.status() + " answer");
        }
        boolean html = page.header("Content-Type") != null && page.header("Content-Type").startsWith("text/html");
        if (html && (body.contains("<script>alert(1)</script>") || body.contains("<img src=x onerror"))) {
            failures.add(where + "payload shown unescaped");
        }
        if (!(mayStore && page.status() < 400) && storedRows() != before) {
            failures.add(where + "something was stored");
        }
        String location = page.location();
        if (location != null && !(location.startsWith("/") && !location.startsWith("//"))) {
            failures.add(where + "redirected away from the service: " + abbreviate(location));
        }
        if (mayStore && page.status() < 400) {
            for (String path : target.shownAt()) {
                String shown = client.get(path).body();
                if (shown.contains("<script>alert(1)</script>") || shown.contains("<img src=x onerror")) {
                    failures.add(where + "stored payload shown unescaped on " + path);
                }
            }
            for (String shown : List.of(admin.get("/admin/accounts").body(), officer.get("/reviews/" + reviewId).body(),
                    manager.get("/participation/targets").body())) {
                if (shown.contains("<script>alert(1)</script>") || shown.contains("<img src=x onerror")) {
                    failures.add(where + "stored payload shown unescaped");
                }
            }
        }
    }

    /**
     * The child's form and the parent's form, each reached through its own link (the session cookie is
     * the link's): answers may be stored (any words are a child's right), but must be shown escaped.
     * The send steps come last, as a good send closes the form.
     */
    private List<Target> childAndParentForms() {
        WebClient child = new WebClient(server.getURI());
        long officerId = ReviewFixtures.count(context, "select id from staff_account where username = 'fuzz.officer'");
        long childId = ReviewFixtures.child(context, "FUZZ010", "Kai", LocalDate.now().minusYears(9).minusDays(40));
        long review = ReviewFixtures.review(context, childId, "CLA", LocalDate.now().plusDays(10), officerId);
        org.myview.web.link.LinkTokens.NewLink link = org.myview.web.link.LinkTokens.newLink();
        ReviewFixtures.execute(context, "insert into consultation_link (review_id, token_hash, created_by, expires_at) values ("
                + review + ", decode('" + java.util.HexFormat.of().formatHex(link.hash()) + "', 'hex'), " + officerId
                + ", now() + interval '30 days')");
        org.myview.support.Secrets.remember(link.token());
        assertEquals(303, child.get("/consultation/link/" + link.token()).status());
        String childCsrf = StaffFixtures.csrfToken(child.get("/consultation/q/1"));

        WebClient parent = new WebClient(server.getURI());
        StaffFixtures.account(context, "fuzz.lead", Role.PARTICIPATION_LEAD);
        long leadId = ReviewFixtures.count(context, "select id from staff_account where username = 'fuzz.lead'");
        org.myview.staff.StaffUser lead = new org.myview.staff.StaffUser(leadId, "fuzz.lead", "Lead", java.util.Set.of(Role.PARTICIPATION_LEAD), null);
        org.myview.web.FormErrors planErrors = context.getBean(org.myview.parent.PlanService.class).add(lead, new org.myview.parent.PlanEntry(
                "FUZZPLAN", "CP", LocalDate.now().minusMonths(4).toString(), null, "FUZZ010", "Robin", "robin@example.org", null, "en"));
        assertTrue(planErrors.isEmpty(), "plan: " + planErrors.all());
        context.getBean(org.myview.parent.RoundService.class).sendToDuePlans(lead);
        String parentLink = null;
        try (var c = ReviewFixtures.connection(context); var ps = c.prepareStatement(
                "select personalisation->>'link' from notification_outbox order by id desc limit 1"); var rs = ps.executeQuery()) {
            rs.next();
            parentLink = rs.getString(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        org.myview.support.Secrets.remember(parentLink.substring(parentLink.lastIndexOf('/') + 1));
        assertEquals(303, parent.get(parentLink.substring(parentLink.indexOf("/parent/link/"))).status());
        String parentCsrf = StaffFixtures.csrfToken(parent.get("/parent/form/1"));

        return List.of(
                new Target("child: answer", "POST", "/consultation/q/1", form("answer", "Things are going well", "action", "save",
                        "_csrf", childCsrf), Map::of, true, child, List.of("/consultation/check", "/consultation/q/1")),
                new Target("child: version", "POST", "/consultation/version", form("version", "consultation-12-plus", "_csrf", childCsrf),
                        Map::of, true, child, List.of("/consultation/check")),
                new Target("child: language", "POST", "/consultation/language", form("language", "ur", "back", "/consultation/q/1",
                        "_csrf", childCsrf), Map::of, true, child, List.of()),
                new Target("parent: understand why", "POST", "/parent/form/1", form("understandWhy", "YES", "_csrf", parentCsrf),
                        Map::of, true, parent, List.of("/parent/check")),
                new Target("parent: anything else", "POST", "/parent/form/7", form("anythingElse", "Thank you", "_csrf", parentCsrf),
                        Map::of, true, parent, List.of("/parent/check", "/parent/form/7")),
                new Target("child: secret code", "POST", "/consultation/link-code", form("code", "tiger moon 42", "confirm", "tiger moon 42",
                        "_csrf", childCsrf), Map::of, true, child, List.of()),
                new Target("parent: secret code", "POST", "/parent/link-code", form("code", "green kettle 9", "confirm", "green kettle 9",
                        "_csrf", parentCsrf), Map::of, true, parent, List.of()),
                new Target("child: send", "POST", "/consultation/send", form("_csrf", childCsrf), Map::of, false, child, List.of()),
                new Target("parent: send", "POST", "/parent/check", form("_csrf", parentCsrf), Map::of, false, parent, List.of()));
    }

    /** Rows of everything a form or API can write (the audit trail and sign-in throttle record attempts, so they are left out). */
    private long storedRows() {
        return ReviewFixtures.count(context, "select (select count(*) from child) + (select count(*) from review)"
                + " + (select count(*) from review_participation) + (select count(*) from participation_target)"
                + " + (select count(*) from staff_account) + (select count(*) from staff_role) + (select count(*) from set_password_link)"
                + " + (select count(*) from consultation where sent_at is not null) + (select count(*) from consultation_concern)"
                + " + (select count(*) from parent_response) + (select count(*) from notification_outbox) + (select count(*) from forum_quote)"
                + " + (select count(*) from views_received)");
    }

    private static Map<String, String> form(String... pairs) {
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            form.put(pairs[i], pairs[i + 1]);
        }
        return form;
    }

    private static String encode(Map<String, String> form) {
        StringBuilder out = new StringBuilder();
        form.forEach((k, v) -> out.append(out.length() == 0 ? "" : "&").append(enc(k)).append('=').append(enc(v)));
        return out.toString();
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String manyFields(int count) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < count; i++) {
            out.append(i == 0 ? "" : "&").append("f").append(i).append("=").append(i);
        }
        return out.toString();
    }

    private static String abbreviate(String value) {
        String clean = value.replaceAll("[^\\x20-\\x7E]", "?");
        return clean.length() > 40 ? clean.substring(0, 40) + "…(" + value.length() + ")" : clean;
    }
}
