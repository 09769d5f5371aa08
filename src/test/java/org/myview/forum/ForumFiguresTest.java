package org.myview.forum;

import org.myview.disclosure.DisclosureControl;
import org.junit.jupiter.api.Test;
import org.myview.disclosure.DisclosureControl.Cell;
import org.myview.forum.ForumFigures.Figure;
import org.myview.participation.AgeBands;
import org.myview.participation.Counts;
import org.myview.participation.FinancialYear;
import org.myview.review.ParticipationMethod;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The forum's figures on data built to tempt them: small cells, totals that would give a hidden cell away, and
 * a "took part" sum that would give away a hidden cell of its row. Beyond "no count from 1 to 5 is shown", every
 * published number (cells, totals, "took part" by age and overall) is treated as an equation an attacker can
 * solve, and no hidden count may follow from them.
 */
class ForumFiguresTest {

    private static final ForumPeriod PERIOD = ForumPeriod.quarter(new FinancialYear(2025), 1);
    private static final AgeBands BANDS = AgeBands.defaults(); // under 4, 4-7, 8-11, 12-15, 16+

    /** Ages 5, 9, 13, 17 stand for the bands 4-7, 8-11, 12-15, 16+; codes PN1..PN7 in the order given. */
    private static Map<Integer, Counts> byAge(int[][] codesByBand) {
        int[] ages = {5, 9, 13, 17};
        Map<Integer, Counts> result = new HashMap<>();
        for (int b = 0; b < codesByBand.length; b++) {
            long[] byCode = new long[8];
            for (int code = 1; code <= 7; code++) {
                byCode[code] = codesByBand[b][code - 1];
            }
            result.put(ages[b], new Counts(byCode, 0));
        }
        return result;
    }

    /** Columns PN1..PN7 (PN4 in its place): rows 4-7, 8-11, 12-15, 16+. */
    static final int[][] TEMPTING = {
            // PN1 PN2 PN3 PN4 PN5 PN6 PN7
            {20, 3, 0, 0, 0, 12, 8},
            {30, 0, 0, 7, 2, 15, 10},
            {25, 0, 1, 0, 0, 20, 9},
            {12, 4, 0, 0, 0, 9, 6},
    };

    @Test
    void noShownCountIsFromOneToFiveAndNoHiddenCountCanBeWorkedOut() {
        ForumFigures figures = ForumFigures.of(PERIOD, byAge(TEMPTING), BANDS, false, ForumSettings.defaults());

        assertTrue(figures.table().isSafe(), figures.table().toString());
        assertNoSmallCountShown(figures, 5);
        assertNothingHiddenCanBeDerived(figures);
        assertTrue(figures.table().suppressedCount() > 4, "the small cells and more: " + figures.table());
    }

    @Test
    void theUnderFoursAreLeftOutAndTheMethodsRunTookPartFirst() {
        ForumFigures figures = ForumFigures.of(PERIOD, byAge(TEMPTING), BANDS, false, ForumSettings.defaults());

        assertEquals(List.of("4-7", "8-11", "12-15", "16+"), figures.bands().stream().map(b -> b.label()).toList());
        assertEquals(List.of(ParticipationMethod.PN1, ParticipationMethod.PN2, ParticipationMethod.PN3, ParticipationMethod.PN5,
                ParticipationMethod.PN6, ParticipationMethod.PN4, ParticipationMethod.PN7), figures.methods());
        assertEquals(5, figures.tookPartMethods());
        ForumFigures pn4Counts = ForumFigures.of(PERIOD, byAge(TEMPTING), BANDS, true, ForumSettings.defaults());
        assertEquals(6, pn4Counts.tookPartMethods());
    }

    @Test
    void tookPartIsHiddenForARowWhoseSumWouldGiveAHiddenCellAway() {
        // 8-11: PN5 = 2 is hidden; "took part" = 30 + 0 + 0 + 2 + 15 would give it back.
        ForumFigures figures = ForumFigures.of(PERIOD, byAge(TEMPTING), BANDS, false, ForumSettings.defaults());

        assertTrue(figures.tookPartByBand().get(1).isHidden());
        assertFalse(figures.tookPartByBand().get(1).hasPercent());
    }

    @Test
    void withLargeCountsEverythingIsShownWithPercentagesAndTheHeadline() {
        int[][] large = {
                {20, 10, 0, 0, 0, 12, 8},
                {30, 0, 0, 7, 6, 15, 10},
                {25, 0, 0, 0, 0, 20, 9},
                {12, 14, 0, 0, 0, 9, 6},
        };
        ForumFigures figures = ForumFigures.of(PERIOD, byAge(large), BANDS, false, ForumSettings.defaults());

        assertEquals(0, figures.table().suppressedCount(), figures.table().toString());
        int tookPart = 20 + 10 + 12 + 30 + 6 + 15 + 25 + 20 + 12 + 14 + 9;
        int all = tookPart + 8 + 7 + 10 + 9 + 6;
        assertEquals(tookPart, figures.tookPart().count().count().getAsInt());
        assertEquals(Math.round(tookPart * 100.0 / all), figures.tookPart().percentValue());
        assertEquals(8, figures.tookPart().outOfTen(), tookPart + " of " + all + " is about 8 out of 10");
        assertEquals(42, figures.tookPartByBand().get(0).count().count().getAsInt());
        assertEquals(84, figures.tookPartByBand().get(0).percentValue(), "42 of 50");
    }

    @Test
    void noPercentageForAGroupSmallerThanTheMinimum() {
        int[][] small = {
                {6, 0, 0, 0, 0, 0, 0},  // 6 reviews: shown, but too few for a percentage
                {30, 0, 0, 0, 0, 0, 0},
                {0, 0, 0, 0, 0, 0, 0},
                {0, 0, 0, 0, 0, 0, 0},
        };
        ForumFigures figures = ForumFigures.of(PERIOD, byAge(small), BANDS, false, ForumSettings.defaults());
        assertEquals(6, figures.tookPartByBand().get(0).count().count().getAsInt());
        assertFalse(figures.tookPartByBand().get(0).hasPercent(), "6 is fewer than the minimum group of 10");
        assertEquals(100, figures.tookPartByBand().get(1).percentValue());

        ForumFigures stricter = ForumFigures.of(PERIOD, byAge(small), BANDS, false, new ForumSettings(5, 40, 1));
        assertFalse(stricter.tookPartByBand().get(1).hasPercent(), "30 is fewer than a configured minimum of 40");
        assertFalse(stricter.tookPart().hasPercent(), "36 is fewer than 40");
    }

    @Test
    void aHigherThresholdHidesMore() {
        ForumFigures figures = ForumFigures.of(PERIOD, byAge(TEMPTING), BANDS, false, new ForumSettings(9, 10, 1));
        assertNoSmallCountShown(figures, 9);
        assertNothingHiddenCanBeDerived(figures);
    }

    @Test
    void aThresholdBelowFiveIsRefused() {
        assertThrowsIllegal(() -> new ForumSettings(3, 10, 1));
        assertThrowsIllegal(() -> new ForumSettings(5, 0, 1));
    }

    @Test
    void randomTablesFullOfSmallNumbersNeverShowOneAndNeverGiveAHiddenOneAway() {
        Random random = new Random(8);
        for (int round = 0; round < 400; round++) {
            int[][] counts = new int[4][7];
            for (int[] row : counts) {
                for (int c = 0; c < row.length; c++) {
                    int kind = random.nextInt(4);
                    row[c] = kind == 0 ? 0 : kind == 1 ? 1 + random.nextInt(5) : 6 + random.nextInt(30);
                }
            }
            ForumFigures figures = ForumFigures.of(PERIOD, byAge(counts), BANDS, random.nextBoolean(), ForumSettings.defaults());
            assertTrue(figures.table().isSafe(), figures.table().toString());
            assertNoSmallCountShown(figures, 5);
            assertNothingHiddenCanBeDerived(figures);
        }
    }

    // ---- checks ----

    static void assertNoSmallCountShown(ForumFigures figures, int threshold) {
        List<Cell> shown = new ArrayList<>();
        figures.table().withTotals().forEach(shown::addAll);
        figures.tookPartByBand().forEach(f -> shown.add(f.count()));
        figures.byMethod().forEach(f -> shown.add(f.count()));
        shown.add(figures.tookPart().count());
        for (Cell cell : shown) {
            if (!cell.isSuppressed()) {
                int n = cell.count().getAsInt();
                assertFalse(n >= 1 && n <= threshold, "a count of " + n + " is shown:\n" + figures.table());
            }
        }
    }

    /**
     * Every published number is an equation over the inner cells (a shown cell, a total, a "took part" sum). A
     * hidden cell or total can be worked out exactly when its vector lies in the span of those equations.
     */
    static void assertNothingHiddenCanBeDerived(ForumFigures figures) {
        int rows = figures.bands().size();
        int columns = figures.methods().size();
        int n = rows * columns;
        List<double[]> known = new ArrayList<>();
        List<double[]> hidden = new ArrayList<>();
        for (int r = 0; r <= rows; r++) {
            for (int c = 0; c <= columns; c++) {
                double[] v = new double[n];
                for (int rr = 0; rr < rows; rr++) {
                    for (int cc = 0; cc < columns; cc++) {
                        if ((r == rows || r == rr) && (c == columns || c == cc)) {
                            v[rr * columns + cc] = 1;
                        }
                    }
                }
                Cell cell = figures.table().withTotals().get(r).get(c);
                (cell.isSuppressed() ? hidden : known).add(v);
            }
        }
        for (int r = 0; r <= rows; r++) {
            Figure tookPart = r == rows ? figures.tookPart() : figures.tookPartByBand().get(r);
            if (!tookPart.isHidden()) {
                double[] v = new double[n];
                for (int rr = 0; rr < rows; rr++) {
                    for (int c = 0; c < figures.tookPartMethods(); c++) {
                        if (r == rows || r == rr) {
                            v[rr * columns + c] = 1;
                        }
                    }
                }
                known.add(v);
            }
        }
        int rank = rank(known);
        for (double[] target : hidden) {
            List<double[]> with = new ArrayList<>(known);
            with.add(target);
            assertEquals(rank + 1, rank(with), "a hidden count can be worked out from the published ones:\n" + figures.table()
                    + "took part by age: " + figures.tookPartByBand() + ", overall " + figures.tookPart());
        }
    }

    private static int rank(List<double[]> vectors) {
        double[][] m = vectors.stream().map(double[]::clone).toArray(double[][]::new);
        int rank = 0;
        int columns = m.length == 0 ? 0 : m[0].length;
        for (int c = 0; c < columns && rank < m.length; c++) {
            int pivot = -1;
            for (int r = rank; r < m.length; r++) {
                if (Math.abs(m[r][c]) > 1e-9 && (pivot < 0 || Math.abs(m[r][c]) > Math.abs(m[pivot][c]))) {
                    pivot = r;
                }
            }
            if (pivot < 0) {
                continue;
            }
            double[] t = m[pivot];
            m[pivot] = m[rank];
            m[rank] = t;
            for (int r = 0; r < m.length; r++) {
                if (r != rank && Math.abs(m[r][c]) > 1e-9) {
                    double f = m[r][c] / m[rank][c];
                    for (int k = c; k < columns; k++) {
                        m[r][k] -= f * m[rank][k];
                    }
                }
            }
            rank++;
        }
        return rank;
    }

    private static void assertThrowsIllegal(Runnable r) {
        try {
            r.run();
        } catch (IllegalArgumentException expected) {
            return;
        }
        throw new AssertionError("expected IllegalArgumentException");
    }
}
