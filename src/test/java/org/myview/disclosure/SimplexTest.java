package org.myview.disclosure;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The linear programme disclosure control solves to bound a hidden cell: the minimum of cost · y over A y = b, y >= 0.
 * Answers are checked against sums worked by hand.
 */
class SimplexTest {

    private static final double DELTA = 1e-6;

    @Test
    void theSmallestOfOneUnknownFixedByOneEquationIsItsValue() {
        assertEquals(7, Simplex.minimize(new double[][] {{1}}, new double[] {7}, new double[] {1}), DELTA);
    }

    @Test
    void twoCellsSummingToTenRangeFromNoughtToTen() {
        double[][] a = {{1, 1}};
        double[] b = {10};

        assertEquals(0, Simplex.minimize(a, b, new double[] {1, 0}), DELTA);
        assertEquals(-10, Simplex.minimize(a, b, new double[] {-1, 0}), DELTA); // the maximum is 10
    }

    @Test
    void aTwoByTwoTableWithKnownMarginsBoundsEachHiddenCell() {
        // Cells y11 y12 y21 y22; rows sum to 5 and 7, columns to 4 and 8.
        double[][] a = {
                {1, 1, 0, 0},
                {0, 0, 1, 1},
                {1, 0, 1, 0},
                {0, 1, 0, 1},
        };
        double[] b = {5, 7, 4, 8};

        assertEquals(0, Simplex.minimize(a, b, new double[] {1, 0, 0, 0}), DELTA);
        assertEquals(4, -Simplex.minimize(a, b, new double[] {-1, 0, 0, 0}), DELTA);
        assertEquals(1, Simplex.minimize(a, b, new double[] {0, 1, 0, 0}), DELTA); // y12 = 5 - y11 >= 1
        assertEquals(5, -Simplex.minimize(a, b, new double[] {0, -1, 0, 0}), DELTA);
    }

    @Test
    void aSystemWithNoNonNegativeSolutionIsNaN() {
        // y1 + y2 = 3 and y1 + y2 = 5 cannot both hold.
        assertTrue(Double.isNaN(Simplex.minimize(new double[][] {{1, 1}, {1, 1}}, new double[] {3, 5}, new double[] {1, 0})));
        // y1 = 0 and y2 = -1: y2 cannot be negative.
        assertTrue(Double.isNaN(Simplex.minimize(new double[][] {{1, 0}, {0, 1}}, new double[] {0, -1}, new double[] {1, 1})));
    }

    @Test
    void aNegativeRightHandSideIsTurnedRoundNotRefused() {
        // -y1 - y2 = -6 is y1 + y2 = 6.
        assertEquals(6, -Simplex.minimize(new double[][] {{-1, -1}}, new double[] {-6}, new double[] {-1, 0}), DELTA);
    }

    @Test
    void anUnknownNoEquationHoldsIsUnboundedWhenItsCostIsNegative() {
        // y2 appears in no equation: maximising it has no limit.
        assertEquals(Double.NEGATIVE_INFINITY, Simplex.minimize(new double[][] {{1, 0}}, new double[] {2}, new double[] {0, -1}));
    }

    @Test
    void withNoEquationsTheMinimumIsNoughtUnlessSomeCostIsNegative() {
        assertEquals(0, Simplex.minimize(new double[0][], new double[0], new double[] {1, 2}), DELTA);
        assertEquals(Double.NEGATIVE_INFINITY, Simplex.minimize(new double[0][], new double[0], new double[] {1, -2}));
    }

    @Test
    void aRepeatedEquationDoesNotStopTheSolution() {
        // The second row repeats the first: phase one leaves an artificial in the basis at zero.
        double[][] a = {{1, 1, 1}, {1, 1, 1}, {1, 0, 0}};
        double[] b = {9, 9, 2};

        assertEquals(2, Simplex.minimize(a, b, new double[] {1, 0, 0}), DELTA);
        assertEquals(7, -Simplex.minimize(a, b, new double[] {0, -1, 0}), DELTA);
    }
}
