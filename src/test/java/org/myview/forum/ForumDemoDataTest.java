package org.myview.forum;

import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;
import org.myview.support.ReviewFixtures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The dev demo gives the forum something to look at and the participation lead something to check. */
class ForumDemoDataTest {

    @Test
    void theDemoHasApprovedAndPendingWordsAndYouSaidWeDid() {
        try (ApplicationContext context = ApplicationContext.run("test", "dev")) {
            assertEquals(5, ReviewFixtures.count(context, "select count(*) from forum_quote where status = 'APPROVED'"));
            assertEquals(3, ReviewFixtures.count(context, "select count(*) from forum_quote where status = 'PENDING'"));
            assertTrue(ReviewFixtures.count(context, "select count(distinct status) from forum_action") >= 4, "every status");
        }
    }
}
