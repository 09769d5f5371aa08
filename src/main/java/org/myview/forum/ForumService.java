package org.myview.forum;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.myview.participation.ParticipationService;
import org.myview.participation.ReviewTypeFilter;
import org.myview.staff.AuditAction;
import org.myview.staff.AuditEvent;
import org.myview.staff.AuditTrail;
import org.myview.staff.StaffUser;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What Reach Out! sees, and the participation lead's work for it. Figures are for reviews of children looked
 * after (CLA): the forum is the Children in Care Council. Disclosure control happens here, before any figure
 * leaves the service.
 */
@Singleton
public class ForumService {

    /** The forum's figures are about children in care. */
    static final ReviewTypeFilter REVIEWS = ReviewTypeFilter.CLA;

    private final ParticipationService participation;
    private final ForumRepository repository;
    private final ForumSettings settings;
    private final AuditTrail audit;

    ForumService(ParticipationService participation, ForumRepository repository, ForumSettings settings, AuditTrail audit) {
        this.participation = participation;
        this.repository = repository;
        this.settings = settings;
        this.audit = audit;
    }

    public LocalDate today() {
        return participation.today();
    }

    public ForumSettings settings() {
        return settings;
    }

    public List<ForumPeriod> periods() {
        return ForumPeriod.offered(today());
    }

    /** The period named by {@code key}, or the latest finished quarter when there is no (valid) key. */
    public ForumPeriod periodOrLatest(String key) {
        return ForumPeriod.parse(key, today()).orElseGet(() -> ForumPeriod.latest(today()));
    }

    public Optional<ForumPeriod> period(String key) {
        return ForumPeriod.parse(key, today());
    }

    @Transactional(readOnly = true)
    public ForumFigures figures(ForumPeriod period) {
        return ForumFigures.of(period, participation.countsByAge(REVIEWS, period.from(), period.to()),
                participation.bands(), participation.settings().pn4CountsAsParticipation(), settings);
    }

    public void recordExport(StaffUser user, String what, ForumPeriod period) {
        audit.record(AuditEvent.of(user, AuditAction.FORUM_EXPORTED).detail(Map.of("export", what, "period", period.key())));
    }

    // ---- children's words ----

    @Transactional(readOnly = true)
    List<ForumRepository.Quote> approvedQuotes() {
        return repository.approved();
    }

    @Transactional(readOnly = true)
    List<ForumRepository.PendingQuote> pendingQuotes() {
        return repository.pending();
    }

    @Transactional(readOnly = true)
    List<ForumRepository.PendingQuote> approvedQuotesForLead() {
        return repository.approvedForLead();
    }

    /** One answer in the queue, for the lead to check; reading a child's words is audited. */
    @Transactional
    Optional<ForumRepository.PendingQuote> openPending(StaffUser lead, long id) {
        Optional<ForumRepository.PendingQuote> quote = repository.pending(id);
        quote.ifPresent(q -> audit.record(AuditEvent.of(lead, AuditAction.CONSULTATION_ANSWERS_VIEWED)
                .subject("forum_quote", id).detail(Map.of("purpose", "forum moderation"))));
        return quote;
    }

    @Transactional
    boolean approve(StaffUser lead, long id, String text) {
        Optional<ForumRepository.PendingQuote> quote = repository.pending(id);
        if (quote.isEmpty() || !repository.approve(id, text.strip(), lead.accountId())) {
            return false;
        }
        boolean edited = !quote.get().text().equals(text.strip());
        audit.record(AuditEvent.of(lead, AuditAction.FORUM_QUOTE_MODERATED).subject("forum_quote", id)
                .detail(Map.of("decision", "approved", "edited", edited)));
        return true;
    }

    /** Rejects a pending answer, or takes an approved one down. */
    @Transactional
    boolean reject(StaffUser lead, long id) {
        if (!repository.reject(id, lead.accountId())) {
            return false;
        }
        audit.record(AuditEvent.of(lead, AuditAction.FORUM_QUOTE_MODERATED).subject("forum_quote", id)
                .detail(Map.of("decision", "rejected")));
        return true;
    }

    // ---- you said, we did ----

    /** What the participation lead types in about one request. */
    record ActionForm(String asked, LocalDate askedOn, String response, ActionStatus status, LocalDate updatedOn) {
    }

    @Transactional(readOnly = true)
    List<ForumRepository.Action> actions() {
        return repository.actions();
    }

    @Transactional(readOnly = true)
    Optional<ForumRepository.Action> action(long id) {
        return repository.action(id);
    }

    @Transactional
    long addAction(StaffUser lead, ActionForm form) {
        long id = repository.insertAction(form.asked(), form.askedOn(), form.response(), form.status(), form.updatedOn(), lead.accountId());
        audit.record(AuditEvent.of(lead, AuditAction.FORUM_ACTION_RECORDED).subject("forum_action", id)
                .detail(Map.of("change", "added", "status", form.status().name())));
        return id;
    }

    @Transactional
    boolean updateAction(StaffUser lead, long id, ActionForm form) {
        if (!repository.updateAction(id, form.asked(), form.askedOn(), form.response(), form.status(), form.updatedOn(), lead.accountId())) {
            return false;
        }
        audit.record(AuditEvent.of(lead, AuditAction.FORUM_ACTION_RECORDED).subject("forum_action", id)
                .detail(Map.of("change", "updated", "status", form.status().name())));
        return true;
    }
}
