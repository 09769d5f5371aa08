package org.myview.extract;

import jakarta.inject.Singleton;
import org.myview.system.Transactions;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Claims on extract files, each in its own short transaction, committed before the import starts. The insert answers
 * its row count, not {@code returning id}: as an {@code Optional<Long>} here it came back null.
 */
@Singleton
record ExtractClaims(ExtractFileRepository files, Transactions transactions) {

    /** An instance that stopped midway leaves a claim unfinished: after this long another may take it over. */
    static final Duration STALE_CLAIM = Duration.ofMinutes(30);

    public Optional<Long> claim(String fileName, String sha256, Instant now) {
        return transactions.write(() -> {
            // insert ... on conflict do nothing: of two instances at once, one inserts (1) and the other waits for it, then gets 0.
            // A stale claim is taken over by one instance: the row lock makes the second see the new claimed_at, and 0 rows.
            boolean claimed = files.insertClaim(fileName, sha256, now) == 1
                    || files.takeOver(fileName, sha256, now, now.minus(STALE_CLAIM)) == 1;
            return claimed ? files.claimId(fileName, sha256) : Optional.empty();
        });
    }

    public void finish(long id, Instant now, boolean imported) {
        transactions.run(() -> files.finish(id, now, imported));
    }

    public boolean finished(String fileName, String sha256) {
        return transactions.read(() -> files.finished(fileName, sha256));
    }
}
