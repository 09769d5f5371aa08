package org.myview.participation;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How the board pack writes a percentage: whole (the dashboard's rounding, {@link Percentage}: half up) or to one
 * decimal place (half up too, as the seed writes 4.3%). Worked from the count and its denominator each time, never
 * from an already rounded whole percentage, so 1 of 8 is 13% or 12.5%, not 13.0%.
 *
 * @param decimals 0 or 1
 */
public record BoardPackPercent(int decimals) {

    public BoardPackPercent {
        if (decimals != 0 && decimals != 1) {
            throw new IllegalArgumentException("0 or 1 decimal places, not " + decimals);
        }
    }

    /** "4.3%" or "4%"; null when the denominator is 0 (the page says "no data"). */
    public String of(long count, long denominator) {
        if (decimals == 0) {
            var whole = Percentage.of(count, denominator);
            return whole.isPresent() ? whole.getAsInt() + "%" : null;
        }
        if (count < 0 || denominator < 0) {
            throw new IllegalArgumentException("Counts cannot be negative: " + count + " of " + denominator);
        }
        if (denominator == 0) {
            return null;
        }
        return BigDecimal.valueOf(count).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(denominator), 1, RoundingMode.HALF_UP).toPlainString() + "%";
    }

    public String of(Counts.Figure figure) {
        return of(figure.count(), figure.denominator());
    }
}
