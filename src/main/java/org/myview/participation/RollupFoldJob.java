package org.myview.participation;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

/**
 * Folds the roll-ups' pending deltas (V188) into their base rows every myview.rollup.fold-interval, on every instance:
 * the deltas are claimed with SKIP LOCKED, so instances share the work and none waits. Readers sum base and deltas,
 * so the figures are the same whenever this runs; it only keeps the delta tables short.
 */
@Singleton
@Requires(property = "myview.rollup.fold-enabled", notEquals = "false")
record RollupFoldJob(
        ParticipationRepository repository,
        @Value("${myview.rollup.fold-batch-size:10000}") int batchSize) {

    @Scheduled(fixedDelay = "${myview.rollup.fold-interval:30s}", initialDelay = "${myview.rollup.fold-initial-delay:30s}")
    void run() {
        // One short transaction per batch; keep going while a batch came back full.
        while (repository.foldRollups(batchSize) >= batchSize) {
            // more waiting
        }
    }
}
