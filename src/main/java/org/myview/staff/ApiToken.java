package org.myview.staff;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;

/** A personal API token as its list shows it: never the token itself, which nobody can see again. */
@Introspected
public record ApiToken(long id, long accountId, String name, ApiScope scope, Instant createdAt, Instant expiresAt,
                       @Nullable Instant lastUsedAt, @Nullable Instant revokedAt) {

    public boolean isRevoked() {
        return revokedAt != null;
    }

    public boolean isExpired(Instant now) {
        return !expiresAt.isAfter(now);
    }

    /** Usable now (its account may still be disabled: that is checked on each use). */
    public boolean isActive(Instant now) {
        return !isRevoked() && !isExpired(now);
    }
}
