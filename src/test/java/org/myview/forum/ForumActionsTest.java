package org.myview.forum;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.myview.staff.AuditAction;
import org.myview.staff.AuditTrail;
import org.myview.staff.Role;
import org.myview.support.ReviewFixtures;
import org.myview.support.StaffFixtures;
import org.myview.support.WebClient;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** "You said, we did": the participation lead writes down what the forum asked and what was done; the forum reads it. */
@MicronautTest(transactional = false)
class ForumActionsTest {

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext context;
    @Inject
    AuditTrail audit;

    @Test
    void theLeadRecordsARequestAndWhatWasDoneAndTheForumSeesIt() {
        StaffFixtures.account(context, "actions.lead", Role.PARTICIPATION_LEAD);
        StaffFixtures.account(context, "actions.forum", Role.FORUM);
        WebClient lead = new WebClient(server.getURI());
        String csrf = StaffFixtures.signIn(lead, "actions.lead");

        WebClient.Page empty = lead.post("/forum/you-said-we-did", "_csrf", csrf, "asked", "", "askedOn", "31/2/2026", "status", "DONE");
        assertEquals(422, empty.status());
        assertTrue(empty.body().contains("Enter what Reach Out! asked for"));
        assertTrue(empty.body().contains("Enter the date they asked"));
        assertTrue(empty.body().contains("Enter what the trust did"), "done, but nothing said about what was done");
        assertEquals(0, ReviewFixtures.count(context, "select count(*) from forum_action"));

        WebClient.Page added = lead.post("/forum/you-said-we-did", "_csrf", csrf, "asked", "Wi-Fi in every children’s home",
                "askedOn", "3/2/2026", "status", "NOT_STARTED", "response", "", "updatedOn", "");
        assertEquals(303, added.status());
        long id = ReviewFixtures.count(context, "select max(id) from forum_action");

        WebClient forum = new WebClient(server.getURI());
        StaffFixtures.signIn(forum, "actions.forum");
        String list = forum.get("/forum/you-said-we-did").body();
        assertTrue(list.contains("Wi-Fi in every children’s home"));
        assertTrue(list.contains("Asked on 3 February 2026"));
        assertTrue(list.contains("Not started"));
        assertFalse(list.contains("/edit"), "the forum cannot change it");

        assertEquals(200, lead.get("/forum/you-said-we-did/" + id + "/edit").status());
        LocalDate today = LocalDate.now();
        String updated = today.getDayOfMonth() + "/" + today.getMonthValue() + "/" + today.getYear();
        assertEquals(303, lead.post("/forum/you-said-we-did/" + id, "_csrf", csrf, "asked", "Wi-Fi in every children’s home",
                "askedOn", "3/2/2026", "status", "DONE", "response", "Every home has Wi-Fi now.", "updatedOn", updated).status());
        list = forum.get("/forum/you-said-we-did").body();
        assertTrue(list.contains("Every home has Wi-Fi now."));
        assertTrue(list.contains("Done"));
        assertTrue(forum.get("/forum/print").body().contains("Every home has Wi-Fi now."), "on the printable page too");
        assertEquals(2, audit.search("actions.lead", null, null, null, 20).stream()
                .filter(e -> e.action() == AuditAction.FORUM_ACTION_RECORDED).count());

        String forumCsrf = StaffFixtures.csrfToken(forum.get("/forum"));
        assertEquals(403, forum.post("/forum/you-said-we-did", "_csrf", forumCsrf, "asked", "x", "askedOn", "1/1/2026",
                "status", "NOT_STARTED").status());
        assertEquals(404, lead.get("/forum/you-said-we-did/999999/edit").status());
    }
}
