package org.myview.consultation;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

/**
 * Erases children's answers and talk-now words past their retention, on every instance: each run is set-based
 * statements in one transaction, so instances running at once never erase or count a row twice. Off in tests
 * that move the clock and read answers (application-test.yml); they call {@link ConsultationRetention} themselves.
 */
@Singleton
@Requires(property = "myview.consultation.retention-enabled", notEquals = "false")
record ConsultationRetentionJob(ConsultationRetention retention) {

    @Scheduled(fixedDelay = "${myview.consultation.retention-interval:1h}",
            initialDelay = "${myview.consultation.retention-initial-delay:1m}")
    void run() {
        retention.eraseExpired(); // audited as counts by the service
    }
}
