package org.myview.participation;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/**
 * The dashboard's first screen (issue 18): a card per headline measure for the latest complete month or quarter,
 * with the change since the period before, the target and its RAG rating where one is set, and a short trend.
 *
 * @param month   the latest complete month of the year shown, or null when none has ended yet
 * @param quarter the latest complete quarter (1 to 4), or 0 when none has ended yet
 */
public record Headlines(YearMonth month, int quarter, List<Card> cards) {

    public Headlines {
        cards = List.copyOf(cards);
    }

    /**
     * One headline.
     *
     * @param key        the measure's message key part (participated, underFour, attended, mrmv, formsRead, concerns)
     * @param period     what the figure covers, in words ("March 2026", "Q3", "now")
     * @param figure     a count over its denominator with the percentage, or null when the card is a plain count
     * @param count      the plain count (concerns), or the figure's count
     * @param change     the change since the period before: percentage points or a count; null when there is no earlier figure
     * @param target     the target (a percentage), or null when none is set for this measure and review type
     * @param rag        the RAG rating against the target, or null when there is no target
     * @param trend      the last months (oldest first), for the trend; empty when the card has none
     * @param quarter       for a monthly card, the latest complete quarter ("Q3") beside the month; null otherwise
     * @param quarterFigure that quarter's figure, or null
     */
    public record Card(String key, String period, Counts.Figure figure, long count, Integer change, BigDecimal target,
                       RagResult rag, List<Point> trend, String quarter, Counts.Figure quarterFigure) {

        public Card {
            trend = List.copyOf(trend);
        }

        Card(String key, String period, Counts.Figure figure, long count, Integer change, BigDecimal target, RagResult rag,
             List<Point> trend) {
            this(key, period, figure, count, change, target, rag, trend, null, null);
        }

        Card withQuarter(String quarter, Counts.Figure quarterFigure) {
            return new Card(key, period, figure, count, change, target, rag, trend, quarter, quarterFigure);
        }

        public boolean hasFigure() {
            return figure == null || figure.hasPercent();
        }

        /** "up", "down", "same" or "none", for the words of the change. */
        public String direction() {
            if (change == null) {
                return "none";
            }
            return change > 0 ? "up" : change < 0 ? "down" : "same";
        }

        public int changeSize() {
            return change == null ? 0 : Math.abs(change);
        }

        /** The change with its sign, as "+3", "−2" or "0". */
        public String signedChange() {
            if (change == null) {
                return "";
            }
            return change > 0 ? "+" + change : change < 0 ? "\u2212" + Math.abs(change) : "0";
        }

        public String trendText() {
            return String.join(", ", trend.stream().map(p -> p.label() + " " + (p.percent() == null ? "no data" : p.percent() + "%")).toList());
        }
    }

    /** A month of a trend: its short label and whole percentage (null when there were no reviews). */
    public record Point(String label, Integer percent) {
    }
}
