package org.myview.disclosure;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The steps of secondary suppression, one at a time: a line with one hidden cell gets a second, and a hidden
 * cell on no loop of hidden cells gets one that closes a loop. Grids here have no margins; the rules are the same.
 */
class SecondarySuppressionTest {

    private static boolean[][] hidden(String... rows) {
        boolean[][] h = new boolean[rows.length][rows[0].length()];
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < rows[r].length(); c++) {
                h[r][c] = rows[r].charAt(c) == 'x';
            }
        }
        return h;
    }

    @Test
    void aZeroIsTheLastChoiceAndOtherwiseTheSmallerCountGoesFirst() {
        assertTrue(SecondarySuppression.preference(1) < SecondarySuppression.preference(2));
        assertTrue(SecondarySuppression.preference(900) < SecondarySuppression.preference(0));
    }

    @Test
    void rowsAreLookedAtBeforeColumns() {
        assertEquals(new SecondarySuppression.Line(true, 1), SecondarySuppression.firstLineWithOneHidden(hidden("..", ".x")));
        assertEquals(new SecondarySuppression.Line(true, 0), SecondarySuppression.firstLineWithOneHidden(hidden("x.", "x.")));
        assertEquals(new SecondarySuppression.Line(false, 0), SecondarySuppression.firstLineWithOneHidden(hidden("xx.", ".xx")));
        assertNull(SecondarySuppression.firstLineWithOneHidden(hidden("xx", "xx")));
        assertNull(SecondarySuppression.firstLineWithOneHidden(hidden("..", "..")));
    }

    @Test
    void theSecondCellInARowIsTheOneThatAlsoProtectsItsColumn() {
        int[][] grid = {
                {2, 40, 30},
                {9, 50, 3},
        };
        boolean[][] h = hidden("x..", "..x");

        assertTrue(SecondarySuppression.hideForLineWithOneHidden(grid, h));

        // Row 0 has one hidden cell (the 2). Column 2 already has one hidden cell (the 3): hiding the 30 protects both.
        assertArrayEquals(new boolean[] {true, false, true}, h[0]);
    }

    @Test
    void aZeroIsHiddenOnlyWhenNothingElseWillDo() {
        int[][] grid = {{3, 0, 80}};
        boolean[][] h = hidden("x..");

        assertTrue(SecondarySuppression.hideForLineWithOneHidden(grid, h));

        assertArrayEquals(new boolean[] {true, false, true}, h[0]);
    }

    @Test
    void withNoExposedLineNothingChanges() {
        int[][] grid = {{1, 2}, {3, 4}};
        boolean[][] h = hidden("xx", "xx");

        assertFalse(SecondarySuppression.hideForLineWithOneHidden(grid, h));
        assertArrayEquals(hidden("xx", "xx"), h);
    }

    @Test
    void aLineWithOneHiddenCellAndNothingElseIsAnError() {
        assertThrows(IllegalStateException.class, () -> SecondarySuppression.hideForLineWithOneHidden(new int[][] {{4}}, hidden("x")));
    }

    @Test
    void fourCellsInARectangleAreALoopAndNoneIsExposed() {
        assertNull(SecondarySuppression.firstCellOnNoLoop(hidden("x.x", "...", "x.x")));
    }

    @Test
    void aChainOfHiddenCellsIsNotALoopAndItsFirstCellIsExposed() {
        // Two separate 2 x 2 blocks: each block is a loop of its own.
        boolean[][] h = hidden("xx..", "xx..", "..xx", "..xx");
        assertNull(SecondarySuppression.firstCellOnNoLoop(h)); // each 2 x 2 block is a loop

        boolean[][] chain = hidden("xx.", ".xx", "...");
        SecondarySuppression.CellOnNoLoop exposed = SecondarySuppression.firstCellOnNoLoop(chain);
        assertNotNull(exposed);
        assertEquals(0, exposed.row());
        assertEquals(0, exposed.column());
        assertArrayEquals(hidden("xx.", ".xx", "..."), chain, "the search leaves the grid as it was");
    }

    @Test
    void closingALoopHidesTheSmallestCellThatJoinsTheTwoSides() {
        int[][] grid = {
                {1, 2, 50},
                {60, 3, 4},
                {7, 70, 80},
        };
        boolean[][] h = hidden("xx.", ".xx", "..x");

        assertTrue(SecondarySuppression.hideToCloseLoop(grid, h));

        // The 1 at (0,0) is on no loop. Without it, row 0 reaches columns 1 and 2 and rows 1 and 2; column 0 reaches
        // nothing. A cell of column 0 in those rows joins the sides: the 60 or the 7, and the 7 is smaller.
        assertArrayEquals(hidden("xx.", ".xx", "x.x"), h);
    }

    @Test
    void withEveryHiddenCellOnALoopNothingIsAdded() {
        int[][] grid = {{1, 2}, {3, 4}};
        boolean[][] h = hidden("xx", "xx");

        assertFalse(SecondarySuppression.hideToCloseLoop(grid, h));
        assertArrayEquals(hidden("xx", "xx"), h);
    }
}
