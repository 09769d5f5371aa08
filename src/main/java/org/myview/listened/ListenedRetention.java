package org.myview.listened;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.myview.staff.AuditAction;
import org.myview.staff.AuditEvent;
import org.myview.staff.AuditTrail;
import org.myview.system.Transactions;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The follow-up's free words ("anything else") are kept {@code myview.listened.words-retention} (90 days) after
 * they were sent, long enough to be read with the review's record, then erased; an unsent draft's words go as
 * soon as its link stops working. One set-based statement, so instances running it at once erase each row once;
 * audited as a count, never content (docs/runbook.md, "Retention").
 */
@Singleton
record ListenedRetention(ListenedRepository repository, AuditTrail audit, Clock clock,
                         @Value("${myview.listened.words-retention:90d}") Duration wordsRetention, Transactions transactions) {

    int eraseExpiredWords() {
        return transactions.write(() -> {
            Instant now = clock.instant();
            int erased = repository.eraseWords(now.minus(wordsRetention), now);
            if (erased > 0) {
                audit.record(AuditEvent.of(null, AuditAction.RETENTION_ERASED).subject("listened_link", "anything_else")
                        .detail(Map.of("rows", erased)));
            }
            return erased;
        });
    }
}
