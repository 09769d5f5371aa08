package org.myview.participation;

import org.myview.review.ParticipationMethod;
import java.util.Arrays;
import java.util.OptionalInt;

/**
 * How many reviews had each PN code (index 0 for PN0 ... 7 for PN7), and how many had NYAS as
 * advocate, for one month, quarter or year. Every figure of the table is worked out from these.
 */
public record Counts(long[] byCode, long nyas) {

    public static final Counts NONE = new Counts(new long[8], 0);

    public Counts {
        byCode = Arrays.copyOf(byCode, 8);
    }

    public Counts plus(Counts other) {
        long[] sum = new long[8];
        for (int i = 0; i < 8; i++) {
            sum[i] = byCode[i] + other.byCode[i];
        }
        return new Counts(sum, nyas + other.nyas);
    }

    public long of(ParticipationMethod code) {
        return byCode[code.ordinal()];
    }

    public long all() {
        return Arrays.stream(byCode).sum();
    }

    public long agedFourPlus() {
        return all() - of(ParticipationMethod.PN0);
    }

    public boolean isEmpty() {
        return all() == 0;
    }

    /** A count over its denominator, with the whole percentage (half up); no percentage when there is nothing to divide. */
    public record Figure(long count, long denominator, OptionalInt percent) {

        static Figure of(long count, long denominator) {
            return new Figure(count, denominator, Percentage.of(count, denominator));
        }

        public boolean hasPercent() {
            return percent.isPresent();
        }

        public int percentValue() {
            return percent.orElse(0);
        }
    }
}
