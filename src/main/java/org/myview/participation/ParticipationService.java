package org.myview.participation;

import org.myview.review.ParticipationMethod;
import jakarta.inject.Singleton;
import org.myview.staff.AuditAction;
import org.myview.staff.AuditEvent;
import org.myview.staff.AuditTrail;
import org.myview.staff.StaffUser;
import org.myview.system.Transactions;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The participation figures the Reviewing Service Manager reports every month: the seed's table by
 * month, quarter and year to date, the same by age band, and the targets with their RAG rating.
 */
@Singleton
public record ParticipationService(ParticipationRepository repository, ParticipationSettings settings, AuditTrail audit,
                                   Clock clock, TargetQuarters otherQuarters, Transactions transactions) {

    /** What the figures are about. A null age band means every age; a null officer means every officer. */
    public record Filters(FinancialYear year, ReviewTypeFilter type, AgeBand ageBand, Long officerId) {
    }

    /** A column of the table: a month, a quarter or the year to date. */
    public record Column(String key, String label, Counts counts, boolean month) {
    }

    /** The table: its columns, in order, and how the figures were counted. */
    public record Table(Filters filters, List<Column> columns, boolean pn4CountsAsParticipation, long notRecorded) {

        public Counts.Figure figure(TableRow row, Column column) {
            return row.figure(column.counts(), pn4CountsAsParticipation);
        }

        public List<Column> months() {
            return columns.stream().filter(Column::month).toList();
        }
    }

    /** One age band's figures for the year. */
    public record AgeRow(AgeBand ageBand, Counts counts) {
    }

    /** A target and how the figures stand against it, quarter by quarter. */
    public record TargetStatus(long id, Measure measure, ReviewTypeFilter types, BigDecimal baseline, BigDecimal target,
                               BigDecimal tolerance, List<BigDecimal> quarters, String latestQuarter, BigDecimal latest,
                               RagResult rag) {
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public AgeBands bands() {
        return settings.bands();
    }

    public Table table(Filters filters) {
        return transactions.read(() -> {
            Map<YearMonth, Counts> byMonth = repository.byMonth(slice(filters, filters.year().months().get(0), filters.year().months().get(11)));
            return new Table(filters, columns(filters.year(), byMonth), settings.pn4CountsAsParticipation(),
                    repository.notRecorded(slice(filters, filters.year().months().get(0), filters.year().months().get(11)), today()));
        });
    }

    /** Counts per month for any range of months (the JSON summary). */
    public Map<YearMonth, Counts> months(ReviewTypeFilter type, YearMonth from, YearMonth to) {
        return transactions.read(() -> {
            Map<YearMonth, Counts> found = repository.byMonth(new ParticipationRepository.Slice(from.atDay(1), to.atDay(1),
                    type.names(), 0, 200, null));
            Map<YearMonth, Counts> all = new LinkedHashMap<>();
            for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
                all.put(month, found.getOrDefault(month, Counts.NONE));
            }
            return all;
        });
    }

    /**
     * Counts per age in whole years for a range of whole months, all officers (read-only; the forum's figures,
     * which it protects with disclosure control before anyone sees them).
     */
    public Map<Integer, Counts> countsByAge(ReviewTypeFilter type, YearMonth from, YearMonth to) {
        return transactions.read(() -> repository.byAge(new ParticipationRepository.Slice(from.atDay(1), to.atDay(1), type.names(), 0, 200, null)));
    }

    public List<AgeRow> byAgeBand(Filters filters) {
        return transactions.read(() -> {
            Map<Integer, Counts> byAge = repository.byAge(slice(new Filters(filters.year(), filters.type(), null, filters.officerId()),
                    filters.year().months().get(0), filters.year().months().get(11)));
            List<AgeRow> rows = new ArrayList<>();
            for (AgeBand band : bands().bands()) {
                Counts sum = Counts.NONE;
                for (Map.Entry<Integer, Counts> age : byAge.entrySet()) {
                    if (band.contains(age.getKey())) {
                        sum = sum.plus(age.getValue());
                    }
                }
                rows.add(new AgeRow(band, sum));
            }
            return rows;
        });
    }

    /**
     * The whole service as a reviewing officer may see it beside their own figures: every type and age together, by
     * quarter, with the part that is not the officer's own protected (ServiceComparison, docs/forum.md).
     */
    public ServiceComparison serviceComparison(FinancialYear year, long officerId) {
        return transactions.read(() -> {
            Filters service = new Filters(year, ReviewTypeFilter.ALL, null, null);
            Filters own = new Filters(year, ReviewTypeFilter.ALL, null, officerId);
            return ServiceComparison.of(year, byQuarterAndCode(service), byQuarterAndCode(own), settings.pn4CountsAsParticipation(),
                    bands().bands(), myReviewMyView(service), myReviewMyView(own));
        });
    }

    /** Reviews by quarter (rows) and PN code (PN0 to PN7). */
    private int[][] byQuarterAndCode(Filters filters) {
        FinancialYear year = filters.year();
        Map<YearMonth, Counts> byMonth = repository.byMonth(slice(filters, year.months().get(0), year.months().get(11)));
        int[][] counts = new int[4][ParticipationMethod.values().length];
        for (int q = 1; q <= 4; q++) {
            for (YearMonth month : year.monthsOfQuarter(q)) {
                Counts c = byMonth.getOrDefault(month, Counts.NONE);
                for (ParticipationMethod m : ParticipationMethod.values()) {
                    counts[q - 1][m.ordinal()] = Math.addExact(counts[q - 1][m.ordinal()], Math.toIntExact(c.of(m)));
                }
            }
        }
        return counts;
    }

    /** My Review My View for the filters' year, types, age band and officer: Q1 to Q4, then the year to date. */
    public MyReviewMyView myReviewMyView(Filters filters) {
        return transactions.read(() -> {
            FinancialYear year = filters.year();
            List<ParticipationRepository.MrmvGroup> groups = repository.myReviewMyView(
                    slice(filters, year.months().get(0), year.months().get(11)), today());
            List<AgeBand> bands = filters.ageBand() == null ? bands().bands() : List.of(filters.ageBand());
            List<MyReviewMyView.Column> columns = new ArrayList<>();
            for (int q = 1; q <= 5; q++) {
                long completed = 0;
                long first = 0;
                long held = 0;
                long sent = 0;
                long[] byBand = new long[bands.size()];
                Map<String, Long> byChannel = new java.util.HashMap<>();
                for (ParticipationRepository.MrmvGroup group : groups) {
                    if (q <= 4 && group.quarter() != q) {
                        continue;
                    }
                    completed += group.completed();
                    if (group.channel() != null) {
                        byChannel.merge(group.channel(), group.completed(), Long::sum);
                    }
                    held += group.held();
                    sent += group.formSent();
                    if (group.firstOfType()) {
                        first += group.completed();
                    }
                    for (int b = 0; b < bands.size(); b++) {
                        if (bands.get(b).contains(group.age())) {
                            byBand[b] += group.completed();
                        }
                    }
                }
                String key = q <= 4 ? "Q" + q : "YTD";
                columns.add(new MyReviewMyView.Column(key, key, completed, java.util.Arrays.stream(byBand).boxed().toList(),
                        first, held, sent, byChannel));
            }
            return new MyReviewMyView(filters, bands, columns);
        });
    }

    public List<TargetStatus> targets(FinancialYear year) {
        return transactions.read(() -> {
            List<TargetStatus> statuses = new ArrayList<>();
            YearMonth lastMonth = YearMonth.from(today());
            for (ParticipationRepository.TargetRow target : repository.targets()) {
                Map<YearMonth, Counts> byMonth = repository.byMonth(new ParticipationRepository.Slice(year.months().get(0).atDay(1),
                        year.months().get(11).atDay(1), target.types().names(), 0, 200, null));
                Filters all = new Filters(year, target.types(), null, null);
                List<BigDecimal> quarters = target.measure().fromCodes() ? new ArrayList<>()
                        : otherQuarters.of(target.measure(), all, lastMonth, () -> myReviewMyView(all));
                for (int q = 1; q <= 4 && target.measure().fromCodes(); q++) {
                    Counts sum = Counts.NONE;
                    for (YearMonth month : year.monthsOfQuarter(q)) {
                        sum = sum.plus(byMonth.getOrDefault(month, Counts.NONE));
                    }
                    boolean started = !year.monthsOfQuarter(q).get(0).isAfter(lastMonth);
                    quarters.add(started && !sum.isEmpty() ? target.measure().value(sum, settings.pn4CountsAsParticipation()) : null);
                }
                int latest = -1;
                for (int q = 3; q >= 0; q--) {
                    if (quarters.get(q) != null) {
                        latest = q;
                        break;
                    }
                }
                RagRating.Measure measure = new RagRating.Measure(target.target(), target.tolerance(), target.measure().direction(),
                        target.measure().isPercentage() ? RagRating.Unit.PERCENT : RagRating.Unit.NUMBER);
                BigDecimal current = latest < 0 ? null : quarters.get(latest);
                BigDecimal previous = latest <= 0 ? target.baseline() : quarters.get(latest - 1);
                statuses.add(new TargetStatus(target.id(), target.measure(), target.types(), target.baseline(), target.target(),
                        target.tolerance(), quarters, latest < 0 ? null : "Q" + (latest + 1), current,
                        RagRating.rate(measure, current, previous)));
            }
            return statuses;
        });
    }

    public void saveTarget(StaffUser user, Measure measure, ReviewTypeFilter types, BigDecimal baseline, BigDecimal target, BigDecimal tolerance) {
        transactions.run(() -> {
            repository.saveTarget(measure.name(), types.name(), baseline, target, tolerance, user.accountId());
        });
    }

    public void deleteTarget(long id) {
        transactions.run(() -> {
            repository.deleteTarget(id);
        });
    }

    public void recordExport(StaffUser user, String what, Filters filters) {
        audit.record(AuditEvent.of(user, AuditAction.DASHBOARD_EXPORTED).detail(Map.of("export", what,
                "year", filters.year().label(), "type", filters.type().name(),
                "band", filters.ageBand() == null ? "all" : filters.ageBand().key(),
                "officer", filters.officerId() == null ? "all" : String.valueOf(filters.officerId()))));
    }

    private static ParticipationRepository.Slice slice(Filters filters, YearMonth from, YearMonth to) {
        int ageFrom = filters.ageBand() == null ? 0 : filters.ageBand().from();
        int ageTo = filters.ageBand() == null || filters.ageBand().toInclusive() == null ? 200 : filters.ageBand().toInclusive();
        return new ParticipationRepository.Slice(from.atDay(1), to.atDay(1), filters.type().names(), ageFrom, ageTo, filters.officerId());
    }

    private List<Column> columns(FinancialYear year, Map<YearMonth, Counts> byMonth) {
        List<Column> columns = new ArrayList<>();
        for (YearMonth month : year.months()) {
            columns.add(new Column(month.toString(), month.getMonth().getDisplayName(java.time.format.TextStyle.SHORT, java.util.Locale.UK),
                    byMonth.getOrDefault(month, Counts.NONE), true));
        }
        YearMonth current = YearMonth.from(today());
        Counts yearToDate = Counts.NONE;
        for (int q = 1; q <= 4; q++) {
            Counts quarter = Counts.NONE;
            for (YearMonth month : year.monthsOfQuarter(q)) {
                Counts counts = byMonth.getOrDefault(month, Counts.NONE);
                quarter = quarter.plus(counts);
                if (!month.isAfter(current)) {
                    yearToDate = yearToDate.plus(counts);
                }
            }
            columns.add(new Column("Q" + q, "Q" + q, quarter, false));
        }
        columns.add(new Column("YTD", "YTD", yearToDate, false));
        return columns;
    }
}
