package org.myview.listened;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

/** Runs {@link ListenedRetention} every hour on every instance. Off in tests (application-test.yml), which call it. */
@Singleton
@Requires(property = "myview.listened.retention-enabled", notEquals = "false")
record ListenedRetentionJob(ListenedRetention retention) {

    @Scheduled(fixedDelay = "1h", initialDelay = "${myview.consultation.retention-initial-delay:1m}")
    void run() {
        retention.eraseExpiredWords();
    }
}
