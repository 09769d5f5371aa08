package org.myview.participation;

import jakarta.inject.Singleton;
import org.myview.consultation.ConcernCounts;
import org.myview.review.ParticipationMethod;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** Works out the dashboard's headline cards from the figures the rest of the page already shows (Headlines). */
@Singleton
public record HeadlineService(ParticipationService participation, ConcernCounts concerns) {

    private static final int TREND_MONTHS = 6;

    /** The latest complete month of the year: the month before today's in the current year, March in a past one. */
    static YearMonth latestMonth(FinancialYear year, LocalDate today) {
        YearMonth before = YearMonth.from(today).minusMonths(1);
        YearMonth last = year.months().get(11);
        YearMonth candidate = before.isBefore(last) ? before : last;
        return year.contains(candidate) ? candidate : null;
    }

    /** The latest quarter whose last month is complete; 0 when none is. */
    static int latestQuarter(FinancialYear year, YearMonth month) {
        if (month == null) {
            return 0;
        }
        int q = year.quarterOf(month);
        return year.monthsOfQuarter(q).get(2).equals(month) ? q : q - 1;
    }

    public Headlines headlines(ParticipationService.Filters filters, ParticipationService.Table table, MyReviewMyView mrmv,
                               FormsRead read, List<ParticipationService.TargetStatus> targets) {
        FinancialYear year = filters.year();
        YearMonth month = latestMonth(year, participation.today());
        int quarter = latestQuarter(year, month);
        boolean pn4 = table.pn4CountsAsParticipation();
        List<ParticipationService.Column> months = table.months();
        List<ParticipationService.Column> columns = table.columns();
        List<Headlines.Card> cards = new ArrayList<>();
        cards.add(monthCard("participated", month, quarter, months, columns, c -> TableRow.PARTICIPATED.figure(c, pn4),
                target(targets, Measure.PARTICIPATED, filters.type())));
        cards.add(monthCard("underFour", month, quarter, months, columns, c -> TableRow.UNDER_FOUR.figure(c, pn4), null));
        cards.add(monthCard("attended", month, quarter, months, columns, HeadlineService::attended,
                target(targets, Measure.ATTENDED, filters.type())));
        cards.add(quarterCard("mrmv", quarter, q -> Counts.Figure.of(mrmv.columns().get(q - 1).completed(), mrmv.columns().get(q - 1).held()),
                target(targets, Measure.MRMV_COMPLETED, filters.type())));
        cards.add(quarterCard("formsRead", quarter, q -> read.total().cells().get(q - 1).share(),
                target(targets, Measure.FORMS_READ, filters.type())));
        // Concerns are the whole service's, whatever the filters: only a target on every review type applies.
        cards.add(concernsCard(month, target(targets, Measure.CONCERNS_OPEN, ReviewTypeFilter.ALL)));
        return new Headlines(month, quarter, cards);
    }

    /** Physical attendance (PN1 to PN4) over reviews of children aged 4 and over, as Measure.ATTENDED counts it. */
    static Counts.Figure attended(Counts counts) {
        long count = 0;
        for (ParticipationMethod m : List.of(ParticipationMethod.PN1, ParticipationMethod.PN2, ParticipationMethod.PN3, ParticipationMethod.PN4)) {
            count += counts.of(m);
        }
        return Counts.Figure.of(count, counts.agedFourPlus());
    }

    private static ParticipationService.TargetStatus target(List<ParticipationService.TargetStatus> targets, Measure measure,
                                                            ReviewTypeFilter type) {
        return targets.stream().filter(t -> t.measure() == measure && t.types() == type).findFirst().orElse(null);
    }

    private Headlines.Card monthCard(String key, YearMonth month, int quarter, List<ParticipationService.Column> months,
                                     List<ParticipationService.Column> columns, Function<Counts, Counts.Figure> figureOf, ParticipationService.TargetStatus target) {
        if (month == null) {
            return new Headlines.Card(key, null, Counts.Figure.of(0, 0), 0, null, target == null ? null : target.target(),
                    null, List.of());
        }
        int index = -1;
        for (int i = 0; i < months.size(); i++) {
            if (months.get(i).key().equals(month.toString())) {
                index = i;
            }
        }
        Counts.Figure figure = figureOf.apply(months.get(index).counts());
        // Only months of the year shown: April has no earlier figure on this page.
        Counts.Figure before = index > 0 ? figureOf.apply(months.get(index - 1).counts()) : null;
        List<Headlines.Point> trend = new ArrayList<>();
        for (int i = Math.max(0, index - TREND_MONTHS + 1); i <= index; i++) {
            Counts.Figure f = figureOf.apply(months.get(i).counts());
            trend.add(new Headlines.Point(months.get(i).label(), f.hasPercent() ? f.percentValue() : null));
        }
        Headlines.Card card = card(key, month.getMonth().getDisplayName(TextStyle.FULL, Locale.UK) + " " + month.getYear(), figure,
                before, target, trend);
        // The latest complete quarter beside the month: the table's own quarter column, so the figures agree.
        for (ParticipationService.Column column : columns) {
            if (quarter > 0 && column.key().equals("Q" + quarter)) {
                return card.withQuarter("Q" + quarter, figureOf.apply(column.counts()));
            }
        }
        return card;
    }

    private static Headlines.Card quarterCard(String key, int quarter, Function<Integer, Counts.Figure> figureOf,
                                              ParticipationService.TargetStatus target) {
        if (quarter == 0) {
            return new Headlines.Card(key, null, Counts.Figure.of(0, 0), 0, null, target == null ? null : target.target(), null, List.of());
        }
        Counts.Figure before = quarter > 1 ? figureOf.apply(quarter - 1) : null;
        return card(key, "Q" + quarter, figureOf.apply(quarter), before, target, List.of());
    }

    private static Headlines.Card card(String key, String period, Counts.Figure figure, Counts.Figure before,
                                       ParticipationService.TargetStatus target, List<Headlines.Point> trend) {
        Integer change = figure.hasPercent() && before != null && before.hasPercent() ? figure.percentValue() - before.percentValue() : null;
        RagResult rag = null;
        if (target != null) {
            RagRating.Measure measure = new RagRating.Measure(target.target(), target.tolerance(), target.measure().direction(),
                    RagRating.Unit.PERCENT);
            rag = RagRating.rate(measure, figure.hasPercent() ? BigDecimal.valueOf(figure.percentValue()) : null,
                    before != null && before.hasPercent() ? BigDecimal.valueOf(before.percentValue()) : null);
        }
        return new Headlines.Card(key, period, figure, figure.count(), change, target == null ? null : target.target(), rag, trend);
    }

    /**
     * Talk-now concerns still open now. ConcernCounts counts the whole service by month (no filters), and has no
     * "open now" figure: concerns open at the end of this month is the nearest, since none can close after now.
     * The change is against those open at the end of the latest complete month.
     */
    private Headlines.Card concernsCard(YearMonth month, ParticipationService.TargetStatus target) {
        YearMonth current = YearMonth.from(participation.today());
        long now = concerns.of(current).openAtEnd();
        Integer change = null;
        YearMonth before = current.minusMonths(1);
        long endOfLastMonth = concerns.of(before).openAtEnd();
        if (month != null && month.equals(before)) {
            change = Math.toIntExact(now - endOfLastMonth);
        }
        RagResult rag = null;
        if (target != null) {
            // Fewer is better; the end of last month is the earlier return.
            rag = RagRating.rate(new RagRating.Measure(target.target(), target.tolerance(), Measure.CONCERNS_OPEN.direction(),
                    RagRating.Unit.NUMBER), BigDecimal.valueOf(now), BigDecimal.valueOf(endOfLastMonth));
        }
        return new Headlines.Card("concerns", "now", null, now, change, target == null ? null : target.target(), rag, List.of());
    }
}
