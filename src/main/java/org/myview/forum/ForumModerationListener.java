package org.myview.forum;

import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.myview.consultation.ConsultationSent;
import org.myview.system.Transactions;

/**
 * Puts a child's written answers in the participation lead's queue, only when the child said yes to sharing with
 * Reach Out!. Synchronous, so the insert joins the transaction that stores the form: both commit or neither.
 */
@Singleton
record ForumModerationListener(ForumRepository repository, Transactions transactions) {

    @EventListener
    void onConsultationSent(ConsultationSent event) {
        // joins the transaction that stores the form
        transactions.run(() -> {
            if (!event.shareWithForum()) {
                return;
            }
            for (ConsultationSent.WrittenAnswer answer : event.writtenAnswers()) {
                if (answer.text() != null && !answer.text().isBlank()) {
                    repository.queue(event.consultationId(), answer.questionId(), answer.question(), answer.text().strip());
                }
            }
        });
    }
}
