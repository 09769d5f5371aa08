package org.myview.consultation;

import java.time.Instant;

/**
 * Published when a child sends a form saying yes to an advocate and yes to passing it on
 * ({@link AdvocateConsent}), inside the transaction that sent it, so the referral the advocacy feature raises
 * commits or rolls back with the form. Sent once per form, as {@link ConsultationSent} is. Carries no answer.
 */
public record AdvocateRequested(long reviewId, long consultationId, Instant requestedAt) {
}
