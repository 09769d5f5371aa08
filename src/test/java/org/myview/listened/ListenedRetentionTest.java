package org.myview.listened;

import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.myview.support.ReviewFixtures;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The follow-up's free words are erased 90 days after sending, or when an unsent link stops working; the choices stay. */
@MicronautTest(transactional = false)
class ListenedRetentionTest {

    @Inject
    ApplicationContext context;
    @Inject
    ListenedRetention retention;

    private long link(long review, String respondent, String sentAt, String expiresAt, boolean replaced, String words) {
        ReviewFixtures.execute(context, "insert into listened_link (review_id, respondent, token_hash, created_at, expires_at, replaced_at, "
                + "listened, understood, anything_else, sent_at) values (" + review + ", '" + respondent + "', decode(md5(random()::text), 'hex'), "
                + "now() - interval '200 days', " + expiresAt + ", " + (replaced ? "now() - interval '1 day'" : "null") + ", 'yes', 'partly', '"
                + words + "', " + sentAt + ")");
        return ReviewFixtures.count(context, "select max(id) from listened_link");
    }

    @Test
    void wordsGoAfterTheirTimeAndTheChoicesStay() {
        long child = ReviewFixtures.child(context, "LISTRET1", "Kit", LocalDate.of(2013, 3, 3));
        long review = ReviewFixtures.review(context, child, "CP_REVIEW", LocalDate.now().minusDays(120), null);
        long oldSent = link(review, "CHILD", "now() - interval '91 days'", "now() - interval '60 days'", false, "old words");
        long recentSent = link(review, "PARENT", "now() - interval '89 days'", "now() + interval '1 day'", false, "recent words");
        long expiredDraft = link(review, "PARENT", "null", "now() - interval '1 hour'", false, "draft words");
        long replacedDraft = link(review, "PARENT", "null", "now() + interval '5 days'", true, "replaced words");
        long liveDraft = link(review, "PARENT", "null", "now() + interval '5 days'", false, "live words");

        assertEquals(3, retention.eraseExpiredWords());
        assertEquals(0, retention.eraseExpiredWords(), "each row once");

        for (long erased : new long[] {oldSent, expiredDraft, replacedDraft}) {
            assertEquals(1, ReviewFixtures.count(context, "select count(*) from listened_link where id = " + erased
                    + " and anything_else is null and listened = 'yes' and understood = 'partly'"), "erased, choices kept: " + erased);
        }
        for (long kept : new long[] {recentSent, liveDraft}) {
            assertEquals(1, ReviewFixtures.count(context, "select count(*) from listened_link where id = " + kept
                    + " and anything_else is not null"), "kept: " + kept);
        }
        assertEquals(1, ReviewFixtures.count(context, "select count(*) from audit_event where action = 'RETENTION_ERASED' "
                + "and subject_type = 'listened_link'"), "audited once, as a count");
    }
}
