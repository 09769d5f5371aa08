package org.myview.forum;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

import java.time.Duration;

/**
 * Rejects children's shared words that waited unchecked past {@code myview.forum.pending-retention} (default
 * 90 days), on every instance: one set-based statement, so each is taken once. Off in tests (application-test.yml).
 */
@Singleton
@Requires(property = "myview.forum.retention-enabled", notEquals = "false")
record ForumRetentionJob(
        ForumService forum,
        @Value("${myview.forum.pending-retention:90d}") Duration pendingRetention) {

    @Scheduled(fixedDelay = "1h", initialDelay = "${myview.consultation.retention-initial-delay:1m}")
    void run() {
        forum.expirePending(pendingRetention);
    }
}
