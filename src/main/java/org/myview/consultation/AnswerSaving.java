package org.myview.consultation;

import jakarta.inject.Singleton;
import org.myview.system.Transactions;
import org.myview.web.link.LinkStatus;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One answer the child saves as they go, in one transaction (docs/performance.md). Apart from
 * {@link ConsultationService} because it loads less than the journey does: the version, not the answers so far.
 */
@Singleton
record AnswerSaving(ConsultationRepository repository, FormDefinitions definitions, Clock clock, Transactions transactions) {

    /** What became of an answer: a problem to show (nothing saved), or where to go next. */
    record Saved(String problem, String location) {
    }

    /** What became of an answer posted from the child's page: the link's state, then (when open) the version and the save. */
    record Posted(LinkStatus status, FormDefinition definition, Saved saved) {

        /** The question's number is not in the version the child is answering (nothing saved). */
        boolean notFound() {
            return status.isOpen() && saved == null;
        }
    }

    /** Where an answer goes: the link's review and the version being answered, with the form when it exists already. */
    private record Target(long linkId, long reviewId, FormDefinition definition, ConsultationRepository.Form form) {
    }

    /**
     * One answer posted from the child's page, in one transaction: the link's state and claim ({@code status}, whose
     * own transactions join this one), the form's version, the request key and the answer. Nothing is loaded twice
     * and the answers so far are not loaded at all; {@code value} reads the posted answer for the question, and
     * {@code next} says where the child goes after it. {@code declined} is "I'd rather not say".
     * <p>
     * Saved once per {@code requestKey}: a phone that answered offline sends its answers when it is back online, and
     * may send one again when it never saw the first reply. The first request with a key saves and stores where the
     * child goes next; a repeat saves nothing and is sent to the same place, even if the child changed that answer
     * since. Without a key (no JavaScript), every post saves.
     */
    Posted answerPosted(Supplier<LinkStatus> status, int number, Function<FormDefinition.Question, String> value, boolean declined,
                        String requestKey, Function<FormDefinition, String> next) {
        return transactions.write(() -> {
            LinkStatus link = status.get();
            if (!link.isOpen()) {
                return new Posted(link, null, null);
            }
            Target target = target(link.linkId());
            Optional<FormDefinition.Question> question = target.definition().question(number);
            if (question.isEmpty()) {
                return new Posted(link, target.definition(), null);
            }
            return new Posted(link, target.definition(), save(target, question.get(), value.apply(question.get()), declined,
                    requestKey, next.apply(target.definition())));
        });
    }

    /** As {@link ConsultationService#journey(long)} chooses the version, without the answers: one query when the form exists. */
    private Target target(long linkId) {
        Optional<ConsultationRepository.Form> form = repository.formForLink(linkId);
        Optional<FormDefinition> chosen = form.flatMap(f -> definitions.find(f.definitionId()));
        if (chosen.isPresent()) {
            return new Target(linkId, form.get().reviewId(), chosen.get(), form.get());
        }
        long reviewId = form.map(ConsultationRepository.Form::reviewId)
                .orElseGet(() -> repository.linkById(linkId).orElseThrow().reviewId());
        ConsultationRepository.ReviewFacts facts = repository.reviewFacts(reviewId).orElseThrow();
        int age = org.myview.review.ChildAge.yearsOn(facts.dateOfBirth(), facts.reviewDate());
        return new Target(linkId, reviewId, definitions.forAge(age), form.orElse(null));
    }

    private Saved save(Target journey, FormDefinition.Question question, String value, boolean declined, String requestKey,
                       String location) {
        long linkId = journey.linkId();
        String answer = null;
        if (!declined) {
            GivenAnswer given = question.kind().check(value, ConsultationService.MAX_ANSWER);
            if (given.problem() != null) {
                return new Saved(given.problem(), null);
            }
            answer = given.stored();
        }
        if (requestKey != null && repository.useRequestKey(linkId, requestKey, location, clock.instant()) == 0) {
            return new Saved(null, repository.requestKeyLocation(linkId, requestKey).orElse(location));
        }
        long formId = journey.form() != null ? journey.form().id()
                : repository.formCreatingIfAbsent(linkId, journey.reviewId(), journey.definition().id()).id();
        repository.saveAnswer(formId, new ConsultationRepository.Answer(journey.definition().id(),
                journey.definition().version(), question.id(), answer, declined), clock.instant());
        return new Saved(null, location);
    }
}
