package org.myview.notify;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

/** Runs the sender on every instance; the row claims keep them from sending the same message. Off in tests that drive the sender. */
@Singleton
@Requires(property = "myview.notify.sender-enabled", notEquals = "false")
record OutboxJob(
        OutboxSender sender,
        OutboxService rows,
        java.time.Clock clock,
        @io.micronaut.context.annotation.Value("${myview.notify.recorded-retention:30d}") java.time.Duration recordedRetention) {

    @Scheduled(fixedDelay = "${myview.notify.send-interval:15s}", initialDelay = "${myview.notify.initial-delay:20s}")
    void run() {
        while (sender.sendDue() > 0) {
            // keep going while there is work; each pass is one short claim
        }
    }

    /** Retention: sent messages lose their address at once; recorded ones (never sent) after a while. */
    @Scheduled(fixedDelay = "1h", initialDelay = "${myview.notify.initial-delay:20s}")
    void eraseOldRecorded() {
        rows.eraseRecordedBefore(clock.instant().minus(recordedRetention)); // audited as a count by the service
    }
}
