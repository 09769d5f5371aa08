package org.myview.listened;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.myview.consultation.ConsultationLinks;
import org.myview.notify.Channel;
import org.myview.notify.Message;
import org.myview.notify.Outbox;
import org.myview.review.Review;
import org.myview.review.ReviewType;
import org.myview.staff.AuditAction;
import org.myview.staff.AuditEvent;
import org.myview.staff.AuditTrail;
import org.myview.staff.StaffUser;
import org.myview.system.Transactions;
import org.myview.web.link.LinkStatus;
import org.myview.web.link.LinkTokens;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * "Were you listened to?" (issue 15, item 6): the follow-up links an officer gives a child and, for a child
 * protection review, its parents once the review's participation is recorded; the three optional questions;
 * sending once. docs/listened.md.
 */
@Singleton
public class ListenedService {

    static final String CHILD = "CHILD";
    static final String PARENT = "PARENT";
    static final String TEMPLATE = "listened-link";

    private final ListenedRepository repository;
    private final ConsultationLinks consultationLinks;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final Clock clock;
    private final Duration linkLifetime;
    private final String publicUrl;
    private final Transactions transactions;

    ListenedService(ListenedRepository repository, ConsultationLinks consultationLinks, Outbox outbox, AuditTrail audit, Clock clock,
                    @Value("${myview.listened.link-days:14}") int linkDays,
                    @Value("${myview.notify.public-url:`http://localhost:8080`}") String publicUrl, Transactions transactions) {
        this.repository = repository;
        this.consultationLinks = consultationLinks;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
        this.linkLifetime = Duration.ofDays(linkDays);
        this.publicUrl = publicUrl.replaceAll("/+$", "");
        this.transactions = transactions;
    }

    /** Where the child (and the parents) stand for this review, for the review page. */
    record ReviewState(boolean recorded, boolean childMayBeAsked, boolean childAnswered, boolean parentsMayBeAsked,
                       List<ListenedRepository.Link> links) {
    }

    ReviewState state(Review review) {
        return transactions.read(() -> {
            boolean recorded = review.participation() != null;
            boolean childAnswered = repository.childAnswered(review.id());
            return new ReviewState(recorded, recorded && !childAnswered && consultationLinks.hadLink(review.id()), childAnswered,
                    recorded && isChildProtection(review), repository.forReview(review.id()));
        });
    }

    static boolean isChildProtection(Review review) {
        return review.type() == ReviewType.CP_INITIAL || review.type() == ReviewType.CP_REVIEW;
    }

    record CreatedLink(long id, String respondent, String url, Instant expiresAt) {
    }

    /** A new follow-up link, or empty when this respondent may not be asked for this review (not yet, or already). */
    Optional<CreatedLink> createLink(StaffUser user, Review review, String respondent) {
        return transactions.write(() -> {
            ReviewState state = state(review);
            boolean allowed = CHILD.equals(respondent) ? state.childMayBeAsked() : PARENT.equals(respondent) && state.parentsMayBeAsked();
            if (!allowed) {
                return Optional.empty();
            }
            Instant now = clock.instant();
            if (CHILD.equals(respondent)) {
                repository.replaceChildLinks(review.id(), now);
            }
            LinkTokens.NewLink link = LinkTokens.newLink();
            Instant expires = now.plus(linkLifetime);
            long id = repository.insert(review.id(), respondent, link.hash(), user.accountId(), now, expires);
            audit.record(AuditEvent.of(user, AuditAction.LISTENED_LINK_CREATED).child(review.child().id()).review(review.id())
                    .subject("listened_link", id).detail(Map.of("respondent", respondent)));
            return Optional.of(new CreatedLink(id, respondent, url(link.token()), expires));
        });
    }

    String url(String token) {
        return publicUrl + "/" + ListenedLinkKind.NAME + "/link/" + token;
    }

    /** Queues the link by text and/or email (the addresses live only in the outbox rows); false when the link is not this review's open one. */
    boolean sendLink(StaffUser user, Review review, String token, String mobile, String email) {
        return transactions.write(() -> {
            if (token == null || !LinkTokens.looksValid(token)) {
                return false;
            }
            Optional<ListenedRepository.Link> link = repository.lockByHash(LinkTokens.hash(token))
                    .filter(l -> l.reviewId() == review.id() && status(l, clock.instant()).isOpen());
            if (link.isEmpty()) {
                return false;
            }
            Map<String, String> personalisation = Map.of("link", url(token));
            List<String> channels = new ArrayList<>();
            if (mobile != null && outbox.enqueueOnce(new Message(Channel.SMS, mobile, TEMPLATE, personalisation), "listened_link", link.get().id())) {
                channels.add(Channel.SMS.name());
            }
            if (email != null && outbox.enqueueOnce(new Message(Channel.EMAIL, email, TEMPLATE, personalisation), "listened_link", link.get().id())) {
                channels.add(Channel.EMAIL.name());
            }
            if (!channels.isEmpty()) {
                audit.record(AuditEvent.of(user, AuditAction.LISTENED_LINK_SENT).child(review.child().id()).review(review.id())
                        .subject("listened_link", link.get().id()).detail(Map.of("channels", String.join(",", channels))));
            }
            return true;
        });
    }

    // --- the link, for web/link ------------------------------------------------------------------------

    LinkStatus statusByHash(byte[] hash, Instant now) {
        return transactions.read(() -> repository.byHash(hash).map(l -> status(l, now)).orElse(LinkStatus.unknown()));
    }

    LinkStatus statusById(long id, Instant now) {
        return transactions.read(() -> repository.byId(id).map(l -> status(l, now)).orElse(LinkStatus.unknown()));
    }

    private static LinkStatus status(ListenedRepository.Link link, Instant now) {
        return LinkStatus.of(link.id(), link.sentAt(), link.replacedAt(), link.expiresAt(), now);
    }

    // --- the form -------------------------------------------------------------------------------------

    record Journey(ListenedRepository.Link link, LocalDate reviewDate) {

        boolean isChild() {
            return CHILD.equals(link.respondent());
        }

        /** The saved answer to a question: a choice ("skipped" for "I'd rather not say"), the text, or null. */
        String answer(ListenedQuestions.Question question) {
            return switch (question.id()) {
                case "listened" -> link.listened();
                case "understood" -> link.understood();
                default -> link.anythingElse();
            };
        }
    }

    Journey journey(long linkId) {
        return transactions.read(() -> {
            ListenedRepository.Link link = repository.byId(linkId).orElseThrow();
            return new Journey(link, repository.reviewDate(link.reviewId()).orElseThrow());
        });
    }

    /** Saves one answer as its question's kind checked it ({@code stored} null: none). */
    void answer(long linkId, ListenedQuestions.Question question, String stored) {
        transactions.run(() -> {
            switch (question.id()) {
                case "listened" -> repository.saveListened(linkId, stored);
                case "understood" -> repository.saveUnderstood(linkId, stored);
                default -> repository.saveAnythingElse(linkId, stored);
            }
        });
    }

    /** Sends once: a double tap or a retry changes nothing, and a child's second answer for a review is refused. */
    boolean send(long linkId) {
        return transactions.write(() -> repository.markSent(linkId, clock.instant()) == 1);
    }

    List<ListenedRepository.Answered> answered(LocalDate first, LocalDate last) {
        return transactions.read(() -> repository.answered(first, last));
    }

    Instant now() {
        return clock.instant();
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }
}
