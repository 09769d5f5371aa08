package org.myview.advocacy;

import org.myview.participation.FinancialYear;
import org.myview.participation.Percentage;
import org.myview.participation.RagRating;
import org.myview.participation.RagResult;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The advocacy figures of a financial year, as seed 004's "NYAS Dashboard" table: a row per figure, a column per
 * month (April to March), the quarters, the year's total and, for the rows the target is about, the "% of annual
 * target" (the total against four quarters' target). The target is rated quarter by quarter on referrals made to
 * NYAS ({@link Row#REFERRED_NYAS}); the old proxy (reviews coded with a NYAS advocate) is a row of its own.
 *
 * @param values   per row, 12 monthly values (April first); null for a month not entered (entered rows) or not
 *                 begun yet (counted rows)
 * @param quarters per row, 4 sums of the months that have a value; null when none has
 * @param totals   per row, the sum of the months that have a value; null when none has
 * @param ratings  the four quarters of referrals to NYAS against the target (GREY before a quarter begins)
 */
public record AdvocacyFigures(FinancialYear year, BigDecimal quarterlyTarget, Map<Row, List<Long>> values,
                              Map<Row, List<Long>> quarters, Map<Row, Long> totals, Map<Row, OptionalInt> percentOfAnnualTarget,
                              List<RagResult> ratings) {

    /** The figures, in the order the page shows them. */
    public enum Row {
        /** Children who asked for an advocate in their form and said we could pass it on (by the day they sent it). */
        REQUESTED(false, false),
        /** Referrals made to NYAS (by the referral's date): what the target is rated on. */
        REFERRED_NYAS(false, true),
        /** Referrals made to another advocacy service. */
        REFERRED_OTHER(false, false),
        /** Issue-based advocacy cases, from the advocacy service's report, entered by the participation lead. */
        ISSUE_BASED(true, true),
        /** Rights sessions, from the same report. */
        RIGHTS_SESSIONS(true, false),
        /** Reviews whose participation record names a NYAS advocate: the dashboard's earlier proxy for referrals. */
        REVIEWS_WITH_NYAS(false, false);

        private final boolean entered;
        private final boolean againstTarget;

        Row(boolean entered, boolean againstTarget) {
            this.entered = entered;
            this.againstTarget = againstTarget;
        }

        public boolean entered() {
            return entered;
        }

        public boolean againstTarget() {
            return againstTarget;
        }
    }

    /**
     * @param counts    per row, counts by month; a counted row's month missing from its map is 0 once the month
     *                  has begun, an entered row's is "not entered"
     * @param thisMonth the current month: later months have no value yet
     * @param baseline  the figure before the year's first quarter (for Q1's YELLOW), or null
     */
    public static AdvocacyFigures of(FinancialYear year, YearMonth thisMonth, Map<Row, Map<YearMonth, Long>> counts,
                                     BigDecimal quarterlyTarget, BigDecimal tolerance, BigDecimal baseline) {
        Map<Row, List<Long>> values = new java.util.EnumMap<>(Row.class);
        Map<Row, List<Long>> quarters = new java.util.EnumMap<>(Row.class);
        Map<Row, Long> totals = new java.util.EnumMap<>(Row.class);
        Map<Row, OptionalInt> percent = new java.util.EnumMap<>(Row.class);
        long annualTarget = quarterlyTarget.multiply(BigDecimal.valueOf(4)).setScale(0, RoundingMode.HALF_UP).longValueExact();
        for (Row row : Row.values()) {
            Map<YearMonth, Long> byMonth = counts.getOrDefault(row, Map.of());
            List<Long> months = new ArrayList<>();
            for (YearMonth month : year.months()) {
                Long value = byMonth.get(month);
                if (value == null && !row.entered() && !month.isAfter(thisMonth)) {
                    value = 0L;
                }
                months.add(month.isAfter(thisMonth) && !row.entered() ? null : value);
            }
            List<Long> sums = new ArrayList<>();
            for (int q = 0; q < 4; q++) {
                sums.add(sum(months.subList(q * 3, q * 3 + 3)));
            }
            Long total = sum(months);
            values.put(row, months);
            quarters.put(row, sums);
            totals.put(row, total);
            percent.put(row, row.againstTarget() && total != null ? Percentage.of(total, annualTarget) : OptionalInt.empty());
        }
        RagRating.Measure measure = new RagRating.Measure(quarterlyTarget, tolerance, RagRating.Direction.HIGHER_IS_BETTER,
                RagRating.Unit.NUMBER);
        List<RagResult> ratings = new ArrayList<>();
        List<Long> referrals = quarters.get(Row.REFERRED_NYAS);
        for (int q = 0; q < 4; q++) {
            Long current = referrals.get(q);
            BigDecimal previous = q == 0 ? baseline : referrals.get(q - 1) == null ? null : BigDecimal.valueOf(referrals.get(q - 1));
            ratings.add(RagRating.rate(measure, current == null ? null : BigDecimal.valueOf(current), previous));
        }
        return new AdvocacyFigures(year, quarterlyTarget, values, quarters, totals, percent, ratings);
    }

    private static Long sum(List<Long> values) {
        return values.stream().allMatch(java.util.Objects::isNull) ? null
                : values.stream().filter(java.util.Objects::nonNull).mapToLong(Long::longValue).sum();
    }
}
