package org.myview.forum;

import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.myview.consultation.ConsultationSent;

/**
 * Puts a child's written answers in the participation lead's queue, only when the child said yes to sharing with
 * Reach Out!. Synchronous, so the insert joins the transaction that stores the form: both commit or neither.
 */
@Singleton
class ForumModerationListener {

    private final ForumRepository repository;

    ForumModerationListener(ForumRepository repository) {
        this.repository = repository;
    }

    @EventListener
    @Transactional // joins the transaction that stores the form
    void onConsultationSent(ConsultationSent event) {
        if (!event.shareWithForum()) {
            return;
        }
        for (ConsultationSent.WrittenAnswer answer : event.writtenAnswers()) {
            if (answer.text() != null && !answer.text().isBlank()) {
                repository.queue(event.consultationId(), answer.questionId(), answer.question(), answer.text().strip());
            }
        }
    }
}
