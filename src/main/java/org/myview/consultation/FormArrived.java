package org.myview.consultation;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;

/**
 * Published once when a child's form is sent, inside the transaction that sent it (as {@link ConsultationSent} is),
 * for those who tell the reviewing officer (formalerts/). Carries no name and no answer: which review, which form,
 * whose review, when.
 */
public record FormArrived(long reviewId, long consultationId, @Nullable Long officerId, Instant sentAt) {
}
