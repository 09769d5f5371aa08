package org.myview.parent;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The parent feedback jobs, on every instance: repeats a round when it is 6 months old, sends
 * follow-ups when due, erases contact details after the retention period. Each runs in one
 * transaction with row locks (and an advisory lock for rounds), so instances never do the same work twice.
 */
@Singleton
@Requires(property = "myview.parent.jobs-enabled", notEquals = "false")
record ParentJobs(RoundService rounds) {

    private static final Logger LOG = LoggerFactory.getLogger(ParentJobs.class);

    @Scheduled(fixedDelay = "${myview.parent.jobs-interval:1h}", initialDelay = "${myview.parent.jobs-initial-delay:1m}")
    void run() {
        int repeated = rounds.repeatIfDue();
        if (repeated >= 0) {
            LOG.info("Parent feedback: a new round started with {} links", repeated);
        }
        int followUps = rounds.sendFollowUps();
        if (followUps > 0) {
            LOG.info("Parent feedback: {} follow-up links queued", followUps);
        }
        int erased = rounds.eraseExpiredContacts();
        if (erased > 0) {
            LOG.info("Parent feedback: contact details of {} parents erased (retention)", erased);
        }
    }
}
