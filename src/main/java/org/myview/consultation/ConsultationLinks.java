package org.myview.consultation;

import jakarta.inject.Singleton;
import org.myview.system.Transactions;

/** What other features may ask about a review's My Review My View links (the follow-up asks whether the child had one). */
@Singleton
public record ConsultationLinks(ConsultationRepository repository, Transactions transactions) {

    /** Whether the officer ever made a form link for the child of this review. */
    public boolean hadLink(long reviewId) {
        return transactions.read(() -> repository.latestLink(reviewId).isPresent());
    }
}
