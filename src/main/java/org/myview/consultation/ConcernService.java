package org.myview.consultation;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.myview.notify.Channel;
import org.myview.notify.Message;
import org.myview.notify.Outbox;
import org.myview.review.ReviewService;
import org.myview.staff.AuditAction;
import org.myview.staff.AuditEvent;
import org.myview.staff.AuditTrail;
import org.myview.staff.Role;
import org.myview.staff.StaffAccount;
import org.myview.staff.StaffAccountService;
import org.myview.staff.StaffUser;
import org.myview.system.Transactions;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * "I want to talk to someone now" as a closed loop (docs/consultation.md, "Talk now"). The child confirms
 * and may say how and when to be contacted; the concern goes at once to their reviewing officer and the
 * duty inbox (and the out-of-hours inbox when the office is closed). It stays open until a member of staff
 * records that the child was spoken to or passed on; until then it is sent on again to the duty inbox and
 * the service managers every {@code escalate-after}. Messages hold a link to the concern page only.
 */
@Singleton
record ConcernService(ConcernRepository concerns, ConsultationRepository consultations, TalkNowSettings settings,
                      Outbox outbox, AuditTrail audit, ReviewService reviews, StaffAccountService accounts,
                      @Value("${myview.notify.public-url:`http://localhost:8080`}") String publicUrl, Clock clock,
                      Transactions transactions) {

    ConcernService {
        // Links are built as publicUrl + "/...": one slash between them, however the setting ends.
        publicUrl = publicUrl.replaceAll("/+$", "");
    }

    static final String RAISED_TEMPLATE = "consultation-concern";
    static final String ESCALATED_TEMPLATE = "consultation-concern-escalated";
    static final String SUBJECT = "consultation_concern";
    private static final int CLAIM_LIMIT = 100;

    /** A concern's page: the concern, its contacts and escalations, and whether this person may record a contact. */
    record Page(ConcernRepository.Row concern, List<ConcernRepository.Contact> contacts,
                List<ConcernRepository.Escalation> escalations) {
    }

    Instant now() {
        return clock.instant();
    }

    // --- the child ------------------------------------------------------------------------------------

    Optional<ConcernRepository.Row> openForLink(long linkId) {
        return transactions.write(() -> concerns.openForLink(linkId));
    }

    /**
     * Raises the concern and queues its messages in one transaction. The link's row lock makes two presses
     * at the same moment take turns; while the link has an open concern, pressing again raises nothing new.
     */
    long raise(long linkId, TalkNowChoices choices) {
        return transactions.write(() -> {
            ConsultationRepository.LinkRow link = consultations.lockLinkById(linkId).orElseThrow();
            Optional<ConcernRepository.Row> open = concerns.openForLink(linkId);
            if (open.isPresent()) {
                return open.get().id();
            }
            Instant now = clock.instant();
            long id = concerns.insert(link.reviewId(), linkId, now, choices.waysText(),
                    choices.safeTime() == null ? null : choices.safeTime().name(), choices.notThroughCarer(),
                    choices.message().isEmpty() ? null : choices.message(), now.plus(settings.escalateAfter()));
            ConsultationRepository.ReviewFacts facts = consultations.reviewFacts(link.reviewId()).orElseThrow();
            Set<String> to = new LinkedHashSet<>();
            officerEmail(facts.officerId()).ifPresent(to::add);
            if (settings.hasDutyInbox()) {
                to.add(settings.dutyInbox().trim());
            }
            boolean outOfHours = !settings.officeOpenAt(now);
            if (outOfHours && settings.hasOutOfHoursInbox()) {
                to.add(settings.outOfHoursInbox().trim());
            }
            queue(to, RAISED_TEMPLATE, id);
            audit.record(AuditEvent.of(null, AuditAction.CONSULTATION_CONCERN_RAISED).child(facts.childId()).review(link.reviewId())
                    .subject(SUBJECT, id).detail(Map.of("messages", to.size(), "outOfHours", outOfHours)));
            return id;
        });
    }

    /** The reviewing officer's email, when the review has an officer whose account is in use and has one. */
    private Optional<String> officerEmail(Long officerId) {
        return Optional.ofNullable(officerId).flatMap(accounts::find)
                .filter(a -> !a.disabled() && a.email() != null && !a.email().isBlank()).map(StaffAccount::email);
    }

    // --- escalation -----------------------------------------------------------------------------------

    /**
     * Sends on every open concern whose time has come, to the duty inbox and the service managers (and the
     * out-of-hours inbox when the office is closed), and sets its next time one period on. Claim, messages
     * and audit lines commit together; any number of instances can run this at once (SKIP LOCKED).
     * Returns how many concerns were escalated.
     */
    int escalateDue() {
        return transactions.write(() -> {
            Instant now = clock.instant();
            List<ConcernRepository.Claimed> due = concerns.claimDue(now, CLAIM_LIMIT);
            if (due.isEmpty()) {
                return 0;
            }
            concerns.moveOn(due.stream().map(ConcernRepository.Claimed::id).toList(), now.plus(settings.escalateAfter()));
            boolean outOfHours = !settings.officeOpenAt(now);
            Set<String> to = new LinkedHashSet<>();
            if (settings.hasDutyInbox()) {
                to.add(settings.dutyInbox().trim());
            }
            for (StaffAccount manager : accounts.withRole(Role.SERVICE_MANAGER)) {
                if (!manager.disabled() && manager.email() != null && !manager.email().isBlank()) {
                    to.add(manager.email().trim());
                }
            }
            if (outOfHours && settings.hasOutOfHoursInbox()) {
                to.add(settings.outOfHoursInbox().trim());
            }
            for (ConcernRepository.Claimed concern : due) {
                concerns.insertEscalation(concern.id(), concern.escalations(), now, outOfHours);
                queue(to, ESCALATED_TEMPLATE, concern.id());
                audit.record(AuditEvent.of(null, AuditAction.CONSULTATION_CONCERN_ESCALATED).review(concern.reviewId())
                        .subject(SUBJECT, concern.id()).detail(Map.of("number", concern.escalations(), "messages", to.size(),
                                "outOfHours", outOfHours)));
            }
            return due.size();
        });
    }

    private void queue(Set<String> addresses, String template, long concernId) {
        Map<String, String> personalisation = Map.of("link", publicUrl + "/concerns/" + concernId);
        for (String address : addresses) {
            outbox.enqueue(new Message(Channel.EMAIL, address, template, personalisation), SUBJECT, concernId);
        }
    }

    // --- staff ----------------------------------------------------------------------------------------

    /** The duty team and the managers see every concern; an officer those of the reviews they may open. */
    static boolean seesAll(StaffUser user) {
        return user.has(Role.DUTY) || user.has(Role.SERVICE_MANAGER);
    }

    /** Open concerns (oldest first) and those closed in the last week; the view is audited. */
    Lists list(StaffUser user) {
        return transactions.write(() -> {
            List<ConcernRepository.Row> open = concerns.open(null);
            List<ConcernRepository.Row> closed = concerns.closedSince(clock.instant().minus(Duration.ofDays(7)));
            audit.record(AuditEvent.of(user, AuditAction.CONSULTATION_CONCERNS_LISTED).detail(Map.of("open", open.size())));
            return new Lists(open, closed);
        });
    }

    record Lists(List<ConcernRepository.Row> open, List<ConcernRepository.Row> closed) {
    }

    /** Open concerns on this officer's reviews (every review for those who see all), for the review list. */
    List<ConcernRepository.Row> openFor(StaffUser user) {
        return transactions.write(() -> concerns.open(seesAll(user) || user.seesAllReviews() ? null : user.accountId()));
    }

    List<ConcernRepository.Row> forReview(long reviewId) {
        return transactions.write(() -> concerns.forReview(reviewId));
    }

    /** The concern if this person may see it; the view is audited. Opening it never closes it. */
    Optional<Page> page(StaffUser user, long id) {
        return transactions.write(() -> {
            Optional<ConcernRepository.Row> found = concerns.find(id).filter(row -> maySee(user, row));
            found.ifPresent(row -> audit.record(AuditEvent.of(user, AuditAction.CONSULTATION_CONCERN_VIEWED)
                    .child(row.childId()).review(row.reviewId()).subject(SUBJECT, row.id())));
            return found.map(row -> new Page(row, concerns.contacts(id), concerns.escalations(id)));
        });
    }

    /**
     * Records a contact; SPOKE and PASSED_ON close the concern (and stop its escalation), NOT_REACHED keeps it
     * open. The row lock makes two people recording at once take turns. Empty when the person may not see it.
     */
    Optional<Boolean> record(StaffUser user, long id, ConcernOutcomeForm.Contact contact) {
        return transactions.write(() -> {
            if (concerns.lock(id).isEmpty()) {
                return Optional.empty();
            }
            Optional<ConcernRepository.Row> found = concerns.find(id).filter(row -> maySee(user, row));
            if (found.isEmpty()) {
                return Optional.empty();
            }
            Instant now = clock.instant();
            concerns.insertContact(id, contact.contactedBy(), contact.contactedAt(), contact.how(), contact.result(), contact.note(),
                    user.accountId(), now);
            boolean closed = ConcernOutcomeForm.CLOSING.contains(contact.result()) && concerns.close(id, now) == 1;
            audit.record(AuditEvent.of(user, AuditAction.CONSULTATION_CONCERN_CONTACT_RECORDED).child(found.get().childId())
                    .review(found.get().reviewId()).subject(SUBJECT, id)
                    .detail(Map.of("result", contact.result(), "how", contact.how(), "closed", closed)));
            return Optional.of(closed);
        });
    }

    private boolean maySee(StaffUser user, ConcernRepository.Row row) {
        return seesAll(user) || reviews.find(user, row.reviewId()).isPresent();
    }
}
