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
import java.util.ArrayList;
import java.util.Collections;
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

    /**
     * The figures of one period, protected together with every other table the forum can read for its financial year
     * (each finished quarter and, once finished, the year): the year minus three quarters must not give the fourth
     * away (docs/forum.md).
     */
    @Transactional(readOnly = true)
    public ForumFigures figures(ForumPeriod period) {
        ForumFigures.Layout layout = ForumFigures.Layout.of(participation.bands(), participation.settings().pn4CountsAsParticipation());
        LocalDate today = today();
        List<int[][]> quarters = new ArrayList<>();
        for (int q = 1; q <= 4; q++) {
            ForumPeriod quarter = ForumPeriod.quarter(period.year(), q);
            if (!quarter.finishedBy(today)) {
                break;
            }
            quarters.add(layout.counts(participation.countsByAge(REVIEWS, quarter.from(), quarter.to())));
        }
        boolean withYear = quarters.size() == 4;
        List<DisclosureControl.ProtectedTable> tables = DisclosureControl.protectYear(quarters, withYear,
                Collections.nCopies(quarters.size() + (withYear ? 1 : 0), null), settings.hideCountsUpTo());
        int index = period.isWholeYear() ? 4 : period.quarter() - 1;
        int[][] counts = period.isWholeYear() ? sum(quarters) : quarters.get(index);
        return ForumFigures.from(period, layout, counts, tables.get(index), settings);
    }

    private static int[][] sum(List<int[][]> quarters) {
        int[][] total = new int[quarters.get(0).length][quarters.get(0)[0].length];
        for (int[][] q : quarters) {
            for (int r = 0; r < total.length; r++) {
                for (int c = 0; c < total[0].length; c++) {
                    total[r][c] += q[r][c];
                }
            }
        }
        return total;
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
