package org.myview.disclosure;

import java.util.ArrayList;
import java.util.List;

/**
 * Disclosure control across the tables of one financial year (see {@link DisclosureControl#protectYear}): each
 * quarter and the year, with their totals, are one system of equations, and a hidden small count must stay
 * uncertain under all of them together.
 *
 * <p>The attacker's view: every shown number is an equation over the quarters' inner cells (a year cell is the
 * sum of the four quarter cells at the same place; a total is the sum of its row or column). Inner cells are
 * whole numbers, never negative, and a hidden inner cell that is not 0 is taken to be at least 1 (zeros are
 * almost never hidden, so an attacker may guess so). For each hidden count from 1 to the threshold, the smallest
 * and largest value it can take under all of that (a linear programme) must be at least
 * {@link DisclosureControl#MINIMUM_RANGE} apart; while one is not, one more cell is hidden next to it.
 */
final class LinkedTables {

    private record Place(int table, int row, int column) {
    }

    final int[][][] grids;
    final boolean[][][] hidden;
    private final boolean[] isNew;
    private final boolean[][][] provenSafe;
    private final int quarters;
    private final boolean withYear;
    private final int rows;    // grid rows, totals row included
    private final int columns; // grid columns, totals column included
    private final int threshold;

    LinkedTables(List<int[][]> quarterCounts, boolean withYear, List<boolean[][]> frozen, int threshold) {
        this.quarters = quarterCounts.size();
        this.withYear = withYear;
        this.threshold = threshold;
        int tables = quarters + (withYear ? 1 : 0);
        if (frozen.size() != tables) {
            throw new IllegalArgumentException("Say for each of the " + tables + " tables whether it is frozen");
        }
        grids = new int[tables][][];
        for (int q = 0; q < quarters; q++) {
            grids[q] = DisclosureControl.withTotals(quarterCounts.get(q));
        }
        rows = grids[0].length;
        columns = grids[0][0].length;
        for (int[][] grid : grids) {
            if (grid != null && (grid.length != rows || grid[0].length != columns)) {
                throw new IllegalArgumentException("Every quarter needs the same rows and columns");
            }
        }
        if (withYear) {
            int[][] year = new int[rows][columns];
            for (int q = 0; q < quarters; q++) {
                for (int r = 0; r < rows; r++) {
                    for (int c = 0; c < columns; c++) {
                        year[r][c] = Math.addExact(year[r][c], grids[q][r][c]);
                    }
                }
            }
            grids[quarters] = year;
        }
        hidden = new boolean[tables][][];
        isNew = new boolean[tables];
        for (int t = 0; t < tables; t++) {
            boolean[][] given = frozen.get(t);
            isNew[t] = given == null;
            hidden[t] = new boolean[rows][columns];
            if (given != null) {
                if (given.length != rows || given[0].length != columns) {
                    throw new IllegalArgumentException("A frozen table's hidden cells do not match its size");
                }
                for (int r = 0; r < rows; r++) {
                    hidden[t][r] = given[r].clone();
                }
            }
        }
        provenSafe = new boolean[tables][rows][columns];
    }

    void protect() {
        for (int t = 0; t < grids.length; t++) {
            if (isNew[t]) {
                for (int r = 0; r < rows; r++) {
                    for (int c = 0; c < columns; c++) {
                        hidden[t][r][c] = isSmall(grids[t][r][c]);
                    }
                }
            }
        }
        while (true) {
            // Within each new table: no line with one hidden cell, every hidden cell on a loop (cheap, and it
            // settles most cases before the linear programmes run).
            for (int t = 0; t < grids.length; t++) {
                if (isNew[t]) {
                    while (SecondarySuppression.hideForLineWithOneHidden(grids[t], hidden[t])
                            || SecondarySuppression.hideToCloseLoop(grids[t], hidden[t])) {
                        // each pass hides one more cell
                    }
                }
            }
            Place exposed = firstTooNarrow();
            if (exposed == null || !hideNextTo(exposed)) {
                // Nothing exposed, or every cell of every new table already hidden (which tells nothing).
                return;
            }
        }
    }

    private boolean isSmall(int value) {
        return value >= 1 && value <= threshold;
    }

    /** The first hidden small count whose feasible range is too narrow; null when all are wide enough. */
    private Place firstTooNarrow() {
        for (int t = 0; t < grids.length; t++) {
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < columns; c++) {
                    if (!hidden[t][r][c] || !isSmall(grids[t][r][c]) || provenSafe[t][r][c]) {
                        continue;
                    }
                    double[] range = range(new Place(t, r, c));
                    // Hiding more only widens ranges, so a cell found safe stays safe.
                    if (range[1] - range[0] >= DisclosureControl.MINIMUM_RANGE - 1e-6) {
                        provenSafe[t][r][c] = true;
                    } else {
                        return new Place(t, r, c);
                    }
                }
            }
        }
        return null;
    }

    // ---- the attacker's linear programme ----

    /** The inner cells (quarter, band, method) that a grid place adds up. */
    private List<Place> inner(Place place) {
        List<Place> cells = new ArrayList<>();
        int innerRows = rows - 1;
        int innerColumns = columns - 1;
        int fromQuarter = place.table() < quarters ? place.table() : 0;
        int toQuarter = place.table() < quarters ? place.table() : quarters - 1;
        for (int q = fromQuarter; q <= toQuarter; q++) {
            for (int r = 0; r < innerRows; r++) {
                if (place.row() != innerRows && place.row() != r) {
                    continue;
                }
                for (int c = 0; c < innerColumns; c++) {
                    if (place.column() == innerColumns || place.column() == c) {
                        cells.add(new Place(q, r, c));
                    }
                }
            }
        }
        return cells;
    }

    /** {lowest, highest} value the attacker cannot rule out for a place (+infinity when unbounded above). */
    double[] range(Place target) {
        int innerRows = rows - 1;
        int innerColumns = columns - 1;
        int[][][] unknown = new int[quarters][innerRows][innerColumns];
        List<Place> unknowns = new ArrayList<>();
        for (int q = 0; q < quarters; q++) {
            for (int r = 0; r < innerRows; r++) {
                for (int c = 0; c < innerColumns; c++) {
                    unknown[q][r][c] = -1;
                    if (hidden[q][r][c]) {
                        unknown[q][r][c] = unknowns.size();
                        unknowns.add(new Place(q, r, c));
                    }
                }
            }
        }
        int n = unknowns.size();
        List<double[]> equations = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (int t = 0; t < grids.length; t++) {
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < columns; c++) {
                    if (hidden[t][r][c]) {
                        continue;
                    }
                    double[] row = new double[n];
                    double rest = grids[t][r][c];
                    boolean any = false;
                    for (Place cell : inner(new Place(t, r, c))) {
                        int u = unknown[cell.table()][cell.row()][cell.column()];
                        if (u < 0) {
                            rest -= grids[cell.table()][cell.row()][cell.column()];
                        } else {
                            row[u] = 1;
                            rest -= lowest(cell); // y = x - lowest >= 0
                            any = true;
                        }
                    }
                    if (any) {
                        equations.add(row);
                        values.add(rest);
                    }
                }
            }
        }
        double[] cost = new double[n];
        double offset = 0;
        for (Place cell : inner(target)) {
            int u = unknown[cell.table()][cell.row()][cell.column()];
            if (u < 0) {
                offset += grids[cell.table()][cell.row()][cell.column()];
            } else {
                cost[u] = 1;
                offset += lowest(cell);
            }
        }
        double[][] a = equations.toArray(new double[0][]);
        double[] b = new double[values.size()];
        for (int i = 0; i < b.length; i++) {
            b[i] = values.get(i);
        }
        double min = Simplex.minimize(a, b, cost);
        double[] negated = new double[n];
        for (int i = 0; i < n; i++) {
            negated[i] = -cost[i];
        }
        double max = -Simplex.minimize(a, b, negated);
        if (Double.isNaN(min) || Double.isNaN(max)) {
            throw new IllegalStateException("The published figures have no solution; the tables do not add up");
        }
        return new double[] {min + offset, max + offset};
    }

    /** What the attacker may assume of a hidden inner cell: at least 1 unless it really is 0. */
    private int lowest(Place cell) {
        return grids[cell.table()][cell.row()][cell.column()] >= 1 ? 1 : 0;
    }

    // ---- choosing the next cell to hide ----

    /** The places that share an equation with {@code place}: its row and column, and the same place in other periods. */
    private List<Place> neighbours(Place place) {
        List<Place> result = new ArrayList<>();
        for (int c = 0; c < columns; c++) {
            if (c != place.column()) {
                result.add(new Place(place.table(), place.row(), c));
            }
        }
        for (int r = 0; r < rows; r++) {
            if (r != place.row()) {
                result.add(new Place(place.table(), r, place.column()));
            }
        }
        if (withYear) {
            for (int t = 0; t < grids.length; t++) {
                if (t != place.table()) {
                    result.add(new Place(t, place.row(), place.column()));
                }
            }
        }
        return result;
    }

    /**
     * Hides the least telling shown cell of a new table near {@code exposed}: the nearest through chains of hidden
     * cells sharing an equation, smallest non-zero count first, a zero only if nothing else is left. False when
     * nothing can be hidden any more.
     */
    private boolean hideNextTo(Place exposed) {
        for (boolean allowZero : new boolean[] {false, true}) {
            boolean[][][] seen = new boolean[grids.length][rows][columns];
            seen[exposed.table()][exposed.row()][exposed.column()] = true;
            List<Place> frontier = List.of(exposed);
            while (!frontier.isEmpty()) {
                Place best = null;
                List<Place> next = new ArrayList<>();
                for (Place place : frontier) {
                    for (Place near : neighbours(place)) {
                        int value = grids[near.table()][near.row()][near.column()];
                        if (hidden[near.table()][near.row()][near.column()]) {
                            if (!seen[near.table()][near.row()][near.column()]) {
                                seen[near.table()][near.row()][near.column()] = true;
                                next.add(near);
                            }
                        } else if (isNew[near.table()] && (allowZero || value > 0)
                                && (best == null || SecondarySuppression.preference(value)
                                < SecondarySuppression.preference(grids[best.table()][best.row()][best.column()]))) {
                            best = near;
                        }
                    }
                }
                if (best != null) {
                    hidden[best.table()][best.row()][best.column()] = true;
                    return true;
                }
                frontier = next;
            }
        }
        return false;
    }
}
