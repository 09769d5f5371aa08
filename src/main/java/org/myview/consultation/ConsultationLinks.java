package org.myview.consultation;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

/** What other features may ask about a review's My Review My View links (the follow-up asks whether the child had one). */
@Singleton
public class ConsultationLinks {

    private final ConsultationRepository repository;

    ConsultationLinks(ConsultationRepository repository) {
        this.repository = repository;
    }

    /** Whether the officer ever made a form link for the child of this review. */
    @Transactional(readOnly = true)
    public boolean hadLink(long reviewId) {
        return repository.latestLink(reviewId).isPresent();
    }
}
