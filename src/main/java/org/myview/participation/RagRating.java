package org.myview.participation;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Rates a measure RED, YELLOW, AMBER, GREEN or GREY from its figures, by the trust's definitions (seed 004):
 * GREEN meets or exceeds the target; AMBER is off target but within tolerance; YELLOW is outside tolerance but
 * better than the previous return; RED is outside tolerance with no improvement; GREY has no figure to rate.
 * BLUE (completed) is a person's decision about an action, so it is never returned here.
 */
public final class RagRating {

    private RagRating() {
    }

    public enum Direction {
        /** Participation, attendance, referrals: more is better. */
        HIGHER_IS_BETTER,
        /** Delays, missed reviews: less is better. */
        LOWER_IS_BETTER
    }

    public enum Unit {
        /** Shown as "43%", differences in "points". */
        PERCENT,
        /** A count, such as NYAS referrals: shown as "18", differences as plain numbers. */
        NUMBER
    }

    /**
     * What a measure aims at: a target, how far off it still counts as within tolerance (in the measure's own
     * units: 5 means 5 percentage points for a percentage), which way is better, and the unit for the sentence.
     */
    public record Measure(BigDecimal target, BigDecimal tolerance, Direction direction, Unit unit) {
        public Measure {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(tolerance, "tolerance");
            Objects.requireNonNull(direction, "direction");
            Objects.requireNonNull(unit, "unit");
            if (tolerance.signum() < 0) {
                throw new IllegalArgumentException("A tolerance cannot be negative: " + tolerance);
            }
        }
    }

    /**
     * @param current  this period's figure, or null when there is none yet (GREY)
     * @param previous the previous return's figure, or null when there is none; without one nothing can show
     *                 an improvement, so a figure outside tolerance is RED
     */
    public static RagResult rate(Measure measure, BigDecimal current, BigDecimal previous) {
        Objects.requireNonNull(measure, "measure");
        if (current == null) {
            return new RagResult(Rag.GREY, "There is no figure for this period yet, so GREY.");
        }
        boolean higherIsBetter = measure.direction() == Direction.HIGHER_IS_BETTER;
        // How far the figure falls short of the target, in the direction that matters; 0 or less is on target.
        BigDecimal shortfall = higherIsBetter ? measure.target().subtract(current) : current.subtract(measure.target());
        String now = show(current, measure.unit());
        String target = show(measure.target(), measure.unit());

        if (shortfall.signum() <= 0) {
            String how = shortfall.signum() == 0
                    ? "meets the target of " + target
                    : (higherIsBetter ? "is above" : "is below") + " the target of " + target + " by "
                    + difference(shortfall.negate(), measure.unit());
            return new RagResult(Rag.GREEN, now + " " + how + ", so GREEN.");
        }

        String offTarget = now + " is " + (higherIsBetter ? "below" : "above") + " the target of " + target
                + " by " + difference(shortfall, measure.unit());
        String tolerance = plain(measure.tolerance());
        if (shortfall.compareTo(measure.tolerance()) <= 0) {
            return new RagResult(Rag.AMBER, offTarget + ", within the tolerance of " + tolerance + ", so AMBER.");
        }

        String outside = offTarget + ", outside the tolerance of " + tolerance + "; ";
        if (previous == null) {
            return new RagResult(Rag.RED, outside + "there is no previous figure to show an improvement, so RED.");
        }
        int change = current.compareTo(previous);
        String movement = change == 0
                ? "the same as last period"
                : (change > 0 ? "up from " : "down from ") + show(previous, measure.unit()) + " last period";
        boolean improved = higherIsBetter ? change > 0 : change < 0;
        return improved
                ? new RagResult(Rag.YELLOW, outside + movement + ", so YELLOW.")
                : new RagResult(Rag.RED, outside + movement + ", so RED.");
    }

    private static String show(BigDecimal value, Unit unit) {
        return plain(value) + (unit == Unit.PERCENT ? "%" : "");
    }

    private static String difference(BigDecimal amount, Unit unit) {
        if (unit == Unit.NUMBER) {
            return plain(amount);
        }
        return plain(amount) + (amount.compareTo(BigDecimal.ONE) == 0 ? " point" : " points");
    }

    /** 43, 10.2 and 100 as people write them: no trailing zeros, no exponent. */
    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
