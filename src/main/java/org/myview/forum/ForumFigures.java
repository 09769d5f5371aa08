package org.myview.forum;

import org.myview.disclosure.DisclosureControl;
import org.myview.disclosure.DisclosureControl.Cell;
import org.myview.disclosure.DisclosureControl.ProtectedTable;
import org.myview.participation.AgeBand;
import org.myview.participation.AgeBands;
import org.myview.participation.Counts;
import org.myview.review.ParticipationMethod;
import org.myview.participation.Percentage;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.IntFunction;

/**
 * The forum's figures for one period, after disclosure control: how young people aged 4 and over took part in
 * their reviews, one row per age band and one column per way of taking part, with the totals.
 *
 * <p>Every number here is either a shown cell of the {@link ProtectedTable} or a sum that can already be worked
 * out from shown cells (so it tells nobody anything new): "took part" for an age band is shown only when every
 * cell it adds up is shown, or when the band's total and every "did not take part" cell are. A percentage is
 * shown only when its count and its group are shown and the group is at least the configured minimum. Hidden
 * values are not kept in this object, so a page, CSV or JSON built from it cannot leak one.
 *
 * <p>Children under 4 are left out (PN0 is not a way of taking part), so the figures are about the young people
 * the forum speaks for.
 */
public record ForumFigures(ForumPeriod period, ForumSettings settings, List<AgeBand> bands,
                           List<ParticipationMethod> methods, int tookPartMethods, ProtectedTable table,
                           List<Figure> tookPartByBand, Figure tookPart, List<Figure> byMethod, Instant publishedAt) {

    /** A count (perhaps hidden) and its percentage (when allowed). */
    public record Figure(Cell count, OptionalInt percent) {

        public static Figure hidden() {
            return new Figure(Cell.hidden(), OptionalInt.empty());
        }

        public boolean isHidden() {
            return count.isSuppressed();
        }

        public boolean hasPercent() {
            return percent.isPresent();
        }

        public int percentValue() {
            return percent.orElse(0);
        }

        /** "9 out of 10": the percentage to the nearest tenth (half up), when there is one. */
        public int outOfTen() {
            return (percent.orElse(0) + 5) / 10;
        }
    }

    /** The rows and columns of the forum's table: age bands from 4 up, then ways of taking part, "took part" first. */
    public record Layout(List<AgeBand> bands, List<ParticipationMethod> methods, int tookPartMethods) {

        public static Layout of(AgeBands ageBands, boolean pn4Counts) {
            List<AgeBand> bands = ageBands.bands().stream().filter(b -> b.toInclusive() == null || b.toInclusive() >= 4).toList();
            List<ParticipationMethod> methods = new ArrayList<>();
            for (ParticipationMethod m : ParticipationMethod.values()) {
                if (m.countsAsParticipation(pn4Counts)) {
                    methods.add(m);
                }
            }
            int tookPartMethods = methods.size();
            for (ParticipationMethod m : ParticipationMethod.values()) {
                if (!m.countsAsParticipation(pn4Counts) && m != ParticipationMethod.PN0) {
                    methods.add(m);
                }
            }
            return new Layout(bands, List.copyOf(methods), tookPartMethods);
        }

        /** The true counts, bands by methods (never shown as such: they go through disclosure control). */
        public int[][] counts(Map<Integer, Counts> byAge) {
            int[][] counts = new int[bands.size()][methods.size()];
            byAge.forEach((age, c) -> {
                for (int r = 0; r < bands.size(); r++) {
                    if (bands.get(r).contains(age)) {
                        for (int m = 0; m < methods.size(); m++) {
                            counts[r][m] = Math.addExact(counts[r][m], Math.toIntExact(c.of(methods.get(m))));
                        }
                    }
                }
            });
            return counts;
        }
    }

    /** One period's table protected on its own (linked periods: {@link ForumService} and {@link DisclosureControl#protectYear}). */
    public static ForumFigures of(ForumPeriod period, Map<Integer, Counts> byAge, AgeBands ageBands, boolean pn4Counts,
                                  ForumSettings settings) {
        Layout layout = Layout.of(ageBands, pn4Counts);
        int[][] counts = layout.counts(byAge);
        return from(period, layout, counts, DisclosureControl.protect(counts, settings.hideCountsUpTo()), settings);
    }

    /**
     * The figures of a table already protected: {@code counts} are its true counts, used only for the sums that may
     * be shown because they follow from shown cells.
     */
    public static ForumFigures from(ForumPeriod period, Layout layout, int[][] counts, ProtectedTable table,
                                    ForumSettings settings) {
        List<AgeBand> bands = layout.bands();
        List<ParticipationMethod> methods = layout.methods();
        int tookPartMethods = layout.tookPartMethods();
        int[][] tookPartTrue = new int[bands.size()][1];
        for (int r = 0; r < bands.size(); r++) {
            for (int m = 0; m < tookPartMethods; m++) {
                tookPartTrue[r][0] += counts[r][m];
            }
        }

        List<Figure> tookPartByBand = new ArrayList<>();
        for (int r = 0; r < bands.size(); r++) {
            final int row = r;
            boolean derivable = allShown(tookPartMethods, m -> table.cell(row, m))
                    || (!table.rowTotal(row).isSuppressed()
                    && allShownFrom(tookPartMethods, methods.size(), m -> table.cell(row, m)));
            tookPartByBand.add(derivable ? figure(tookPartTrue[r][0], table.rowTotal(r), settings) : Figure.hidden());
        }
        int tookPartAll = 0;
        for (int[] t : tookPartTrue) {
            tookPartAll += t[0];
        }
        boolean overallDerivable = allShown(tookPartMethods, table::columnTotal)
                || tookPartByBand.stream().noneMatch(Figure::isHidden)
                || (!table.grandTotal().isSuppressed() && allShownFrom(tookPartMethods, methods.size(), table::columnTotal));
        Figure tookPart = overallDerivable ? figure(tookPartAll, table.grandTotal(), settings) : Figure.hidden();

        List<Figure> byMethod = new ArrayList<>();
        for (int m = 0; m < methods.size(); m++) {
            Cell total = table.columnTotal(m);
            byMethod.add(total.isSuppressed() ? Figure.hidden() : figure(total.count().getAsInt(), table.grandTotal(), settings));
        }
        return new ForumFigures(period, settings, bands, methods, tookPartMethods, table, List.copyOf(tookPartByBand),
                tookPart, List.copyOf(byMethod), null);
    }

    private static boolean allShown(int to, IntFunction<Cell> cell) {
        return allShownFrom(0, to, cell);
    }

    private static boolean allShownFrom(int from, int to, IntFunction<Cell> cell) {
        for (int i = from; i < to; i++) {
            if (cell.apply(i).isSuppressed()) {
                return false;
            }
        }
        return true;
    }

    /**
     * A count that may be shown (it follows from shown cells) over its group: the percentage only when the group is
     * shown and large enough. A sum of hidden cells can still come to 1 to 5 (two hidden cells of a row add up to
     * the row total less the shown ones); it is hidden too, so no number from 1 to 5 is ever printed.
     */
    private static Figure figure(int count, Cell group, ForumSettings settings) {
        if (count >= 1 && count <= settings.hideCountsUpTo()) {
            return Figure.hidden();
        }
        OptionalInt percent = OptionalInt.empty();
        if (!group.isSuppressed() && group.count().getAsInt() >= settings.minimumGroupForPercentage()) {
            percent = Percentage.of(count, group.count().getAsInt());
        }
        return new Figure(Cell.shown(count), percent);
    }

    /** The same figures, saying when they were published (null: never published, as in unit tests). */
    public ForumFigures publishedAt(Instant when) {
        return new ForumFigures(period, settings, bands, methods, tookPartMethods, table, tookPartByBand, tookPart, byMethod, when);
    }

    /** The day the figures were published, on the Europe/London calendar; null when never published. */
    public LocalDate publishedOn() {
        return publishedAt == null ? null : LocalDate.ofInstant(publishedAt, ZoneId.of("Europe/London"));
    }

    /** Reviews of young people aged 4 and over in the period (perhaps hidden). */
    public Cell reviews() {
        return table.grandTotal();
    }

    public Figure byBand(int row) {
        return new Figure(table.rowTotal(row), OptionalInt.empty());
    }

    public boolean isEmpty() {
        return !table.grandTotal().isSuppressed() && table.grandTotal().count().getAsInt() == 0;
    }

    public boolean anyHidden() {
        return table.suppressedCount() > 0 || tookPart.isHidden() || tookPartByBand.stream().anyMatch(Figure::isHidden);
    }

    /** Whether the method in column {@code m} counts as taking part. */
    public boolean tookPart(int m) {
        return m < tookPartMethods;
    }
}
