package org.myview.staff;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.myview.support.ReviewFixtures;
import org.myview.support.Secrets;
import org.myview.support.StaffFixtures;
import org.myview.support.WebClient;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Personal API tokens (issue 22, item 2): made on the token page, shown once, kept as a hash, used with
 * {@code Authorization: Bearer}, limited to their scope and refused once expired, revoked or disabled.
 */
@MicronautTest(transactional = false)
class ApiTokenTest {

    private static final Pattern TOKEN = Pattern.compile("myview_[A-Za-z0-9_-]{43}");
    private static final String SUMMARY = "/api/participation/summary?reviewType=CLA&from=2025-04&to=2025-06";

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext context;

    @Test
    void aManagerCreatesATokenSeesItOnceAndReadsTheSummaryWithIt() throws Exception {
        StaffFixtures.account(context, "token.manager", Role.SERVICE_MANAGER);
        WebClient browser = new WebClient(server.getURI());
        String csrf = StaffFixtures.signIn(browser, "token.manager");

        WebClient.Page form = browser.get("/staff/api-tokens/new");
        assertEquals(200, form.status());
        WebClient.Page created = browser.post("/staff/api-tokens", "_csrf", csrf, "name", "Power BI report", "scope", "FIGURES", "expires", "30");
        assertEquals(200, created.status());
        String token = token(created.body());
        assertTrue(created.body().contains("You will not be able to see it again"));

        // Never again: not on the list, not on the form.
        WebClient.Page list = browser.get("/staff/api-tokens");
        assertTrue(list.body().contains("Power BI report"));
        assertTrue(list.body().contains("Read figures"));
        assertFalse(list.body().contains(token));
        assertFalse(TOKEN.matcher(list.body()).find(), "no token at all on the list");
        assertFalse(TOKEN.matcher(browser.get("/staff/api-tokens/new").body()).find());

        WebClient.Page summary = api(SUMMARY, token);
        assertEquals(200, summary.status(), summary.body());
        assertTrue(summary.body().contains("\"reviewType\":\"CLA\""));
        assertEquals("no-store", summary.header("Cache-Control"));

        WebClient.Page me = api("/api/me", token);
        assertEquals(200, me.status());
        assertTrue(me.body().contains("\"username\":\"token.manager\""));
        assertTrue(me.body().contains("\"tokenScope\":\"FIGURES\""), me.body());

        long id = ReviewFixtures.count(context, "select id from api_token where name = 'Power BI report'");
        assertTrue(browser.get("/staff/api-tokens").body().contains("Never") == false, "last used is shown once used");
        assertEquals(1, ReviewFixtures.count(context, "select count(*) from api_token where id = " + id + " and last_used_at is not null"));
    }

    @Test
    void onlyTheHashIsStoredAndTheAuditTrailNeverHoldsTheToken() throws Exception {
        long account = StaffFixtures.account(context, "token.hash", Role.SERVICE_MANAGER);
        String token = create("token.hash", "FIGURES", "Hash check");
        assertEquals(200, api(SUMMARY, token).status());
        assertEquals(200, api(SUMMARY, token).status());

        long id = ReviewFixtures.count(context, "select id from api_token where account_id = " + account);
        byte[] expected = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        String stored = text("select encode(token_hash, 'hex') from api_token where id = " + id);
        assertArrayEquals(expected, HexFormat.of().parseHex(stored));
        String secretPart = token.substring("myview_".length());
        assertEquals(0, ReviewFixtures.count(context, "select count(*) from api_token t where t::text like '%" + secretPart + "%'"),
                "the token itself is nowhere in its row");

        assertEquals(2, ReviewFixtures.count(context, "select count(*) from audit_event where action = 'API_TOKEN_USED' "
                + "and subject_type = 'api_token' and subject_id = '" + id + "' and actor_username = 'token.hash' "
                + "and detail->>'path' = '/api/participation/summary' and detail->>'method' = 'GET'"));
        assertEquals(1, ReviewFixtures.count(context, "select count(*) from audit_event where action = 'API_TOKEN_CREATED' "
                + "and subject_id = '" + id + "'"));
        assertEquals(0, ReviewFixtures.count(context, "select count(*) from audit_event e where e::text like '%" + secretPart + "%' "
                + "or e::text like '%" + stored + "%'"), "neither the token nor its hash in the audit trail");
    }

    @Test
    void aFiguresTokenCannotImportAndAnImportTokenCannotReadFigures() {
        StaffFixtures.account(context, "token.scopes", Role.SERVICE_MANAGER);
        String figures = create("token.scopes", "FIGURES", "Figures only");
        String importer = create("token.scopes", "IMPORT", "Nightly import");
        String csv = "CHILD,DOB,REVIEW,REVIEW_CODE\nTOKEN1,01/02/2015,03/04/2025,PN1\n";

        assertEquals(403, importFile(csv, figures).status());
        assertEquals(403, api("/api/reviews/export.csv?from=2025-04-01&to=2025-04-30", figures).status());
        assertEquals(0, ReviewFixtures.count(context, "select count(*) from child where case_reference = 'TOKEN1'"), "nothing imported");

        assertEquals(403, api(SUMMARY, importer).status());
        WebClient.Page imported = importFile(csv, importer);
        assertEquals(200, imported.status(), imported.body());
        assertEquals(1, ReviewFixtures.count(context, "select count(*) from child where case_reference = 'TOKEN1'"));
    }

    @Test
    void aTokenReachesNoMoreThanItsAccountsRoles() {
        StaffFixtures.account(context, "token.forum", Role.FORUM);
        String token = create("token.forum", "FIGURES", "Forum figures");
        assertEquals(403, api(SUMMARY, token).status(), "the summary is for managers");
    }

    @Test
    void anExpiredTokenIsRefused() {
        StaffFixtures.account(context, "token.expired", Role.SERVICE_MANAGER);
        String token = create("token.expired", "FIGURES", "Old one");
        assertEquals(200, api(SUMMARY, token).status());
        ReviewFixtures.execute(context, "update api_token set created_at = now() - interval '31 days', expires_at = now() - interval '1 second' "
                + "where name = 'Old one'");

        WebClient.Page refused = api(SUMMARY, token);
        assertEquals(401, refused.status());
        assertTrue(refused.header("WWW-Authenticate").startsWith("Bearer"));
        assertEquals(1, ReviewFixtures.count(context, "select count(*) from audit_event where action = 'API_TOKEN_REFUSED' "
                + "and detail->>'reason' = 'expired' and actor_username = 'token.expired'"));
    }

    @Test
    void aTokenRevokedByItsOwnerIsRefused() {
        StaffFixtures.account(context, "token.revoked", Role.SERVICE_MANAGER);
        WebClient browser = new WebClient(server.getURI());
        String csrf = StaffFixtures.signIn(browser, "token.revoked");
        String token = token(browser.post("/staff/api-tokens", "_csrf", csrf, "name", "To revoke", "scope", "FIGURES", "expires", "7").body());
        assertEquals(200, api(SUMMARY, token).status());
        long id = ReviewFixtures.count(context, "select id from api_token where name = 'To revoke'");

        WebClient.Page revoked = browser.post("/staff/api-tokens/" + id + "/revoke", "_csrf", csrf);
        assertEquals(303, revoked.status());
        assertEquals("/staff/api-tokens", revoked.location());
        assertTrue(browser.get("/staff/api-tokens").body().contains("Revoked"));
        assertEquals(401, api(SUMMARY, token).status());
        assertEquals(1, ReviewFixtures.count(context, "select count(*) from audit_event where action = 'API_TOKEN_REVOKED' and subject_id = '" + id + "'"));
    }

    @Test
    void nobodyRevokesAnotherPersonsTokenButAnAdministratorCan() {
        StaffFixtures.account(context, "token.owner", Role.SERVICE_MANAGER);
        StaffFixtures.account(context, "token.other", Role.SERVICE_MANAGER);
        long admin = StaffFixtures.account(context, "token.admin", Role.ADMIN);
        String token = create("token.owner", "FIGURES", "Owner's token");
        long id = ReviewFixtures.count(context, "select id from api_token where name = 'Owner''s token'");
        long owner = ReviewFixtures.count(context, "select account_id from api_token where id = " + id);

        WebClient other = new WebClient(server.getURI());
        String otherCsrf = StaffFixtures.signIn(other, "token.other");
        assertEquals(404, other.post("/staff/api-tokens/" + id + "/revoke", "_csrf", otherCsrf).status());
        assertFalse(other.get("/staff/api-tokens").body().contains("Owner"));
        assertEquals(200, api(SUMMARY, token).status());

        WebClient administrator = new WebClient(server.getURI());
        String adminCsrf = StaffFixtures.signIn(administrator, "token.admin");
        assertTrue(administrator.get("/admin/accounts/" + owner + "/api-tokens").body().contains("Owner’s token")
                || administrator.get("/admin/accounts/" + owner + "/api-tokens").body().contains("Owner&#39;s token"));
        assertEquals(404, administrator.post("/admin/accounts/" + admin + "/api-tokens/" + id + "/revoke", "_csrf", adminCsrf).status(),
                "the token must belong to the account in the address");
        WebClient.Page revoked = administrator.post("/admin/accounts/" + owner + "/api-tokens/" + id + "/revoke", "_csrf", adminCsrf);
        assertEquals(303, revoked.status());
        assertEquals(401, api(SUMMARY, token).status());
    }

    @Test
    void anAdministratorCreatesATokenForAnAccount() {
        long account = StaffFixtures.account(context, "token.bi", Role.SERVICE_MANAGER);
        StaffFixtures.account(context, "token.admin2", Role.ADMIN);
        WebClient administrator = new WebClient(server.getURI());
        String csrf = StaffFixtures.signIn(administrator, "token.admin2");

        assertEquals(200, administrator.get("/admin/accounts/" + account + "/api-tokens/new").status());
        WebClient.Page created = administrator.post("/admin/accounts/" + account + "/api-tokens", "_csrf", csrf,
                "name", "BI service", "scope", "FIGURES", "expires", "365");
        assertEquals(200, created.status());
        String token = token(created.body());
        WebClient.Page me = api("/api/me", token);
        assertTrue(me.body().contains("\"username\":\"token.bi\""), "the token acts as the account, not the administrator");
        assertEquals(1, ReviewFixtures.count(context, "select count(*) from audit_event e join staff_account a on a.id = e.actor_id "
                + "where e.action = 'API_TOKEN_CREATED' and a.username = 'token.admin2' and (e.detail->>'accountId')::bigint = " + account));
        assertEquals(1, ReviewFixtures.count(context, "select count(*) from api_token where account_id = " + account
                + " and expires_at > now() + interval '364 days' and expires_at <= now() + interval '366 days'"));
    }

    @Test
    void aDisabledAccountsTokenIsRefused() {
        long account = StaffFixtures.account(context, "token.disabled", Role.SERVICE_MANAGER);
        String token = create("token.disabled", "FIGURES", "Soon disabled");
        assertEquals(200, api(SUMMARY, token).status());

        context.getBean(StaffAccountService.class).setDisabled(null, account, true);

        assertEquals(401, api(SUMMARY, token).status());
        assertEquals(401, api("/api/me", token).status());
    }

    @Test
    void aFormWithMistakesIsShownAgainWithItsErrorsAndNothingIsCreated() {
        StaffFixtures.account(context, "token.mistakes", Role.REVIEWING_OFFICER);
        WebClient browser = new WebClient(server.getURI());
        String csrf = StaffFixtures.signIn(browser, "token.mistakes");

        WebClient.Page empty = browser.post("/staff/api-tokens", "_csrf", csrf);
        assertEquals(422, empty.status());
        assertTrue(empty.body().contains("<title>Error:"));
        assertTrue(empty.body().contains("govuk-error-summary"));
        assertTrue(empty.body().contains("Enter a name for the token"));
        assertTrue(empty.body().contains("Select what the token should be able to do"));
        assertTrue(empty.body().contains("Select when the token should expire"));

        WebClient.Page tooLong = browser.post("/staff/api-tokens", "_csrf", csrf, "name", "Kept", "scope", "FIGURES", "expires", "3650");
        assertEquals(422, tooLong.status(), "no lifetime beyond a year");
        assertTrue(tooLong.body().contains("value=\"Kept\""), "what was typed is kept");
        assertEquals(422, browser.post("/staff/api-tokens", "_csrf", csrf, "name", "Kept", "scope", "EVERYTHING", "expires", "30").status());
        assertFalse(TOKEN.matcher(tooLong.body()).find());
        assertEquals(0, ReviewFixtures.count(context, "select count(*) from api_token t join staff_account a on a.id = t.account_id "
                + "where a.username = 'token.mistakes'"));
    }

    @Test
    void aTokenOpensNoPageAndAWrongTokenNothing() {
        StaffFixtures.account(context, "token.pages", Role.SERVICE_MANAGER);
        String token = create("token.pages", "FIGURES", "Pages");
        WebClient client = new WebClient(server.getURI());

        WebClient.Page page = client.send(client.request("/participation").header("Authorization", "Bearer " + token).build());
        assertEquals(303, page.status(), "pages take the session cookie only");

        WebClient.Page wrong = api(SUMMARY, "myview_" + "A".repeat(43));
        assertEquals(401, wrong.status());
        assertTrue(wrong.header("WWW-Authenticate").startsWith("Bearer"));
        assertEquals(401, api(SUMMARY, "not-a-token").status());
        assertEquals(401, api(SUMMARY, "").status());
    }

    private String create(String username, String scope, String name) {
        WebClient browser = new WebClient(server.getURI());
        String csrf = StaffFixtures.signIn(browser, username);
        WebClient.Page created = browser.post("/staff/api-tokens", "_csrf", csrf, "name", name, "scope", scope, "expires", "30");
        assertEquals(200, created.status(), created.body());
        return token(created.body());
    }

    private static String token(String body) {
        Matcher m = TOKEN.matcher(body);
        assertTrue(m.find(), "the new token is on the page");
        String token = m.group();
        assertFalse(m.find(), "shown once on the page");
        return Secrets.remember(token);
    }

    private WebClient.Page api(String path, String token) {
        WebClient client = new WebClient(server.getURI());
        return client.send(client.request(path).header("Authorization", "Bearer " + token).GET().build());
    }

    private WebClient.Page importFile(String csv, String token) {
        WebClient client = new WebClient(server.getURI());
        return client.send(client.request("/api/reviews/import").header("Authorization", "Bearer " + token)
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString(csv)).build());
    }

    private String text(String sql) {
        try (var c = ReviewFixtures.connection(context); var s = c.createStatement(); var rs = s.executeQuery(sql)) {
            assertTrue(rs.next());
            String value = rs.getString(1);
            assertNotNull(value);
            return value;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
