package org.myview.consultation;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

/**
 * Sends on open talk-now concerns whose time has come, on every instance: the claim in
 * {@link ConcernService#escalateDue()} keeps two instances from sending the same one twice.
 * Off in tests that drive it themselves.
 */
@Singleton
@Requires(property = "myview.talk-now.escalation-enabled", notEquals = "false")
record ConcernEscalationJob(ConcernService concerns) {

    @Scheduled(fixedDelay = "${myview.talk-now.check-interval:1m}", initialDelay = "${myview.notify.initial-delay:20s}")
    void run() {
        while (concerns.escalateDue() > 0) {
            // more than one batch due: keep going
        }
    }
}
