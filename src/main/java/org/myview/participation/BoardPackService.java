package org.myview.participation;

import jakarta.inject.Singleton;
import org.myview.advocacy.AdvocacyFigures;
import org.myview.advocacy.AdvocacyService;
import org.myview.consultation.ConcernCounts;
import org.myview.parent.ResultsService;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The monthly "voice of the child" board pack: the figures of each section for a financial year up to a chosen
 * month, gathered from the services that own them (nothing is counted here that they do not count already).
 * Service-wide: every officer's reviews, every age, of the chosen review types.
 */
@Singleton
record BoardPackService(
        ParticipationService participation, TimelinessService timeliness, AdvocacyService advocacy,
        ResultsService parents, ConcernCounts concerns) {

    /** One printed part of the participation table: at most six figure columns, so it fits A4 portrait. */
    record Part(String key, List<ParticipationService.Column> columns) {
    }

    /** One row of the transposed "by age" table: a measure, its figure per age band, then for every age. */
    record AgeMeasure(TableRow row, List<Counts.Figure> byBand, Counts.Figure all) {
    }

    /** A timeliness line: the month, the quarter it ends (when it does), and the year to the month. */
    record TimelinessLine(TimelinessService.Kind kind, TimelinessService.Period month, TimelinessService.Period quarter,
                          TimelinessService.Period yearToMonth, long lateInMonth) {
    }

    record BoardPack(ParticipationService.Filters filters, YearMonth month, ParticipationService.Table table, List<Part> parts,
                     List<AgeBand> bands, List<AgeMeasure> byAge, long reviewsByAgeAll, List<Long> reviewsByBand,
                     MyReviewMyView mrmv, List<ParticipationService.TargetStatus> targets,
                     AdvocacyFigures advocacy, int advocacyMonthIndex, ResultsService.Results parents,
                     ConcernCounts.Month concerns, List<TimelinessLine> timeliness) {
    }

    BoardPack of(FinancialYear year, YearMonth month, ReviewTypeFilter type) {
        ParticipationService.Filters filters = new ParticipationService.Filters(year, type, null, null);
        ParticipationService.Table whole = participation.table(filters);
        List<ParticipationService.Column> months = whole.months().stream()
                .filter(c -> !YearMonth.parse(c.key()).isAfter(month)).toList();
        List<ParticipationService.Column> totals = new ArrayList<>();
        Counts yearToMonth = Counts.NONE;
        for (int q = 1; q <= 4; q++) {
            List<YearMonth> quarter = year.monthsOfQuarter(q);
            // Only quarters that have ended by the chosen month: a quarter's column always means all three months.
            if (quarter.get(2).isAfter(month)) {
                continue;
            }
            Counts sum = Counts.NONE;
            for (ParticipationService.Column c : months) {
                if (quarter.contains(YearMonth.parse(c.key()))) {
                    sum = sum.plus(c.counts());
                }
            }
            totals.add(new ParticipationService.Column("Q" + q, "Q" + q, sum, false));
        }
        for (ParticipationService.Column c : months) {
            yearToMonth = yearToMonth.plus(c.counts());
        }
        totals.add(new ParticipationService.Column("YTD", "YTD", yearToMonth, false));
        List<ParticipationService.Column> all = new ArrayList<>(months);
        all.addAll(totals);
        ParticipationService.Table table = new ParticipationService.Table(filters, all, whole.pn4CountsAsParticipation(), whole.notRecorded());
        List<Part> parts = new ArrayList<>();
        List<ParticipationService.Column> firstHalf = months.stream().filter(c -> year.quarterOf(YearMonth.parse(c.key())) <= 2).toList();
        List<ParticipationService.Column> secondHalf = months.stream().filter(c -> year.quarterOf(YearMonth.parse(c.key())) > 2).toList();
        parts.add(new Part("first-half", firstHalf));
        if (!secondHalf.isEmpty()) {
            parts.add(new Part("second-half", secondHalf));
        }
        parts.add(new Part("totals", totals));

        // By age, to the chosen month: the dashboard's banding (ParticipationService.byAgeBand) over these months.
        List<AgeBand> bands = participation.bands().bands();
        Map<Integer, Counts> byAge = participation.countsByAge(type, year.months().get(0), month);
        List<Counts> bandCounts = new ArrayList<>();
        Counts every = Counts.NONE;
        for (AgeBand band : bands) {
            Counts sum = Counts.NONE;
            for (Map.Entry<Integer, Counts> age : byAge.entrySet()) {
                if (band.contains(age.getKey())) {
                    sum = sum.plus(age.getValue());
                }
            }
            bandCounts.add(sum);
            every = every.plus(sum);
        }
        boolean pn4 = whole.pn4CountsAsParticipation();
        List<AgeMeasure> ageMeasures = new ArrayList<>();
        for (TableRow row : TableRow.values()) {
            ageMeasures.add(new AgeMeasure(row, bandCounts.stream().map(c -> row.figure(c, pn4)).toList(), row.figure(every, pn4)));
        }

        return new BoardPack(filters, month, table, parts, bands, ageMeasures, every.all(), bandCounts.stream().map(Counts::all).toList(),
                myReviewMyView(filters, month), participation.targets(year), advocacy.figures(year),
                year.months().indexOf(month), parents.results(), concerns.of(month), timeliness(year, month));
    }

    /** My Review My View by the quarters that have ended by the month, and those quarters together. */
    private MyReviewMyView myReviewMyView(ParticipationService.Filters filters, YearMonth month) {
        MyReviewMyView dashboard = participation.myReviewMyView(filters);
        List<MyReviewMyView.Column> columns = new ArrayList<>();
        long completed = 0;
        long first = 0;
        long held = 0;
        long sent = 0;
        long[] byBand = new long[dashboard.bands().size()];
        java.util.Map<String, Long> byChannel = new java.util.LinkedHashMap<>();
        for (int q = 1; q <= 4; q++) {
            if (filters.year().monthsOfQuarter(q).get(2).isAfter(month)) {
                continue;
            }
            MyReviewMyView.Column c = dashboard.columns().get(q - 1);
            columns.add(c);
            completed += c.completed();
            first += c.completedFirstReview();
            held += c.held();
            sent += c.formSent();
            for (int b = 0; b < byBand.length; b++) {
                byBand[b] += c.completedIn(b);
            }
            c.completedByChannel().forEach((channel, n) -> byChannel.merge(channel, n, Long::sum));
        }
        columns.add(new MyReviewMyView.Column("YTD", "YTD", completed, java.util.Arrays.stream(byBand).boxed().toList(), first, held, sent,
                byChannel));
        return new MyReviewMyView(filters, dashboard.bands(), columns);
    }

    private List<TimelinessLine> timeliness(FinancialYear year, YearMonth month) {
        List<TimelinessLine> lines = new ArrayList<>();
        for (TimelinessService.Kind kind : TimelinessService.Kind.values()) {
            TimelinessService.Timeliness t = timeliness.of(year, kind, null);
            int index = year.months().indexOf(month);
            int quarter = year.quarterOf(month);
            TimelinessService.Period quarterPeriod = year.monthsOfQuarter(quarter).get(2).equals(month) ? t.quarters().get(quarter - 1) : null;
            int held = 0;
            int assessed = 0;
            int timely = 0;
            for (int m = 0; m <= index; m++) {
                TimelinessService.Period p = t.months().get(m);
                held += p.held();
                assessed += p.assessed();
                timely += p.timely();
            }
            long late = t.late().stream().filter(l -> YearMonth.from(l.date()).equals(month)).count();
            lines.add(new TimelinessLine(kind, t.months().get(index), quarterPeriod,
                    new TimelinessService.Period("YTD", held, assessed, timely, null), late));
        }
        return lines;
    }
}
