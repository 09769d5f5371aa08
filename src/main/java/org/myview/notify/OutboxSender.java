package org.myview.notify;

import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Delivers due outbox rows. Safe with any number of instances: a row is claimed (FOR UPDATE SKIP
 * LOCKED, state SENDING with a lease) in a short transaction before the network call, and every
 * outcome is written only if the claim is still ours.
 *
 * <p>Exactly once: a message keeps one {@code reference} for all its attempts. Any attempt after the
 * first (after a timeout, a 5xx or a sender that died between sending and recording) starts by asking
 * Notify for a message with that reference; if there is one, it is recorded as sent and not sent
 * again. Logs carry row ids and HTTP statuses only, never an address or a link.
 */
@Singleton
public record OutboxSender(OutboxService rows, NotifyGateway gateway, NotifySettings settings, Clock clock) {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);

    /** One pass: claims a batch and delivers it. Returns how many rows were claimed. */
    public int sendDue() {
        List<OutboxService.Claimed> batch = rows.claim(clock.instant(), settings.leaseOrDefault(), settings.batchSizeOrDefault());
        for (OutboxService.Claimed row : batch) {
            deliver(row);
        }
        return batch.size();
    }

    private void deliver(OutboxService.Claimed row) {
        if (!gateway.configured()) {
            rows.markRecorded(row, clock.instant());
            return;
        }
        String reference = row.reference().toString();
        try {
            if (row.attempts() > 1) {
                Optional<String> earlier = gateway.findSent(reference);
                if (earlier.isPresent()) {
                    rows.markSent(row, earlier.get(), clock.instant());
                    LOG.info("Outbox {}: found already sent on attempt {}", row.id(), row.attempts());
                    return;
                }
            }
            String notifyId = gateway.send(row.message(), settings.templateId(row.message().templateKey(), row.message().channel()), reference);
            if (!rows.markSent(row, notifyId, clock.instant())) {
                LOG.warn("Outbox {}: sent, but the claim had expired; the next claim will find it by reference", row.id());
            }
        } catch (NotifyGateway.SendFailure failure) {
            failed(row, failure);
        } catch (RuntimeException e) {
            failed(row, new NotifyGateway.SendFailure(NotifyGateway.SendFailure.Kind.UNKNOWN, e.getClass().getSimpleName()));
        }
    }

    private void failed(OutboxService.Claimed row, NotifyGateway.SendFailure failure) {
        Instant now = clock.instant();
        if (failure.kind() == NotifyGateway.SendFailure.Kind.PERMANENT || row.attempts() >= settings.maxAttemptsOrDefault()) {
            rows.markFailed(row, failure.getMessage(), now);
            LOG.warn("Outbox {}: failed for good after {} attempts ({})", row.id(), row.attempts(), failure.getMessage());
        } else {
            rows.markRetry(row, failure.getMessage(), now.plus(Backoff.after(row.attempts(), settings.retryBaseOrDefault(), settings.retryMaxOrDefault())));
            LOG.info("Outbox {}: attempt {} did not go through ({}), will retry", row.id(), row.attempts(), failure.getMessage());
        }
    }
}
