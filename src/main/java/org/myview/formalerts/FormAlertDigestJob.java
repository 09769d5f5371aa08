package org.myview.formalerts;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

/**
 * Sends the day's form digests, on every instance: {@link FormAlertService#sendDigests()} keeps two instances
 * (and a second run) from sending an officer two in a day. Off in tests, which call the service themselves.
 */
@Singleton
@Requires(property = "myview.form-alerts.digest-enabled", notEquals = "false")
record FormAlertDigestJob(FormAlertService alerts) {

    @Scheduled(fixedDelay = "${myview.form-alerts.digest-check-interval:15m}", initialDelay = "${myview.notify.initial-delay:20s}")
    void run() {
        alerts.sendDigests();
    }
}
