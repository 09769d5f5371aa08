package org.myview.consultation;

import io.micronaut.context.event.ApplicationEventPublisher;
import jakarta.inject.Singleton;
import org.myview.system.Transactions;
import org.myview.web.link.LinkStatus;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/** The child sending the form, and the news of it to the forum, the advocacy service and the officer. */
@Singleton
record FormSending(ConsultationService consultations, ConsultationRepository repository, FormWords words,
                   ApplicationEventPublisher<ConsultationSent> sentEvents,
                   ApplicationEventPublisher<AdvocateRequested> advocateEvents,
                   ApplicationEventPublisher<FormArrived> arrivedEvents, Clock clock, Transactions transactions) {

    /**
     * Sends the form, once. A double tap, a retry after a dropped connection, or two requests at the same
     * moment: the first marks it sent and publishes {@link ConsultationSent} in the same transaction; the
     * others find it sent and do nothing. A send with a request key already used by this link does nothing
     * more (it was sent). Consent to share is yes only when the child chose yes.
     */
    /** A send posted from the child's page, in one transaction: the link's state and claim ({@code status}), then the send when open. */
    LinkStatus sendPosted(Supplier<LinkStatus> status, Locale locale, String requestKey) {
        return transactions.write(() -> {
            LinkStatus link = status.get();
            if (link.isOpen()) {
                send(link.linkId(), locale, requestKey);
            }
            return link;
        });
    }

    void send(long linkId, Locale locale, String requestKey) {
        transactions.run(() -> {
            if (requestKey != null && repository.useRequestKey(linkId, requestKey, "/consultation/sent", clock.instant()) == 0) {
                return;
            }
            ConsultationService.Journey journey = consultations.journey(linkId);
            long formId = journey.formId() != null ? journey.formId()
                    : repository.formCreatingIfAbsent(linkId, journey.reviewId(), journey.definition().id()).id();
            ConsultationRepository.Answer consent = journey.answers().get(FormDefinition.SHARE_QUESTION);
            boolean share = consent != null && "yes".equals(consent.answer());
            if (repository.markSent(formId, share, clock.instant()) != 1) {
                return;
            }
            List<ConsultationSent.WrittenAnswer> written = new ArrayList<>();
            for (FormDefinition.Question question : journey.definition().questions()) {
                ConsultationRepository.Answer answer = journey.answers().get(question.id());
                if (question.isText() && !question.id().equals(ConsultationService.PRIVATE_QUESTION) && answer != null && !answer.declined()) {
                    written.add(new ConsultationSent.WrittenAnswer(question.id(),
                            words.title(journey.definition(), question.id(), locale), answer.answer()));
                }
            }
            sentEvents.publishEvent(new ConsultationSent(formId, share, written));
            if (AdvocateConsent.given(journey.answers())) {
                advocateEvents.publishEvent(new AdvocateRequested(journey.reviewId(), formId, clock.instant()));
            }
            arrivedEvents.publishEvent(new FormArrived(journey.reviewId(), formId, journey.officerId(), clock.instant()));
        });
    }
}
