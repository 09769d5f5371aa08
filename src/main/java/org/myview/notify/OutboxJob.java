package org.myview.notify;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

/** Runs the sender on every instance; the row claims keep them from sending the same message. Off in tests that drive the sender. */
@Singleton
@Requires(property = "myview.notify.sender-enabled", notEquals = "false")
class OutboxJob {

    private final OutboxSender sender;

    OutboxJob(OutboxSender sender) {
        this.sender = sender;
    }

    @Scheduled(fixedDelay = "${myview.notify.send-interval:15s}", initialDelay = "${myview.notify.initial-delay:20s}")
    void run() {
        while (sender.sendDue() > 0) {
            // keep going while there is work; each pass is one short claim
        }
    }
}
