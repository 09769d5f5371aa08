package org.myview.disclosure;

import org.myview.disclosure.DisclosureControl.Cell;
import org.myview.disclosure.DisclosureControl.ProtectedTable;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An attacker written apart from {@link DisclosureControl} (it shares no code with it): it reads only what a
 * forum member can read, the shown numbers of every table of a financial year, and tries to recover hidden counts.
 *
 * <ul>
 *   <li>Exact linear algebra: every shown number is an equation over the quarters' inner cells; rational row
 *   reduction (BigInteger fractions, no rounding) says whether a hidden count is a combination of them.</li>
 *   <li>Whole numbers: inner cells are whole, never negative, and (the attacker guesses, and we let it know when
 *   the guess is right) a hidden inner cell is at least 1. Bound propagation and a depth-first search look for a
 *   second whole-number solution in which the hidden count differs; none means the count is pinned.</li>
 * </ul>
 * The true counts are given only to say which hidden cells are small (what we check) and which are really 0.
 */
public final class PublishedFiguresAttack {

    private static final long UNBOUNDED = 1_000_000;
    private static final int NODE_LIMIT = 200_000;

    /** A hidden small count the attacker pinned down, and how. */
    public record Leak(int table, int row, int column, int value, String how) {
    }

    private final List<ProtectedTable> published;
    private final List<int[][]> truth; // grids with totals, same order as published
    private final int quarters;
    private final int rows;    // inner rows
    private final int columns; // inner columns
    private final int threshold;
    private final int[][][] unknown;
    private final List<int[]> unknowns = new ArrayList<>();
    private final List<int[]> equationSets = new ArrayList<>();
    private final List<Long> equationValues = new ArrayList<>();

    /**
     * @param quarterTruth the true inner counts of each quarter published (rows by columns)
     * @param published    the published quarters, then the year when it is published (the sum of those quarters)
     */
    public PublishedFiguresAttack(List<int[][]> quarterTruth, List<ProtectedTable> published, int threshold) {
        this.published = published;
        this.quarters = quarterTruth.size();
        this.rows = quarterTruth.get(0).length;
        this.columns = quarterTruth.get(0)[0].length;
        this.threshold = threshold;
        this.truth = new ArrayList<>();
        for (int[][] q : quarterTruth) {
            truth.add(grid(List.<int[][]>of(q)));
        }
        if (published.size() == quarters + 1) {
            truth.add(grid(quarterTruth));
        }
        unknown = new int[quarters][rows][columns];
        for (int q = 0; q < quarters; q++) {
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < columns; c++) {
                    unknown[q][r][c] = -1;
                    if (cell(q, r, c).isSuppressed()) {
                        unknown[q][r][c] = unknowns.size();
                        unknowns.add(new int[] {q, r, c});
                    }
                }
            }
        }
        for (int t = 0; t < published.size(); t++) {
            for (int r = 0; r <= rows; r++) {
                for (int c = 0; c <= columns; c++) {
                    Cell shown = cell(t, r, c);
                    if (shown.isSuppressed()) {
                        continue;
                    }
                    long rest = shown.count().getAsInt();
                    List<Integer> set = new ArrayList<>();
                    for (int[] inner : inner(t, r, c)) {
                        int u = unknown[inner[0]][inner[1]][inner[2]];
                        if (u < 0) {
                            rest -= cell(inner[0], inner[1], inner[2]).count().getAsInt();
                        } else {
                            set.add(u);
                        }
                    }
                    if (!set.isEmpty()) {
                        equationSets.add(set.stream().mapToInt(Integer::intValue).toArray());
                        equationValues.add(rest);
                    }
                }
            }
        }
    }

    private int[][] grid(List<int[][]> parts) {
        int[][] g = new int[rows + 1][columns + 1];
        for (int[][] p : parts) {
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < columns; c++) {
                    g[r][c] += p[r][c];
                    g[r][columns] += p[r][c];
                    g[rows][c] += p[r][c];
                    g[rows][columns] += p[r][c];
                }
            }
        }
        return g;
    }

    private Cell cell(int table, int row, int column) {
        return published.get(table).withTotals().get(row).get(column);
    }

    private List<int[]> inner(int table, int row, int column) {
        List<int[]> cells = new ArrayList<>();
        boolean year = table == quarters;
        for (int q = 0; q < quarters; q++) {
            if (!year && q != table) {
                continue;
            }
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < columns; c++) {
                    if ((row == rows || row == r) && (column == columns || column == c)) {
                        cells.add(new int[] {q, r, c});
                    }
                }
            }
        }
        return cells;
    }

    /** Every shown number that is 1 to the threshold, and every hidden small count the attacker pins down. */
    public List<Leak> leaks() {
        List<Leak> leaks = new ArrayList<>();
        Rational[][] reduced = rowReduce();
        reducedRows(reduced);
        moves = nullSpaceMoves(reduced);
        for (int t = 0; t < published.size(); t++) {
            for (int r = 0; r <= rows; r++) {
                for (int c = 0; c <= columns; c++) {
                    int value = truth.get(t)[r][c];
                    Cell shown = cell(t, r, c);
                    if (!shown.isSuppressed()) {
                        if (shown.count().getAsInt() != value) {
                            leaks.add(new Leak(t, r, c, value, "shown as " + shown.count().getAsInt()));
                        } else if (value >= 1 && value <= threshold) {
                            leaks.add(new Leak(t, r, c, value, "shown"));
                        }
                        continue;
                    }
                    if (value < 1 || value > threshold) {
                        continue;
                    }
                    if (determined(reduced, t, r, c)) {
                        leaks.add(new Leak(t, r, c, value, "worked out by linear algebra"));
                    } else if (pinned(t, r, c, value)) {
                        leaks.add(new Leak(t, r, c, value, "pinned by whole numbers"));
                    }
                }
            }
        }
        return leaks;
    }

    // ---- exact linear algebra ----

    private record Rational(BigInteger num, BigInteger den) {
        static final Rational ZERO = new Rational(BigInteger.ZERO, BigInteger.ONE);

        static Rational of(long n) {
            return new Rational(BigInteger.valueOf(n), BigInteger.ONE);
        }

        Rational {
            if (den.signum() < 0) {
                num = num.negate();
                den = den.negate();
            }
            BigInteger g = num.gcd(den);
            if (g.signum() != 0 && !g.equals(BigInteger.ONE)) {
                num = num.divide(g);
                den = den.divide(g);
            }
        }

        boolean isZero() {
            return num.signum() == 0;
        }

        Rational minus(Rational o) {
            return new Rational(num.multiply(o.den).subtract(o.num.multiply(den)), den.multiply(o.den));
        }

        Rational times(Rational o) {
            return new Rational(num.multiply(o.num), den.multiply(o.den));
        }

        Rational over(Rational o) {
            return new Rational(num.multiply(o.den), den.multiply(o.num));
        }
    }

    /**
     * Reduced row echelon form of the equations, the value in the extra last column. The reduced rows also serve the
     * whole-number search: each pins a leading unknown once the free ones are chosen.
     */
    private Rational[][] rowReduce() {
        int n = unknowns.size();
        List<Rational[]> m = new ArrayList<>();
        for (int e = 0; e < equationSets.size(); e++) {
            Rational[] row = new Rational[n + 1];
            Arrays.fill(row, Rational.ZERO);
            for (int u : equationSets.get(e)) {
                row[u] = Rational.of(1);
            }
            row[n] = Rational.of(equationValues.get(e));
            m.add(row);
        }
        int rank = 0;
        for (int col = 0; col < n && rank < m.size(); col++) {
            int pivot = -1;
            for (int r = rank; r < m.size(); r++) {
                if (!m.get(r)[col].isZero()) {
                    pivot = r;
                    break;
                }
            }
            if (pivot < 0) {
                continue;
            }
            Rational[] p = m.get(pivot);
            m.set(pivot, m.get(rank));
            m.set(rank, p);
            Rational lead = p[col];
            for (int k = 0; k <= n; k++) {
                p[k] = p[k].over(lead);
            }
            for (int r = 0; r < m.size(); r++) {
                Rational[] other = m.get(r);
                if (r != rank && !other[col].isZero()) {
                    Rational f = other[col];
                    for (int k = 0; k <= n; k++) {
                        other[k] = other[k].minus(f.times(p[k]));
                    }
                }
            }
            rank++;
        }
        return m.subList(0, rank).toArray(new Rational[0][]);
    }

    private boolean determined(Rational[][] reduced, int t, int r, int c) {
        int n = unknowns.size();
        Rational[] target = new Rational[n];
        Arrays.fill(target, Rational.ZERO);
        for (int[] inner : inner(t, r, c)) {
            int u = unknown[inner[0]][inner[1]][inner[2]];
            if (u >= 0) {
                target[u] = Rational.of(1);
            }
        }
        for (Rational[] row : reduced) {
            int lead = 0;
            while (row[lead].isZero()) {
                lead++;
            }
            Rational f = target[lead];
            if (!f.isZero()) {
                for (int k = 0; k < n; k++) {
                    target[k] = target[k].minus(f.times(row[k]));
                }
            }
        }
        return Arrays.stream(target).allMatch(Rational::isZero);
    }

    // ---- whole numbers ----

    /** Constraints as whole numbers: {@code sum coefficient[i] * x[unknown[i]] = value}. */
    private record Row(int[] unknown, long[] coefficient, long value) {
    }

    private final List<Row> constraints = new ArrayList<>();
    private boolean[] free;

    private void reducedRows(Rational[][] reduced) {
        int n = unknowns.size();
        free = new boolean[n];
        Arrays.fill(free, true);
        for (int e = 0; e < equationSets.size(); e++) {
            int[] set = equationSets.get(e);
            long[] ones = new long[set.length];
            Arrays.fill(ones, 1);
            constraints.add(new Row(set, ones, equationValues.get(e)));
        }
        for (Rational[] row : reduced) {
            BigInteger scale = BigInteger.ONE;
            for (Rational x : row) {
                scale = scale.divide(scale.gcd(x.den())).multiply(x.den());
            }
            List<Integer> us = new ArrayList<>();
            List<Long> cs = new ArrayList<>();
            boolean lead = true;
            for (int k = 0; k < n; k++) {
                if (!row[k].isZero()) {
                    if (lead) {
                        free[k] = false;
                        lead = false;
                    }
                    us.add(k);
                    cs.add(row[k].num().multiply(scale.divide(row[k].den())).longValueExact());
                }
            }
            long value = row[n].num().multiply(scale.divide(row[n].den())).longValueExact();
            constraints.add(new Row(us.stream().mapToInt(Integer::intValue).toArray(),
                    cs.stream().mapToLong(Long::longValue).toArray(), value));
        }
    }

    private List<long[]> moves;

    /**
     * Whole-number changes to the unknowns that keep every published number: one per free unknown of the reduced
     * system (that unknown +1, the leading ones as the rows say), scaled to whole numbers, and sums and differences
     * of two of them.
     */
    private List<long[]> nullSpaceMoves(Rational[][] reduced) {
        int n = unknowns.size();
        List<long[]> basis = new ArrayList<>();
        for (int f = 0; f < n; f++) {
            if (!free[f]) {
                continue;
            }
            Rational[] d = new Rational[n];
            Arrays.fill(d, Rational.ZERO);
            d[f] = Rational.of(1);
            for (Rational[] row : reduced) {
                int lead = 0;
                while (row[lead].isZero()) {
                    lead++;
                }
                d[lead] = Rational.ZERO.minus(row[f]);
            }
            BigInteger scale = BigInteger.ONE;
            for (Rational x : d) {
                scale = scale.divide(scale.gcd(x.den())).multiply(x.den());
            }
            long[] move = new long[n];
            for (int k = 0; k < n; k++) {
                move[k] = d[k].num().multiply(scale.divide(d[k].den())).longValueExact();
            }
            basis.add(move);
        }
        List<long[]> result = new ArrayList<>();
        for (int i = 0; i < basis.size(); i++) {
            for (int k = 1; k <= 3; k++) {
                result.add(times(basis.get(i), k));
                result.add(times(basis.get(i), -k));
            }
            for (int j = i + 1; j < basis.size(); j++) {
                for (int sign : new int[] {1, -1}) {
                    long[] sum = new long[n];
                    for (int k = 0; k < n; k++) {
                        sum[k] = basis.get(i)[k] + sign * basis.get(j)[k];
                    }
                    result.add(sum);
                    result.add(times(sum, -1));
                }
            }
        }
        return result;
    }

    private static long[] times(long[] v, long k) {
        long[] r = new long[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = v[i] * k;
        }
        return r;
    }

    /** A second whole-number table, built from the true one by one move, that gives {@code target} another value. */
    private boolean anotherSolutionByOneMove(int[] target) {
        for (long[] move : moves) {
            long change = 0;
            for (int u : target) {
                change += move[u];
            }
            if (change == 0) {
                continue;
            }
            boolean allowed = true;
            long[] x = new long[unknowns.size()];
            for (int u = 0; u < x.length && allowed; u++) {
                int[] at = unknowns.get(u);
                long truthValue = truth.get(at[0])[at[1]][at[2]];
                x[u] = truthValue + move[u];
                allowed = x[u] >= (truthValue >= 1 ? 1 : 0);
            }
            if (allowed && satisfiesEverything(x)) {
                return true;
            }
        }
        return false;
    }

    /** Checks a candidate table against every published number itself, so a found solution is a proof. */
    private boolean satisfiesEverything(long[] x) {
        for (int e = 0; e < equationSets.size(); e++) {
            long sum = 0;
            for (int u : equationSets.get(e)) {
                sum += x[u];
            }
            if (sum != equationValues.get(e)) {
                return false;
            }
        }
        return true;
    }

    /** True when no whole-number solution gives the hidden cell another value than {@code value}. */
    private boolean pinned(int t, int r, int c, int value) {
        List<Integer> set = new ArrayList<>();
        long constant = 0;
        for (int[] inner : inner(t, r, c)) {
            int u = unknown[inner[0]][inner[1]][inner[2]];
            if (u < 0) {
                constant += cell(inner[0], inner[1], inner[2]).count().getAsInt();
            } else {
                set.add(u);
            }
        }
        int[] target = set.stream().mapToInt(Integer::intValue).toArray();
        if (anotherSolutionByOneMove(target)) {
            return false;
        }
        return !solvable(target, Long.MIN_VALUE / 4, value - 1 - constant)
                && !solvable(target, value + 1 - constant, Long.MAX_VALUE / 4);
    }

    private boolean solvable(int[] target, long targetFrom, long targetTo) {
        int n = unknowns.size();
        long[] lo = new long[n];
        long[] hi = new long[n];
        for (int u = 0; u < n; u++) {
            int[] at = unknowns.get(u);
            lo[u] = truth.get(at[0])[at[1]][at[2]] >= 1 ? 1 : 0;
            hi[u] = UNBOUNDED;
        }
        int[] nodes = {0};
        Boolean found = search(target, targetFrom, targetTo, lo, hi, nodes);
        if (found == null) {
            throw new AssertionError("the whole-number search gave up after " + NODE_LIMIT + " steps");
        }
        return found;
    }

    /** Depth-first search with bound propagation; null when it ran out of steps. */
    private Boolean search(int[] target, long targetFrom, long targetTo, long[] lo, long[] hi, int[] nodes) {
        if (++nodes[0] > NODE_LIMIT) {
            return null;
        }
        if (!propagate(target, targetFrom, targetTo, lo, hi)) {
            return false;
        }
        int branch = -1;
        for (int pass = 0; pass < 2 && branch < 0; pass++) {
            for (int u = 0; u < lo.length; u++) {
                if ((pass == 1 || free[u]) && lo[u] < hi[u] && (branch < 0 || hi[u] - lo[u] < hi[branch] - lo[branch])) {
                    branch = u;
                }
            }
        }
        if (branch < 0) {
            return true; // every unknown fixed and every constraint holds
        }
        // An unknown nothing bounds: trying its lowest values is enough to find a solution if one exists nearby;
        // missing a far one only makes the attack report a leak that is not there (the safe direction).
        long last = hi[branch] >= UNBOUNDED ? lo[branch] + 60 : hi[branch];
        // Nearest the true value first: the true table meets every equation, so other solutions tend to lie near it.
        int[] at = unknowns.get(branch);
        long centre = Math.max(lo[branch], Math.min(last, truth.get(at[0])[at[1]][at[2]]));
        for (long step = 0; step <= 2 * (last - lo[branch]) + 1; step++) {
            long v = step % 2 == 0 ? centre + step / 2 : centre - (step + 1) / 2;
            if (v < lo[branch] || v > last) {
                continue;
            }
            long[] l = lo.clone();
            long[] h = hi.clone();
            l[branch] = v;
            h[branch] = v;
            Boolean found = search(target, targetFrom, targetTo, l, h, nodes);
            if (found == null || found) {
                return found;
            }
        }
        return false;
    }

    private static long ceilDiv(long x, long y) {
        return -Math.floorDiv(-x, y);
    }

    private boolean propagate(int[] target, long targetFrom, long targetTo, long[] lo, long[] hi) {
        long[] ones = new long[target.length];
        Arrays.fill(ones, 1);
        Row targetRow = new Row(target, ones, 0);
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int e = 0; e <= constraints.size(); e++) {
                Row row = e < constraints.size() ? constraints.get(e) : targetRow;
                long from = e < constraints.size() ? row.value() : targetFrom;
                long to = e < constraints.size() ? row.value() : targetTo;
                long sumMin = 0;
                long sumMax = 0;
                for (int i = 0; i < row.unknown().length; i++) {
                    long a = row.coefficient()[i];
                    int u = row.unknown()[i];
                    sumMin += a > 0 ? a * lo[u] : a * hi[u];
                    sumMax += a > 0 ? a * hi[u] : a * lo[u];
                }
                if (sumMin > to || sumMax < from) {
                    return false;
                }
                for (int i = 0; i < row.unknown().length; i++) {
                    long a = row.coefficient()[i];
                    int u = row.unknown()[i];
                    long ownMin = a > 0 ? a * lo[u] : a * hi[u];
                    long ownMax = a > 0 ? a * hi[u] : a * lo[u];
                    // a*x lies in [from - (sumMax - ownMax), to - (sumMin - ownMin)]
                    long low = from - (sumMax - ownMax);
                    long high = to - (sumMin - ownMin);
                    long newLo;
                    long newHi;
                    if (a > 0) {
                        newLo = Math.max(lo[u], ceilDiv(low, a));
                        newHi = Math.min(hi[u], Math.floorDiv(high, a));
                    } else {
                        newLo = Math.max(lo[u], ceilDiv(high, a));
                        newHi = Math.min(hi[u], Math.floorDiv(low, a));
                    }
                    if (newLo > newHi) {
                        return false;
                    }
                    if (newLo != lo[u] || newHi != hi[u]) {
                        lo[u] = newLo;
                        hi[u] = newHi;
                        changed = true;
                        ownMin = a > 0 ? a * lo[u] : a * hi[u];
                        ownMax = a > 0 ? a * hi[u] : a * lo[u];
                        sumMin = 0;
                        sumMax = 0;
                        for (int j = 0; j < row.unknown().length; j++) {
                            long b = row.coefficient()[j];
                            int w = row.unknown()[j];
                            sumMin += b > 0 ? b * lo[w] : b * hi[w];
                            sumMax += b > 0 ? b * hi[w] : b * lo[w];
                        }
                    }
                }
            }
        }
        return true;
    }
}
