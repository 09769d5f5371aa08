package org.myview.forum;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.myview.staff.Role;
import org.myview.support.MutableClock;
import org.myview.support.ReviewFixtures;
import org.myview.support.StaffFixtures;
import org.myview.support.WebClient;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A child's shared words left unchecked are rejected after the retention (default 90 days), keeping no text. */
@MicronautTest(transactional = false)
@Property(name = "test.mutable-clock", value = "true")
class ForumRetentionTest {

    static final Duration RETENTION = Duration.ofDays(90); // the default, myview.forum.pending-retention
    static final String OLD = "LEAKCANARY forum words from long ago";
    static final String RECENT = "LEAKCANARY forum words still waiting";

    @Inject
    ApplicationContext context;
    @Inject
    EmbeddedServer server;
    @Inject
    MutableClock clock;
    @Inject
    ForumService forum;

    private void pending(long consultationId, String text, Instant receivedAt) {
        ReviewFixtures.execute(context, "insert into forum_quote (consultation_id, question_id, question, original_text, received_at) values ("
                + consultationId + ", 'going-well', 'What is going well?', '" + text + "', timestamptz '" + receivedAt + "')");
    }

    @Test
    void wordsUncheckedForNinetyDaysAreRejectedWithoutTextAndNewerOnesWait() {
        Instant now = Instant.parse("2026-11-30T12:00:00Z");
        clock.set(now);
        pending(9001, OLD, now.minus(RETENTION).minusSeconds(60));
        pending(9002, RECENT, now.minus(RETENTION).plusSeconds(60));

        assertEquals(1, forum.expirePending(RETENTION));
        assertEquals(1, ReviewFixtures.count(context, "select count(*) from forum_quote where consultation_id = 9001 and status = 'REJECTED' "
                + "and original_text is null and published_text is null and moderated_by is null"));
        assertEquals(1, ReviewFixtures.count(context, "select count(*) from forum_quote where consultation_id = 9002 and status = 'PENDING' "
                + "and original_text = '" + RECENT + "'"));
        assertEquals(0, forum.expirePending(RETENTION), "each once");
        assertEquals(1, ReviewFixtures.count(context, "select count(*) from audit_event where action = 'RETENTION_ERASED' "
                + "and subject_type = 'forum_quote' and (detail->>'rows')::int = 1 and cast(detail as text) not like '%LEAKCANARY%'"));

        StaffFixtures.account(context, "retention.lead", Role.PARTICIPATION_LEAD);
        WebClient lead = new WebClient(server.getURI());
        StaffFixtures.signIn(lead, "retention.lead");
        long oldId = ReviewFixtures.count(context, "select id from forum_quote where consultation_id = 9001");
        long recentId = ReviewFixtures.count(context, "select id from forum_quote where consultation_id = 9002");
        assertEquals(404, lead.get("/forum/moderation/" + oldId).status(), "no longer waiting for the lead");
        WebClient.Page waiting = lead.get("/forum/moderation/" + recentId);
        assertEquals(200, waiting.status());
        assertTrue(waiting.body().contains(RECENT), "the newer words still wait for the lead");
    }
}
