package org.myview.participation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.OptionalInt;

/**
 * Whole percentages as the trust's reports show them, rounded half up (1 of 8 is 12.5%, shown as 13%).
 * Decimal arithmetic, because binary floating point rounds some halves down (0.145 * 100 is 14.499...).
 */
public final class Percentage {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Percentage() {
    }

    /**
     * {@code count} as a whole percentage of {@code denominator}; empty when the denominator is 0, which a
     * page shows as "no data": 0 of 0 is not 0%, and showing 0% would read as "nobody took part".
     * A count above the denominator is allowed (for example 30 referrals against a target of 25 is 120%).
     */
    public static OptionalInt of(long count, long denominator) {
        if (count < 0 || denominator < 0) {
            throw new IllegalArgumentException("Counts cannot be negative: " + count + " of " + denominator);
        }
        if (denominator == 0) {
            return OptionalInt.empty();
        }
        BigDecimal percent = BigDecimal.valueOf(count).multiply(HUNDRED)
                .divide(BigDecimal.valueOf(denominator), 0, RoundingMode.HALF_UP);
        return OptionalInt.of(percent.intValueExact());
    }
}
