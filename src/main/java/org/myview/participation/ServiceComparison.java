package org.myview.participation;

import org.myview.review.ParticipationMethod;
import org.myview.disclosure.DisclosureControl;
import org.myview.disclosure.DisclosureControl.Cell;
import org.myview.disclosure.DisclosureControl.ProtectedTable;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * What a reviewing officer sees of the whole service beside their own figures: every review type and every age
 * together, by quarter (no month, type or age filter, so there is one table to protect per year, not dozens that
 * link). The officer knows their own counts exactly, so what must stay hidden is the rest of the service: each table
 * is protected as "service less my own" ({@link DisclosureControl}: counts of 1 to 5 hidden, secondary suppression,
 * ranges at least 3 wide), and a cell is shown, as the service figure, only where that part is shown. Taking one's own
 * counts away from what is shown gives exactly the protected table of other officers' children, nothing more.
 *
 * <p>Percentages follow the counts: one is shown only when its count and its group can be worked out from shown
 * cells and the group is at least {@link #MINIMUM_GROUP_FOR_PERCENTAGE}.
 *
 * @param table            rows Q1 to Q4 (then the year), columns PN0 to PN7 (then all reviews): service counts
 * @param tookPartPercent  per row of {@code table} (the year last): PN1 to PN6 (PN4 by the setting) of reviews of 4+
 * @param bands            the age bands of the My Review My View rows
 * @param completedByBand  rows the bands (then all ages), columns Q1 to Q4 (then the year): forms completed
 * @param firstReview      one row, columns Q1 to Q4 (then the year): forms completed for a first review
 * @param held             reviews held, likewise
 * @param formSent         reviews with a form sent, likewise
 * @param formSentPercent  form sent of held, per column (the year last)
 */
public record ServiceComparison(FinancialYear year, ProtectedTable table, List<OptionalInt> tookPartPercent,
                                List<AgeBand> bands, ProtectedTable completedByBand, ProtectedTable firstReview,
                                ProtectedTable held, ProtectedTable formSent, List<OptionalInt> formSentPercent) {

    public static final int MINIMUM_GROUP_FOR_PERCENTAGE = 10;
    private static final int THRESHOLD = DisclosureControl.DEFAULT_THRESHOLD;

    /**
     * @param service quarters by PN0..PN7, every officer
     * @param own     the same for the officer who will see it
     */
    static ServiceComparison of(FinancialYear year, int[][] service, int[][] own, boolean pn4Counts, List<AgeBand> bands,
                                MyReviewMyView serviceMrmv, MyReviewMyView ownMrmv) {
        ProtectedTable table = protect(service, own);
        int[][] grid = DisclosureControl.withTotals(service);
        List<OptionalInt> tookPart = new ArrayList<>();
        for (int r = 0; r < grid.length; r++) {
            tookPart.add(tookPartPercent(table, grid, r, pn4Counts));
        }
        int quarters = 4;
        int[][] serviceBands = new int[bands.size()][quarters];
        int[][] ownBands = new int[bands.size()][quarters];
        int[][] serviceFirst = new int[1][quarters];
        int[][] ownFirst = new int[1][quarters];
        int[][] serviceHeld = new int[1][quarters];
        int[][] ownHeld = new int[1][quarters];
        int[][] serviceSent = new int[1][quarters];
        int[][] ownSent = new int[1][quarters];
        for (int q = 0; q < quarters; q++) {
            MyReviewMyView.Column s = serviceMrmv.columns().get(q);
            MyReviewMyView.Column o = ownMrmv.columns().get(q);
            for (int b = 0; b < bands.size(); b++) {
                serviceBands[b][q] = Math.toIntExact(s.completedIn(b));
                ownBands[b][q] = Math.toIntExact(o.completedIn(b));
            }
            serviceFirst[0][q] = Math.toIntExact(s.completedFirstReview());
            ownFirst[0][q] = Math.toIntExact(o.completedFirstReview());
            serviceHeld[0][q] = Math.toIntExact(s.held());
            ownHeld[0][q] = Math.toIntExact(o.held());
            serviceSent[0][q] = Math.toIntExact(s.formSent());
            ownSent[0][q] = Math.toIntExact(o.formSent());
        }
        ProtectedTable held = protect(serviceHeld, ownHeld);
        ProtectedTable sent = protect(serviceSent, ownSent);
        List<OptionalInt> sentPercent = new ArrayList<>();
        for (int c = 0; c <= quarters; c++) {
            Cell h = c < quarters ? held.cell(0, c) : held.rowTotal(0);
            Cell f = c < quarters ? sent.cell(0, c) : sent.rowTotal(0);
            sentPercent.add(percent(f, h));
        }
        return new ServiceComparison(year, table, List.copyOf(tookPart), List.copyOf(bands),
                protect(serviceBands, ownBands), protect(serviceFirst, ownFirst), held, sent, List.copyOf(sentPercent));
    }

    /** The service's figures, hidden wherever the part that is not the officer's own must be. */
    static ProtectedTable protect(int[][] service, int[][] own) {
        int[][] others = new int[service.length][service[0].length];
        for (int r = 0; r < service.length; r++) {
            for (int c = 0; c < service[0].length; c++) {
                others[r][c] = service[r][c] - own[r][c];
                if (others[r][c] < 0) {
                    throw new IllegalArgumentException("An officer's own count cannot exceed the service's");
                }
            }
        }
        ProtectedTable othersTable = DisclosureControl.protect(others, THRESHOLD);
        return DisclosureControl.restore(DisclosureControl.withTotals(service), othersTable.hiddenGrid(), THRESHOLD);
    }

    /**
     * "Took part" of reviews of children 4+ for one row: shown only when both follow from shown cells: the group is
     * the row's total less PN0; the count is the participating cells, or the group less the others.
     */
    private static OptionalInt tookPartPercent(ProtectedTable table, int[][] grid, int row, boolean pn4Counts) {
        boolean last = row == grid.length - 1;
        java.util.function.IntFunction<Cell> cell = c -> last ? table.columnTotal(c) : table.cell(row, c);
        Cell total = last ? table.grandTotal() : table.rowTotal(row);
        boolean groupShown = !total.isSuppressed() && !cell.apply(0).isSuppressed();
        boolean allIn = true;
        boolean allOut = true;
        int tookPart = 0;
        for (ParticipationMethod m : ParticipationMethod.values()) {
            if (m == ParticipationMethod.PN0) {
                continue;
            }
            boolean shown = !cell.apply(m.ordinal()).isSuppressed();
            if (m.countsAsParticipation(pn4Counts)) {
                allIn &= shown;
                tookPart += grid[row][m.ordinal()];
            } else {
                allOut &= shown;
            }
        }
        int group = grid[row][grid[0].length - 1] - grid[row][0];
        if (!groupShown || !(allIn || allOut) || group < MINIMUM_GROUP_FOR_PERCENTAGE) {
            return OptionalInt.empty();
        }
        return Percentage.of(tookPart, group);
    }

    private static OptionalInt percent(Cell count, Cell group) {
        if (count.isSuppressed() || group.isSuppressed() || group.count().getAsInt() < MINIMUM_GROUP_FOR_PERCENTAGE) {
            return OptionalInt.empty();
        }
        return Percentage.of(count.count().getAsInt(), group.count().getAsInt());
    }

    /** The codes, in the table's column order. */
    public List<ParticipationMethod> codes() {
        return List.of(ParticipationMethod.values());
    }
}
