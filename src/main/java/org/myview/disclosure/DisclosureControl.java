package org.myview.disclosure;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Statistical disclosure control for figures shown to the children's forum, following DfE practice: counts of
 * 1 to 5 are hidden (shown as "c"), and further cells are hidden so that no hidden count can be worked out from
 * the totals.
 *
 * <p>The table is treated with its margins: a row of column totals below, a column of row totals to the right
 * and the grand total in the corner. Each row and each column of that bigger grid is a "line" whose last cell
 * is the sum of the others, so anyone can subtract along it. The rules:
 * <ol>
 *   <li>Primary: every count from 1 to the threshold (5) is hidden, totals included. Zero is shown.</li>
 *   <li>Secondary: a line with exactly one hidden cell gives it away by subtraction, so another cell of that
 *   line is hidden: preferably one whose crossing line also has exactly one hidden cell (one cell then protects
 *   two lines), otherwise one whose crossing line already has two or more (so no new line is exposed), and
 *   among those the smallest non-zero count. Repeated until no line has exactly one.</li>
 *   <li>Lines can also be combined: adding two rows and subtracting two columns can isolate a cell even when
 *   every line has two hidden cells. A hidden cell is safe from every such combination exactly when it lies on
 *   a closed loop of hidden cells (alternately along a row and a column), because then its value can move up
 *   and down around the loop without changing any total. So while some hidden cell is on no loop, one more cell
 *   is hidden to close a loop through it.</li>
 * </ol>
 * Every step only hides more, so the process ends. Shown counts are never changed or rounded.
 *
 * <p>This stops a hidden count being worked out exactly. It does not promise a wide range: a hidden 3 and a
 * hidden 7 in a row totalling 10 are each still known to be at most 10.
 */
public final class DisclosureControl {

    public static final int DEFAULT_THRESHOLD = 5;

    private DisclosureControl() {
    }

    /** Protects {@code counts} (rows by columns) with the DfE threshold of 5. */
    public static ProtectedTable protect(int[][] counts) {
        return protect(counts, DEFAULT_THRESHOLD);
    }

    /**
     * Protects {@code counts} (rows by columns, non-negative), hiding counts from 1 to {@code threshold}.
     * Row, column and grand totals are worked out here, so they always agree with the cells.
     */
    public static ProtectedTable protect(int[][] counts, int threshold) {
        return protectYear(List.<int[][]>of(counts), false, java.util.Collections.singletonList(null), threshold).get(0);
    }

    /**
     * Protects every table the forum can read for one financial year together: the quarters given (in order, each
     * bands by methods) and, when {@code withYear}, the year (their sum). Tables already published keep their hidden
     * cells: {@code frozen.get(i)} is the hidden grid (totals included) of table {@code i} (quarters, then the
     * year), or null for a table still to decide. Only tables still to decide get more hidden cells.
     *
     * @return the tables as they may be shown: the quarters, then the year when asked for
     */
    public static List<ProtectedTable> protectYear(List<int[][]> quarters, boolean withYear, List<boolean[][]> frozen,
                                                   int threshold) {
        if (threshold < 0) {
            throw new IllegalArgumentException("The threshold cannot be negative: " + threshold);
        }
        if (quarters.isEmpty()) {
            throw new IllegalArgumentException("A year needs at least one quarter");
        }
        LinkedTables linked = new LinkedTables(quarters, withYear, frozen, threshold);
        linked.protect();
        List<ProtectedTable> result = new ArrayList<>();
        for (int t = 0; t < linked.grids.length; t++) {
            result.add(new ProtectedTable(linked.grids[t], linked.hidden[t], threshold));
        }
        return List.copyOf(result);
    }

    /**
     * The within-table rules alone (primary, lines, loops), without the range audit: the behaviour before linked
     * tables, kept so tests can show what the attack finds in it.
     */
    static ProtectedTable protectLoopsOnly(int[][] counts, int threshold) {
        int[][] grid = withTotals(counts);
        boolean[][] hidden = new boolean[grid.length][grid[0].length];
        for (int r = 0; r < grid.length; r++) {
            for (int c = 0; c < grid[0].length; c++) {
                hidden[r][c] = grid[r][c] >= 1 && grid[r][c] <= threshold;
            }
        }
        while (SecondarySuppression.hideForLineWithOneHidden(grid, hidden) || SecondarySuppression.hideToCloseLoop(grid, hidden)) {
            // each pass hides one more cell
        }
        return new ProtectedTable(grid, hidden, threshold);
    }

    /** A table as it was published and stored: the grid with totals and which cells were hidden. */
    public static ProtectedTable restore(int[][] gridWithTotals, boolean[][] hidden, int threshold) {
        return new ProtectedTable(gridWithTotals, hidden, threshold);
    }

    /** The forum's rule for "cannot be worked out": the feasible range of a hidden small count is at least this wide. */
    public static final int MINIMUM_RANGE = 3;

    /** One cell as the forum sees it: a count, or nothing at all when hidden (the true value is not kept). */
    public record Cell(OptionalInt count) {

        /** DfE's symbol for a hidden count. */
        public static final String SUPPRESSED_SYMBOL = "c";

        public Cell {
            Objects.requireNonNull(count, "count");
        }

        public static Cell shown(int count) {
            return new Cell(OptionalInt.of(count));
        }

        public static Cell hidden() {
            return new Cell(OptionalInt.empty());
        }

        public boolean isSuppressed() {
            return count.isEmpty();
        }

        /** The count, or "c" when hidden. */
        public String display() {
            return count.isPresent() ? Integer.toString(count.getAsInt()) : SUPPRESSED_SYMBOL;
        }
    }

    /**
     * The table as it may be shown: cells, row totals, column totals and grand total, each a count or hidden.
     * It holds no hidden value, so passing it to a page cannot leak one.
     */
    public static final class ProtectedTable {
        private final Cell[][] grid;
        private final int threshold;

        private ProtectedTable(int[][] values, boolean[][] hidden, int threshold) {
            this.threshold = threshold;
            this.grid = new Cell[values.length][values[0].length];
            for (int r = 0; r < values.length; r++) {
                for (int c = 0; c < values[0].length; c++) {
                    grid[r][c] = hidden[r][c] ? Cell.hidden() : Cell.shown(values[r][c]);
                }
            }
        }

        public int rows() {
            return grid.length - 1;
        }

        public int columns() {
            return grid[0].length - 1;
        }

        public int threshold() {
            return threshold;
        }

        public Cell cell(int row, int column) {
            Objects.checkIndex(row, rows());
            Objects.checkIndex(column, columns());
            return grid[row][column];
        }

        public Cell rowTotal(int row) {
            Objects.checkIndex(row, rows());
            return grid[row][columns()];
        }

        public Cell columnTotal(int column) {
            Objects.checkIndex(column, columns());
            return grid[rows()][column];
        }

        public Cell grandTotal() {
            return grid[rows()][columns()];
        }

        /** Rows then the totals row; each row's cells then its total: the grid a page draws. */
        public List<List<Cell>> withTotals() {
            List<List<Cell>> result = new ArrayList<>(grid.length);
            for (Cell[] row : grid) {
                result.add(List.of(row));
            }
            return List.copyOf(result);
        }

        /** Which cells of the grid (totals last) are hidden: what a publication stores to freeze this table. */
        public boolean[][] hiddenGrid() {
            boolean[][] hidden = new boolean[grid.length][grid[0].length];
            for (int r = 0; r < grid.length; r++) {
                for (int c = 0; c < grid[0].length; c++) {
                    hidden[r][c] = grid[r][c].isSuppressed();
                }
            }
            return hidden;
        }

        public int suppressedCount() {
            int count = 0;
            for (Cell[] row : grid) {
                for (Cell cell : row) {
                    count += cell.isSuppressed() ? 1 : 0;
                }
            }
            return count;
        }

        /**
         * True when the table is safe to show: no shown count is from 1 to the threshold; every row and column,
         * totals included, has no hidden cell or at least two; and no hidden cell can be worked out by adding
         * and subtracting whole rows and columns (each lies on a loop of hidden cells).
         */
        public boolean isSafe() {
            boolean[][] hidden = new boolean[grid.length][grid[0].length];
            for (int r = 0; r < grid.length; r++) {
                for (int c = 0; c < grid[0].length; c++) {
                    Cell cell = grid[r][c];
                    hidden[r][c] = cell.isSuppressed();
                    if (!hidden[r][c] && cell.count().getAsInt() >= 1 && cell.count().getAsInt() <= threshold) {
                        return false;
                    }
                }
            }
            if (SecondarySuppression.firstLineWithOneHidden(hidden) != null) {
                return false;
            }
            return SecondarySuppression.firstCellOnNoLoop(hidden) == null;
        }

        /** The grid as text, "c" for hidden, totals last: for test failures and debugging, never for logs. */
        @Override
        public String toString() {
            StringBuilder text = new StringBuilder();
            for (Cell[] row : grid) {
                for (int c = 0; c < row.length; c++) {
                    text.append(c == 0 ? "" : c == row.length - 1 ? " | " : " ").append(row[c].display());
                }
                text.append('\n');
            }
            return text.toString();
        }
    }

    // ---- the algorithm, on the grid with totals: the last row and last column are the margins ----

    /** The counts with a column of row totals, a row of column totals and the grand total in the corner. */
    public static int[][] withTotals(int[][] counts) {
        Objects.requireNonNull(counts, "counts");
        if (counts.length == 0 || counts[0] == null || counts[0].length == 0) {
            throw new IllegalArgumentException("A table needs at least one row and one column");
        }
        int rows = counts.length;
        int columns = counts[0].length;
        int[][] grid = new int[rows + 1][columns + 1];
        for (int r = 0; r < rows; r++) {
            if (counts[r] == null || counts[r].length != columns) {
                throw new IllegalArgumentException("Every row needs " + columns + " counts; row " + r + " differs");
            }
            for (int c = 0; c < columns; c++) {
                int count = counts[r][c];
                if (count < 0) {
                    throw new IllegalArgumentException("Counts cannot be negative: row " + r + ", column " + c);
                }
                grid[r][c] = count;
                grid[r][columns] = Math.addExact(grid[r][columns], count);
                grid[rows][c] = Math.addExact(grid[rows][c], count);
                grid[rows][columns] = Math.addExact(grid[rows][columns], count);
            }
        }
        return grid;
    }
}
