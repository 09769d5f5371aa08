package org.myview.consultation;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The child sending the form, and the news of it to the forum, the advocacy service and the officer. */
@Singleton
class FormSending {

    private final ConsultationService consultations;
    private final ConsultationRepository repository;
    private final FormWords words;
    private final ApplicationEventPublisher<ConsultationSent> sentEvents;
    private final ApplicationEventPublisher<AdvocateRequested> advocateEvents;
    private final ApplicationEventPublisher<FormArrived> arrivedEvents;
    private final Clock clock;

    FormSending(ConsultationService consultations, ConsultationRepository repository, FormWords words,
                ApplicationEventPublisher<ConsultationSent> sentEvents, ApplicationEventPublisher<AdvocateRequested> advocateEvents,
                ApplicationEventPublisher<FormArrived> arrivedEvents, Clock clock) {
        this.consultations = consultations;
        this.repository = repository;
        this.words = words;
        this.sentEvents = sentEvents;
        this.advocateEvents = advocateEvents;
        this.arrivedEvents = arrivedEvents;
        this.clock = clock;
    }

    /**
     * Sends the form, once. A double tap, a retry after a dropped connection, or two requests at the same
     * moment: the first marks it sent and publishes {@link ConsultationSent} in the same transaction; the
     * others find it sent and do nothing. A send with a request key already used by this link does nothing
     * more (it was sent). Consent to share is yes only when the child chose yes.
     */
    @Transactional
    void send(long linkId, Locale locale, String requestKey) {
        if (requestKey != null && repository.useRequestKey(linkId, requestKey, "/consultation/sent", clock.instant()) == 0) {
            return;
        }
        ConsultationService.Journey journey = consultations.journey(linkId);
        ConsultationRepository.Form form = repository.formCreatingIfAbsent(linkId, journey.reviewId(), journey.definition().id());
        ConsultationRepository.Answer consent = journey.answers().get(FormDefinition.SHARE_QUESTION);
        boolean share = consent != null && "yes".equals(consent.answer());
        if (repository.markSent(form.id(), share, clock.instant()) != 1) {
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
        sentEvents.publishEvent(new ConsultationSent(form.id(), share, written));
        if (AdvocateConsent.given(journey.answers())) {
            advocateEvents.publishEvent(new AdvocateRequested(journey.reviewId(), form.id(), clock.instant()));
        }
        Long officerId = repository.reviewFacts(journey.reviewId()).map(ConsultationRepository.ReviewFacts::officerId).orElse(null);
        arrivedEvents.publishEvent(new FormArrived(journey.reviewId(), form.id(), officerId, clock.instant()));
    }
}
