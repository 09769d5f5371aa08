package org.myview.disclosure;

/**
 * The smallest value of a linear function over {@code A y = b, y >= 0}: a dense two-phase simplex with Bland's rule
 * (no cycling), for the small systems disclosure control builds (tens of unknowns). Doubles are enough: every
 * coefficient is 0 or 1 and every right-hand side a small whole number, and the caller asks for ranges several
 * units wide, far beyond rounding error.
 */
final class Simplex {

    private static final double EPS = 1e-9;

    private Simplex() {
    }

    /**
     * The minimum of {@code cost · y}; {@link Double#NEGATIVE_INFINITY} when unbounded below, {@link Double#NaN} when
     * the system has no solution with {@code y >= 0}.
     */
    static double minimize(double[][] a, double[] b, double[] cost) {
        int m = a.length;
        int n = cost.length;
        if (m == 0) {
            for (double c : cost) {
                if (c < -EPS) {
                    return Double.NEGATIVE_INFINITY;
                }
            }
            return 0;
        }
        int width = n + m + 1; // unknowns, one artificial per row, right-hand side
        double[][] t = new double[m][width];
        int[] basis = new int[m];
        for (int i = 0; i < m; i++) {
            double sign = b[i] < 0 ? -1 : 1;
            for (int j = 0; j < n; j++) {
                t[i][j] = sign * a[i][j];
            }
            t[i][n + i] = 1;
            t[i][width - 1] = sign * b[i];
            basis[i] = n + i;
        }
        boolean[] dropped = new boolean[m];

        // Phase 1: minimise the sum of the artificials.
        double[] reduced = new double[width];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                reduced[j] -= t[i][j];
            }
            reduced[width - 1] -= t[i][width - 1];
        }
        if (!run(t, basis, reduced, dropped, n + m)) {
            throw new IllegalStateException("phase 1 cannot be unbounded");
        }
        if (-reduced[width - 1] > 1e-7) {
            return Double.NaN;
        }
        // Drive the artificials out of the basis; a row where that is impossible repeats other rows.
        for (int i = 0; i < m; i++) {
            if (basis[i] < n) {
                continue;
            }
            int entering = -1;
            for (int j = 0; j < n; j++) {
                if (Math.abs(t[i][j]) > EPS) {
                    entering = j;
                    break;
                }
            }
            if (entering < 0) {
                dropped[i] = true;
            } else {
                pivot(t, basis, null, dropped, i, entering);
            }
        }

        // Phase 2: the real cost, artificials never re-enter.
        reduced = new double[width];
        System.arraycopy(cost, 0, reduced, 0, n);
        for (int i = 0; i < m; i++) {
            if (dropped[i]) {
                continue;
            }
            double cb = cost[basis[i]];
            if (cb != 0) {
                for (int j = 0; j < width; j++) {
                    reduced[j] -= cb * t[i][j];
                }
            }
        }
        if (!run(t, basis, reduced, dropped, n)) {
            return Double.NEGATIVE_INFINITY;
        }
        return -reduced[width - 1];
    }

    /** Pivots until no column below {@code columns} improves; false when unbounded. */
    private static boolean run(double[][] t, int[] basis, double[] reduced, boolean[] dropped, int columns) {
        int rhs = reduced.length - 1;
        while (true) {
            int entering = -1;
            for (int j = 0; j < columns; j++) {
                if (reduced[j] < -EPS) {
                    entering = j; // Bland: the first improving column
                    break;
                }
            }
            if (entering < 0) {
                return true;
            }
            int leaving = -1;
            double best = Double.POSITIVE_INFINITY;
            for (int i = 0; i < t.length; i++) {
                if (dropped[i] || t[i][entering] <= EPS) {
                    continue;
                }
                double ratio = t[i][rhs] / t[i][entering];
                if (ratio < best - EPS || (ratio <= best + EPS && leaving >= 0 && basis[i] < basis[leaving])) {
                    best = Math.min(best, ratio);
                    leaving = i;
                }
            }
            if (leaving < 0) {
                return false;
            }
            pivot(t, basis, reduced, dropped, leaving, entering);
        }
    }

    private static void pivot(double[][] t, int[] basis, double[] reduced, boolean[] dropped, int row, int column) {
        double[] p = t[row];
        double factor = p[column];
        for (int j = 0; j < p.length; j++) {
            p[j] /= factor;
        }
        p[column] = 1;
        for (int i = 0; i < t.length; i++) {
            if (i == row || dropped[i]) {
                continue;
            }
            eliminate(t[i], p, column);
        }
        if (reduced != null) {
            eliminate(reduced, p, column);
        }
        basis[row] = column;
    }

    private static void eliminate(double[] target, double[] pivotRow, int column) {
        double f = target[column];
        if (f == 0) {
            return;
        }
        for (int j = 0; j < target.length; j++) {
            target[j] -= f * pivotRow[j];
        }
        target[column] = 0;
    }
}
