package org.myview.notify;

import jakarta.inject.Singleton;
import org.myview.system.Transactions;

import java.time.Clock;

/**
 * Features queue messages here inside their own transaction: the message exists if and only if the
 * change that caused it was committed. Delivery is {@link OutboxSender}'s job.
 */
@Singleton
public record Outbox(OutboxService rows, Clock clock, Transactions transactions) {

    /** Joins the caller's transaction. {@code subjectType}/{@code subjectId} say what the message is about (for the feature, not for Notify). */
    public long enqueue(Message message, String subjectType, Long subjectId) {
        return transactions.withinCaller(() -> rows.insert(message, subjectType, subjectId, clock.instant()));
    }

    /**
     * Queues the message unless the same one (same subject, channel, address and template) is still
     * waiting or recorded: a form posted twice (a double click without JavaScript) sends once. The
     * caller holds a lock on the subject, so two requests cannot both find nothing queued.
     */
    public boolean enqueueOnce(Message message, String subjectType, long subjectId) {
        return transactions.withinCaller(() -> {
            if (rows.queued(message, subjectType, subjectId)) {
                return false;
            }
            rows.insert(message, subjectType, subjectId, clock.instant());
            return true;
        });
    }
}
