package org.myview.staff;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.myview.notify.Channel;
import org.myview.notify.Message;
import org.myview.notify.Outbox;
import org.myview.support.MutableClock;
import org.myview.support.ReviewFixtures;
import org.myview.support.Secrets;
import org.myview.support.StaffFixtures;
import org.myview.support.WebClient;

import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The administrator manages accounts and reads the audit trail; families are none of their business. With a
 * parent's details and a child's link waiting in the outbox, every page the access table opens to the
 * administrator is read: none shows a family's name, address, mobile or link. The participation lead, who
 * passes on links that could not be sent, still sees them.
 */
@MicronautTest(transactional = false)
@Property(name = "test.mutable-clock", value = "true")
@Property(name = "myview.notify.sender-enabled", value = "false")
@Property(name = "myview.parent.jobs-enabled", value = "false")
class AdministratorSeesNoFamilyDetailsTest {

    private static final String PARENT_NAME = "Marigoldine";
    private static final String PARENT_EMAIL = "marigoldine.parent@example.org";
    private static final String PARENT_MOBILE = "07700900471";
    private static final String CARER_EMAIL = "carer.of.robin@example.org";
    private static final String CHILD_LINK_TOKEN = "childlinktoken-admin-walk";

    @Inject
    ApplicationContext context;
    @Inject
    EmbeddedServer server;
    @Inject
    MutableClock clock;
    @Inject
    Outbox outbox;
    @Inject
    TransactionOperations<Connection> transactions;

    private String firstLink() {
        try (Connection c = ReviewFixtures.connection(context); var ps = c.prepareStatement(
                "select personalisation->>'link' from notification_outbox where template_key = 'parent-invitation' order by id limit 1")) {
            var rs = ps.executeQuery();
            assertTrue(rs.next(), "the round queued the parent's invitation");
            return rs.getString(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void noPageOfTheAdministratorShowsAFamilysDetailsWhileTheLeadStillSeesThem() {
        clock.set(Instant.parse("2026-11-30T12:00:00Z"));
        long adminId = StaffFixtures.account(context, "walk.admin", Role.ADMIN);
        long leadId = StaffFixtures.account(context, "walk.lead", Role.PARTICIPATION_LEAD);

        WebClient lead = new WebClient(server.getURI());
        String csrf = StaffFixtures.signIn(lead, "walk.lead");
        assertEquals(303, lead.post("/parent/plans", "_csrf", csrf, "planReference", "WALK/1", "planType", "CP",
                "startDate", "1/8/2026", "childReferences", "W1", "parentName", PARENT_NAME, "email", PARENT_EMAIL,
                "mobile", PARENT_MOBILE, "language", "en").status());
        assertEquals(303, lead.post("/parent/rounds", "_csrf", csrf).status());
        transactions.executeWrite(s -> outbox.enqueue(new Message(Channel.EMAIL, CARER_EMAIL, "consultation-link",
                Map.of("name", "Robin", "link", "https://myview.example.org/consultation/link/" + CHILD_LINK_TOKEN)), "test", 1L));
        String parentLink = firstLink();
        String parentToken = Secrets.remember(parentLink.substring(parentLink.lastIndexOf('/') + 1));
        List<String> family = List.of(PARENT_NAME, PARENT_EMAIL, PARENT_MOBILE, "900471", CARER_EMAIL, CHILD_LINK_TOKEN, parentToken);

        WebClient.Page leadOutbox = lead.get("/notify/outbox");
        assertTrue(leadOutbox.body().contains(PARENT_EMAIL), "the lead sees the address");
        assertTrue(leadOutbox.body().contains(parentToken), "and the link, to pass it on");

        WebClient admin = new WebClient(server.getURI());
        StaffFixtures.signIn(admin, "walk.admin");
        List<String> read = new ArrayList<>();
        for (Map.Entry<String, java.util.Set<String>> route : AccessRulesTest.EXPECTED.entrySet()) {
            String[] methodAndPath = route.getKey().split(" ", 2);
            // Public pages (open to anyone signed out) show no family to anybody; the staff pages are the question.
            if (!methodAndPath[0].equals("GET") || !route.getValue().contains("ADMIN") || route.getValue().contains("ANONYMOUS")) {
                continue;
            }
            List<String> paths = new ArrayList<>();
            String template = methodAndPath[1];
            if (template.equals("/admin/accounts/{id}")) {
                paths.add("/admin/accounts/" + adminId);
                paths.add("/admin/accounts/" + leadId);
            } else if (template.equals("/admin/audit")) {
                paths.add(template);
                paths.add("/admin/audit?user=walk.lead");
            } else if (template.startsWith("/api/")) {
                continue; // HTTP Basic, not the session: /api/me says who the caller is, nothing about families
            } else if (!template.contains("{")) {
                paths.add(template);
            }
            for (String path : paths) {
                WebClient.Page page = admin.get(path);
                assertTrue(page.status() < 400, path + " answered " + page.status());
                for (String detail : family) {
                    assertFalse(page.body().contains(detail), path + " shows a family's detail to the administrator");
                }
                read.add(path);
            }
        }
        assertTrue(read.contains("/notify/outbox") && read.contains("/admin/audit") && read.contains("/admin/accounts"), "read: " + read);
    }
}
