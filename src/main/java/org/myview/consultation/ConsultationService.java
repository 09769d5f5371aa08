package org.myview.consultation;

import jakarta.inject.Singleton;
import io.micronaut.context.annotation.Value;
import org.myview.notify.Channel;
import org.myview.notify.Message;
import org.myview.notify.Outbox;
import org.myview.review.Review;
import org.myview.staff.AuditAction;
import org.myview.staff.AuditEvent;
import org.myview.staff.AuditTrail;
import org.myview.staff.StaffUser;
import org.myview.system.Transactions;
import org.myview.web.link.LinkMessageWords;
import org.myview.web.link.LinkStatus;
import org.myview.web.link.LinkTokens;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rules of the child's form: links, versions by age, and what the officer sees. Saving an answer is
 * {@link AnswerSaving}'s and sending the form {@link FormSending}'s, so each rule reads on its own.
 */
@Singleton
public record ConsultationService(ConsultationRepository repository, FormDefinitions definitions, AuditTrail audit,
                                  ConsultationSettings settings, PrivateAnswerSettings privateAnswer, Outbox outbox,
                                  @Value("${myview.notify.public-url:`http://localhost:8080`}") String publicUrl,
                                  Clock clock, LinkMessageWords linkWords, Transactions transactions) {

    public ConsultationService {
        // Links are built as publicUrl + "/link/...": one slash between them, however the setting ends.
        publicUrl = publicUrl.replaceAll("/+$", "");
    }

    static final int MAX_ANSWER = 2000;
    /** The question whose words stay between the child and their reviewing officer: never sent on to the forum. */
    static final String PRIVATE_QUESTION = "private";

    /** Where the child is: the link's review, the version of the questions, the answers so far. */
    record Journey(long linkId, long reviewId, LocalDate reviewDate, String officerName, int childAge,
                   FormDefinition definition, Map<String, ConsultationRepository.Answer> answers, boolean sent, boolean shareWithForum,
                   Instant linkExpiresAt, Long formId, Long officerId) {

        public int answeredCount() {
            return answers.size();
        }

        /** Where a child who comes back carries on: the first question not answered yet, else check your answers. */
        public String resumePath() {
            for (int i = 1; i <= definition.questions().size(); i++) {
                if (!answers.containsKey(definition.question(i).orElseThrow().id())) {
                    return "/consultation/q/" + i;
                }
            }
            return "/consultation/check";
        }
    }

    /** What the officer sees on the review page. */
    record StaffView(ConsultationRepository.LinkRow link, Integer answersSoFar, Integer questionsInForm, FormDefinition definition,
                     ConsultationRepository.Form sent, List<ConsultationRepository.Answer> answers,
                     List<ConsultationRepository.Concern> concerns, boolean privateAnswerHidden) {
    }

    static final String LINK_TEMPLATE = "consultation-link";
    /** The greeting when the officer gave no name: "Hello there". */
    static final String DEFAULT_GREETING = "there";

    // --- links ---------------------------------------------------------------------------------------

    /** A new link for the review (replacing earlier ones); the token is returned once and never stored. */
    public CreatedLink createLink(StaffUser user, Review review) {
        return transactions.write(() -> {
            Instant now = clock.instant();
            Instant expires = LinkExpiry.of(review.date(), now, settings);
            LinkTokens.NewLink link = LinkTokens.newLink();
            long id = repository.insertLink(review.id(), link.hash(), user.accountId(), now, expires);
            audit.record(AuditEvent.of(user, AuditAction.CONSULTATION_LINK_CREATED).child(review.child().id())
                    .review(review.id()).subject("consultation_link", id));
            return new CreatedLink(id, link.token(), expires);
        });
    }

    public record CreatedLink(long id, String token, Instant expiresAt) { }

    /** The review's link with this token, while it can still be used (not replaced, expired or sent). */
    Optional<ConsultationRepository.LinkRow> openLink(Review review, String token) {
        return transactions.write(() -> {
            if (token == null || !LinkTokens.looksValid(token)) {
                return Optional.empty();
            }
            return repository.linkByHash(LinkTokens.hash(token))
                    .filter(link -> link.reviewId() == review.id() && status(link, clock.instant()).isOpen());
        });
    }

    /**
     * Queues the link to the child or carer, by text and/or email, in one transaction with its audit line;
     * false (nothing queued) when the link can no longer be used. The message holds the greeting and the
     * link only; the addresses live in the outbox rows alone, which lose them once sent (or after the
     * recorded-retention period when Notify is not set up).
     */
    boolean sendLink(StaffUser user, Review review, String token, LinkMessageForm.Message to) {
        return transactions.write(() -> {
            if (token == null || !LinkTokens.looksValid(token)) {
                return false;
            }
            Optional<ConsultationRepository.LinkRow> link = repository.lockLinkByHash(LinkTokens.hash(token))
                    .filter(l -> l.reviewId() == review.id() && status(l, clock.instant()).isOpen());
            if (link.isEmpty()) {
                return false;
            }
            long linkId = link.get().id();
            // In the child's language as the case system records it, when a translator has reviewed that language.
            Map<String, String> personalisation = linkWords.personalisation("consultation",
                    repository.preferredLanguage(review.child().id()).orElse(null),
                    to.greeting().isEmpty() ? DEFAULT_GREETING : to.greeting(),
                    publicUrl + "/" + ConsultationLinkKind.NAME + "/link/" + token); // LinkTokens.path, without the kind bean (it needs this service)
            List<String> channels = new ArrayList<>();
            if (to.mobile() != null
                    && outbox.enqueueOnce(new Message(Channel.SMS, to.mobile(), LINK_TEMPLATE, personalisation), "consultation_link", linkId)) {
                channels.add(Channel.SMS.name());
            }
            if (to.email() != null
                    && outbox.enqueueOnce(new Message(Channel.EMAIL, to.email(), LINK_TEMPLATE, personalisation), "consultation_link", linkId)) {
                channels.add(Channel.EMAIL.name());
            }
            if (channels.isEmpty()) {
                return true; // the same message was already queued: a form posted twice sends once
            }
            audit.record(AuditEvent.of(user, AuditAction.CONSULTATION_LINK_SENT).child(review.child().id()).review(review.id())
                    .subject("consultation_link", linkId).detail(Map.of("channels", String.join(",", channels))));
            return true;
        });
    }

    LinkStatus linkStatusByHash(byte[] hash, Instant now) {
        return transactions.write(() -> repository.linkByHash(hash).map(link -> status(link, now)).orElse(LinkStatus.unknown()));
    }

    LinkStatus linkStatus(long linkId, Instant now) {
        return transactions.write(() -> repository.linkById(linkId).map(link -> status(link, now)).orElse(LinkStatus.unknown()));
    }

    private static LinkStatus status(ConsultationRepository.LinkRow link, Instant now) {
        return LinkStatus.of(link.id(), link.sentAt(), link.replacedAt(), link.expiresAt(), now);
    }

    // --- the child's journey -------------------------------------------------------------------------

    /** A page's request: the link's state (with its claim), and the journey when the link is in the state the page shows. */
    record Opened(LinkStatus status, Journey journey) {
    }

    /**
     * A page of the child's form in one transaction: the link's state and claim ({@code status}, whose own
     * transactions join this one), then the journey when the link is in {@code shown} state.
     */
    Opened open(java.util.function.Supplier<LinkStatus> status, LinkStatus.State shown) {
        return transactions.write(() -> {
            LinkStatus link = status.get();
            return new Opened(link, link.state() == shown ? journey(link.linkId()) : null);
        });
    }

    /** Two statements: the link with its review's facts and its form, then the answers so far (when there is a form). */
    Journey journey(long linkId) {
        return transactions.write(() -> {
            ConsultationRepository.JourneyRow row = repository.journeyRow(linkId).orElseThrow();
            int age = org.myview.review.ChildAge.yearsOn(row.dateOfBirth(), row.reviewDate());
            FormDefinition definition = Optional.ofNullable(row.definitionId()).flatMap(definitions::find)
                    .orElseGet(() -> definitions.forAge(age));
            Map<String, ConsultationRepository.Answer> answers = new LinkedHashMap<>();
            if (row.formId() != null) {
                repository.answers(row.formId(), definition.id()).forEach(a -> answers.put(a.questionId(), a));
            }
            return new Journey(linkId, row.reviewId(), row.reviewDate(), row.officerName(), age, definition, answers,
                    row.sentAt() != null, Boolean.TRUE.equals(row.shareWithForum()), row.expiresAt(), row.formId(), row.officerId());
        });
    }

    /** A name for the phone's copy of this form: the same for the link, and telling nothing about it. */
    static String offlineId(long linkId) {
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(("consultation-offline:" + linkId).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(hash, 0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The child chose another age version. Answers to the other version are kept, but not sent. */
    boolean chooseVersion(long linkId, String definitionId) {
        return transactions.write(() -> {
            Optional<FormDefinition> definition = definitions.find(definitionId);
            if (definition.isEmpty()) {
                return false;
            }
            ConsultationRepository.LinkRow link = repository.linkById(linkId).orElseThrow();
            ConsultationRepository.Form form = repository.formCreatingIfAbsent(linkId, link.reviewId(), definitionId);
            repository.setDefinition(form.id(), definitionId);
            return true;
        });
    }

    // --- the officer ---------------------------------------------------------------------------------

    /** The review page's section: the link's state, concerns, and the answers when sent (audited, as are concerns shown). */
    StaffView staffView(StaffUser user, Review review) {
        return transactions.write(() -> {
            List<ConsultationRepository.Concern> concerns = repository.concerns(review.id());
            repository.markConcernsSeen(review.id(), user.accountId(), clock.instant());
            if (!concerns.isEmpty()) { // every view of a page showing a child's talk-now concern is audited
                audit.record(AuditEvent.of(user, AuditAction.CONSULTATION_CONCERN_SEEN).child(review.child().id()).review(review.id()));
            }
            Optional<ConsultationRepository.LinkRow> link = repository.latestLink(review.id());
            Optional<ConsultationRepository.Form> sent = repository.sentForm(review.id());
            Integer soFar = null;
            Integer questionsInForm = null;
            if (link.isPresent() && sent.isEmpty()) {
                Optional<ConsultationRepository.Form> form = repository.formForLink(link.get().id());
                soFar = form.map(f -> repository.answers(f.id(), f.definitionId()).size()).orElse(0);
                // "n of m": m is the version the child is answering (the one for their age until they pick another).
                questionsInForm = form.flatMap(f -> definitions.find(f.definitionId())).map(d -> d.questions().size()).orElse(null);
            }
            FormDefinition definition = null;
            List<ConsultationRepository.Answer> answers = List.of();
            // The private answer never leaves this service for anyone but its readers: not even whether there is one.
            boolean hidden = !PrivateAnswerRule.mayRead(user, review, privateAnswer);
            if (sent.isPresent() && sent.get().answersErasedAt() != null) {
                definition = definitions.find(sent.get().definitionId()).orElseThrow(); // erased (retention): nothing to read or audit
            } else if (sent.isPresent()) {
                definition = definitions.find(sent.get().definitionId()).orElseThrow();
                answers = repository.answers(sent.get().id(), sent.get().definitionId()).stream()
                        .filter(a -> !(hidden && PRIVATE_QUESTION.equals(a.questionId()))).toList();
                audit.record(AuditEvent.of(user, AuditAction.CONSULTATION_ANSWERS_VIEWED).child(review.child().id())
                        .review(review.id()).subject("consultation", sent.get().id()));
                if (CaseFileService.mayFile(user, review)) { // "read before the review" counts the officer who chairs it only
                    repository.recordFirstRead(sent.get().id(), user.accountId(), clock.instant());
                }
            }
            return new StaffView(link.orElse(null), soFar, questionsInForm, definition, sent.orElse(null), answers, concerns, hidden);
        });
    }

    /** Whether the child sent the form for this review (PN6 may fit if they did not attend). */
    public boolean formSent(long reviewId) {
        return transactions.write(() -> repository.sentForm(reviewId).isPresent());
    }
}
