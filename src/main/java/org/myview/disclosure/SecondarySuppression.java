package org.myview.disclosure;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The secondary rules of {@link DisclosureControl}, one cell at a time: hide a second cell on a line that has
 * exactly one hidden (it would be given away by subtraction), and close a loop through any hidden cell that is on
 * none (combinations of lines could isolate it). Shared with {@link LinkedTables}, which runs them per table.
 */
final class SecondarySuppression {

    private SecondarySuppression() {
    }

    /** Which cell to hide first when several would do: the smallest non-zero count, a zero last. */
    static long preference(int value) {
        return value == 0 ? Long.MAX_VALUE : value;
    }

    /** A line of the grid: a whole row (isRow) or a whole column, margins included. */
    record Line(boolean isRow, int index) {
    }

    private static int hiddenInRow(boolean[][] hidden, int row) {
        int n = 0;
        for (boolean h : hidden[row]) {
            n += h ? 1 : 0;
        }
        return n;
    }

    private static int hiddenInColumn(boolean[][] hidden, int column) {
        int n = 0;
        for (boolean[] row : hidden) {
            n += row[column] ? 1 : 0;
        }
        return n;
    }

    static Line firstLineWithOneHidden(boolean[][] hidden) {
        for (int r = 0; r < hidden.length; r++) {
            if (hiddenInRow(hidden, r) == 1) {
                return new Line(true, r);
            }
        }
        for (int c = 0; c < hidden[0].length; c++) {
            if (hiddenInColumn(hidden, c) == 1) {
                return new Line(false, c);
            }
        }
        return null;
    }

    /** Secondary suppression for one exposed line; false when no line is exposed. */
    static boolean hideForLineWithOneHidden(int[][] grid, boolean[][] hidden) {
        Line line = firstLineWithOneHidden(hidden);
        if (line == null) {
            return false;
        }
        int length = line.isRow() ? grid[0].length : grid.length;
        int bestRow = -1;
        int bestColumn = -1;
        long bestRank = Long.MAX_VALUE;
        for (int i = 0; i < length; i++) {
            int r = line.isRow() ? line.index() : i;
            int c = line.isRow() ? i : line.index();
            if (hidden[r][c]) {
                continue;
            }
            int crossingHidden = line.isRow() ? hiddenInColumn(hidden, c) : hiddenInRow(hidden, r);
            // 0: also fixes the crossing line; 1: crossing line already safe; 2: would expose the crossing line.
            int effect = crossingHidden == 1 ? 0 : crossingHidden >= 2 ? 1 : 2;
            // Zero only as a last resort: a hidden 0 beside a hidden small count shows the count is small.
            long rank = (grid[r][c] == 0 ? 1L << 40 : 0) + ((long) effect << 32) + grid[r][c];
            if (rank < bestRank) {
                bestRank = rank;
                bestRow = r;
                bestColumn = c;
            }
        }
        if (bestRow < 0) {
            throw new IllegalStateException("A line has one hidden cell and nothing else to hide");
        }
        hidden[bestRow][bestColumn] = true;
        return true;
    }

    /**
     * A hidden cell that lies on no loop of hidden cells, with the rows and columns on its row's side once it is
     * taken out; null when every hidden cell is on a loop. (In graph terms: a bridge of the bipartite graph whose
     * vertices are lines and whose edges are hidden cells.)
     */
    record CellOnNoLoop(int row, int column, boolean[] rowsOnRowSide, boolean[] columnsOnRowSide) {
    }

    static CellOnNoLoop firstCellOnNoLoop(boolean[][] hidden) {
        for (int r = 0; r < hidden.length; r++) {
            for (int c = 0; c < hidden[0].length; c++) {
                if (!hidden[r][c]) {
                    continue;
                }
                hidden[r][c] = false;
                boolean[] rows = new boolean[hidden.length];
                boolean[] columns = new boolean[hidden[0].length];
                reachable(hidden, new Line(true, r), rows, columns);
                hidden[r][c] = true;
                if (!columns[c]) {
                    return new CellOnNoLoop(r, c, rows, columns);
                }
            }
        }
        return null;
    }

    /** Marks every row and column joined to the starting line through hidden cells, the start included. */
    private static void reachable(boolean[][] hidden, Line start, boolean[] rows, boolean[] columns) {
        Deque<Line> queue = new ArrayDeque<>();
        (start.isRow() ? rows : columns)[start.index()] = true;
        queue.add(start);
        while (!queue.isEmpty()) {
            Line line = queue.poll();
            if (line.isRow()) {
                for (int c = 0; c < columns.length; c++) {
                    if (hidden[line.index()][c] && !columns[c]) {
                        columns[c] = true;
                        queue.add(new Line(false, c));
                    }
                }
            } else {
                for (int r = 0; r < rows.length; r++) {
                    if (hidden[r][line.index()] && !rows[r]) {
                        rows[r] = true;
                        queue.add(new Line(true, r));
                    }
                }
            }
        }
    }

    /**
     * Closes a loop through one hidden cell that is on none, by hiding a cell that joins its two sides: a row on
     * one side crossing a column on the other. Those lines already hold two or more hidden cells (secondary
     * suppression has run), so no line is left with exactly one. False when every hidden cell is on a loop.
     */
    static boolean hideToCloseLoop(int[][] grid, boolean[][] hidden) {
        CellOnNoLoop exposed = firstCellOnNoLoop(hidden);
        if (exposed == null) {
            return false;
        }
        boolean[] rowSideRows = exposed.rowsOnRowSide();
        boolean[] rowSideColumns = exposed.columnsOnRowSide();
        // The other side: everything joined to the cell's column once the cell is taken out.
        boolean[] otherRows = new boolean[grid.length];
        boolean[] otherColumns = new boolean[grid[0].length];
        hidden[exposed.row()][exposed.column()] = false;
        reachable(hidden, new Line(false, exposed.column()), otherRows, otherColumns);
        hidden[exposed.row()][exposed.column()] = true;

        int bestRow = -1;
        int bestColumn = -1;
        long bestRank = Long.MAX_VALUE;
        for (int r = 0; r < grid.length; r++) {
            for (int c = 0; c < grid[0].length; c++) {
                boolean joinsSides = (rowSideRows[r] && otherColumns[c]) || (otherRows[r] && rowSideColumns[c]);
                if (!joinsSides || hidden[r][c]) {
                    continue;
                }
                long rank = (grid[r][c] == 0 ? 1L << 40 : 0) + grid[r][c];
                if (rank < bestRank) {
                    bestRank = rank;
                    bestRow = r;
                    bestColumn = c;
                }
            }
        }
        if (bestRow < 0) {
            throw new IllegalStateException("No cell joins the two sides of an exposed hidden cell");
        }
        hidden[bestRow][bestColumn] = true;
        return true;
    }
}
