package org.myview.forum;

import org.myview.disclosure.DisclosureControl;
import jakarta.inject.Singleton;
import org.myview.participation.AgeBands;
import org.myview.participation.FinancialYear;
import org.myview.participation.ParticipationService;
import org.myview.participation.ReviewTypeFilter;
import org.myview.staff.AuditAction;
import org.myview.staff.AuditEvent;
import org.myview.staff.AuditTrail;
import org.myview.staff.StaffUser;
import org.myview.system.Transactions;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What Reach Out! sees, and the participation lead's work for it. Figures are for reviews of children looked
 * after (CLA): the forum is the Children in Care Council. Disclosure control happens here, before any figure
 * leaves the service.
 */
@Singleton
public record ForumService(ParticipationService participation, ForumRepository repository,
                           ForumPublicationRepository publications, ForumSettings settings, AuditTrail audit, Clock clock,
                           Transactions transactions) {

    /** The forum's figures are about children in care. */
    static final ReviewTypeFilter REVIEWS = ReviewTypeFilter.CLA;

    public LocalDate today() {
        return participation.today();
    }

    public ForumSettings settings() {
        return settings;
    }

    /**
     * The day periods are judged "finished" by for the forum: today less the settling time. A period is visible, and
     * published, once it ended before this day.
     */
    LocalDate publishedBy() {
        return today().minusMonths(settings.settlingMonths());
    }

    public List<ForumPeriod> periods() {
        return ForumPeriod.offered(publishedBy());
    }

    /** The period named by {@code key}, or the latest published quarter when there is no (valid) key. */
    public ForumPeriod periodOrLatest(String key) {
        return period(key).orElseGet(this::latest);
    }

    public ForumPeriod latest() {
        return ForumPeriod.latest(publishedBy());
    }

    public Optional<ForumPeriod> period(String key) {
        return ForumPeriod.parse(key, publishedBy());
    }

    /**
     * The figures of a period as published: the first time anyone asks after the period is due, it is published
     * (with every earlier due period of its financial year); afterwards it is read back unchanged, whatever happens to
     * the reviews. Tables are protected together with every other table of their financial year (docs/forum.md).
     */
    public ForumFigures figures(ForumPeriod period) {
        return transactions.write(() -> {
            publishDue(period.year());
            List<ForumPublicationRepository.Publication> published = publications.ofYear(period.year().startYear());
            ForumPublicationRepository.Publication publication = published.stream()
                    .filter(p -> p.periodKey().equals(period.key())).findFirst()
                    .orElseThrow(() -> new IllegalStateException("A period offered to the forum was not published: " + period.key()));
            Stored stored = stored(publication);
            int[][] inner = new int[stored.grid().length - 1][stored.grid()[0].length - 1];
            for (int r = 0; r < inner.length; r++) {
                System.arraycopy(stored.grid()[r], 0, inner[r], 0, inner[0].length);
            }
            DisclosureControl.ProtectedTable table = DisclosureControl.restore(stored.grid(), stored.hidden(), publication.hideCountsUpTo());
            return ForumFigures.from(period, layout(publication), inner, table, settings)
                    .publishedAt(publication.publishedAt());
        });
    }

    /** A published table as stored: the grid with totals and which of its cells are hidden. */
    private record Stored(int[][] grid, boolean[][] hidden) {
    }

    private Stored stored(ForumPublicationRepository.Publication publication) {
        ForumFigures.Layout layout = layout(publication);
        int[][] grid = new int[layout.bands().size() + 1][layout.methods().size() + 1];
        boolean[][] hidden = new boolean[grid.length][grid[0].length];
        for (ForumPublicationRepository.PublishedCell cell : publications.cells(publication.periodKey())) {
            grid[cell.rowIndex()][cell.columnIndex()] = cell.count();
            hidden[cell.rowIndex()][cell.columnIndex()] = cell.hidden();
        }
        return new Stored(grid, hidden);
    }

    private static ForumFigures.Layout layout(ForumPublicationRepository.Publication publication) {
        return ForumFigures.Layout.of(AgeBands.parse(publication.ageBands()), publication.pn4Counts());
    }

    /**
     * Publishes every due period of a financial year not yet published, in order: Q1, Q2, Q3 each alone, then Q4
     * with the year. Each new table is protected together with the frozen ones, and the year is the sum of the
     * quarters as published (a late review of a published quarter reaches no figure of the forum). Safe with several
     * instances: the period's primary key is claimed first; an instance that finds it taken stops, and the figures
     * of whoever published first stand.
     */
    private void publishDue(FinancialYear year) {
        LocalDate by = publishedBy();
        for (int q = 1; q <= 4; q++) {
            ForumPeriod quarter = ForumPeriod.quarter(year, q);
            if (!quarter.finishedBy(by)) {
                return;
            }
            List<ForumPublicationRepository.Publication> published = publications.ofYear(year.startYear());
            if (published.stream().anyMatch(p -> p.periodKey().equals(quarter.key()))) {
                continue;
            }
            if (!publish(year, q, published)) {
                return; // another instance is publishing this year; what it commits is what the forum sees
            }
        }
    }

    private boolean publish(FinancialYear year, int newQuarter, List<ForumPublicationRepository.Publication> frozenOnes) {
        // A year keeps the layout and threshold it was first published with, so its tables stay one system.
        ForumPublicationRepository.Publication first = frozenOnes.isEmpty() ? null : frozenOnes.get(0);
        String ageBands = first == null ? participation.bands().lowerBounds().stream().map(String::valueOf)
                .collect(java.util.stream.Collectors.joining(",")) : first.ageBands();
        boolean pn4 = first == null ? participation.settings().pn4CountsAsParticipation() : first.pn4Counts();
        int threshold = Math.max(settings.hideCountsUpTo(), first == null ? 0 : first.hideCountsUpTo());
        ForumFigures.Layout layout = ForumFigures.Layout.of(AgeBands.parse(ageBands), pn4);

        List<int[][]> quarters = new ArrayList<>();
        List<boolean[][]> frozen = new ArrayList<>();
        for (ForumPublicationRepository.Publication p : frozenOnes) {
            Stored stored = stored(p);
            int[][] inner = new int[stored.grid().length - 1][stored.grid()[0].length - 1];
            for (int r = 0; r < inner.length; r++) {
                System.arraycopy(stored.grid()[r], 0, inner[r], 0, inner[0].length);
            }
            quarters.add(inner);
            frozen.add(stored.hidden());
        }
        if (quarters.size() != newQuarter - 1) {
            throw new IllegalStateException("Quarters of " + year.label() + " must be published in order");
        }
        ForumPeriod quarter = ForumPeriod.quarter(year, newQuarter);
        quarters.add(layout.counts(participation.countsByAge(REVIEWS, quarter.from(), quarter.to())));
        frozen.add(null);
        boolean withYear = newQuarter == 4;
        if (withYear) {
            frozen.add(null);
        }
        List<DisclosureControl.ProtectedTable> tables = DisclosureControl.protectYear(quarters, withYear, frozen, threshold);
        Instant now = Instant.now(clock);
        if (!store(quarter, year, newQuarter, tables.get(newQuarter - 1), quarters.get(newQuarter - 1), now, threshold, ageBands, pn4)) {
            return false;
        }
        if (withYear) {
            int[][] sum = new int[quarters.get(0).length][quarters.get(0)[0].length];
            for (int[][] q : quarters) {
                for (int r = 0; r < sum.length; r++) {
                    for (int c = 0; c < sum[0].length; c++) {
                        sum[r][c] += q[r][c];
                    }
                }
            }
            store(ForumPeriod.wholeYear(year), year, 0, tables.get(4), sum, now, threshold, ageBands, pn4);
        }
        return true;
    }

    private boolean store(ForumPeriod period, FinancialYear year, int quarter, DisclosureControl.ProtectedTable table,
                          int[][] counts, Instant now, int threshold, String ageBands, boolean pn4) {
        if (publications.insertPublication(period.key(), year.startYear(), quarter, now, threshold, ageBands, pn4) == 0) {
            return false;
        }
        int[][] grid = DisclosureControl.withTotals(counts);
        boolean[][] hidden = table.hiddenGrid();
        for (int r = 0; r < grid.length; r++) {
            for (int c = 0; c < grid[0].length; c++) {
                publications.insertCell(period.key(), r, c, grid[r][c], hidden[r][c]);
            }
        }
        return true;
    }

    public void recordExport(StaffUser user, String what, ForumPeriod period) {
        audit.record(AuditEvent.of(user, AuditAction.FORUM_EXPORTED).detail(Map.of("export", what, "period", period.key())));
    }

    // ---- children's words ----

    List<ForumRepository.Quote> approvedQuotes() {
        return transactions.read(() -> repository.approved());
    }

    List<ForumRepository.PendingQuote> pendingQuotes() {
        return transactions.read(() -> repository.pending());
    }

    List<ForumRepository.PendingQuote> approvedQuotesForLead() {
        return transactions.read(() -> repository.approvedForLead());
    }

    /** One answer in the queue, for the lead to check; reading a child's words is audited. */
    Optional<ForumRepository.PendingQuote> openPending(StaffUser lead, long id) {
        return transactions.write(() -> {
            Optional<ForumRepository.PendingQuote> quote = repository.pending(id);
            quote.ifPresent(q -> audit.record(AuditEvent.of(lead, AuditAction.CONSULTATION_ANSWERS_VIEWED)
                    .subject("forum_quote", id).detail(Map.of("purpose", "forum moderation"))));
            return quote;
        });
    }

    boolean approve(StaffUser lead, long id, String text) {
        return transactions.write(() -> {
            Optional<ForumRepository.PendingQuote> quote = repository.pending(id);
            if (quote.isEmpty() || !repository.approve(id, text.strip(), lead.accountId())) {
                return false;
            }
            boolean edited = !quote.get().text().equals(text.strip());
            audit.record(AuditEvent.of(lead, AuditAction.FORUM_QUOTE_MODERATED).subject("forum_quote", id)
                    .detail(Map.of("decision", "approved", "edited", edited)));
            return true;
        });
    }

    /**
     * Retention: a child's words left unchecked past {@code pendingRetention} are rejected, keeping no text; the
     * lead had that long to decide. Audited as a count. Returns how many.
     */
    int expirePending(java.time.Duration pendingRetention) {
        return transactions.write(() -> {
            Instant now = Instant.now(clock);
            int expired = repository.expirePending(now.minus(pendingRetention), now);
            if (expired > 0) {
                audit.record(AuditEvent.of(null, AuditAction.RETENTION_ERASED).subject("forum_quote", "pending")
                        .detail(Map.of("rows", expired, "fields", "original_text")));
            }
            return expired;
        });
    }

    /** Rejects a pending answer, or takes an approved one down. */
    boolean reject(StaffUser lead, long id) {
        return transactions.write(() -> {
            if (!repository.reject(id, lead.accountId())) {
                return false;
            }
            audit.record(AuditEvent.of(lead, AuditAction.FORUM_QUOTE_MODERATED).subject("forum_quote", id)
                    .detail(Map.of("decision", "rejected")));
            return true;
        });
    }

    // ---- you said, we did ----
}
