package org.myview.participation;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The board pack's percentages: whole as the dashboard rounds them, or one decimal place, both half up from the counts. */
class BoardPackPercentTest {

    private final BoardPackPercent whole = new BoardPackPercent(0);
    private final BoardPackPercent one = new BoardPackPercent(1);

    @Test
    void wholeIsTheDashboardsRounding() {
        assertEquals("13%", whole.of(1, 8));
        assertEquals("71%", whole.of(5, 7));
        assertEquals(Percentage.of(29, 200).getAsInt() + "%", whole.of(29, 200));
        assertNull(whole.of(0, 0), "no data, not 0%");
    }

    @Test
    void oneDecimalPlaceHalfUpFromTheCounts() {
        assertEquals("12.5%", one.of(1, 8));
        assertEquals("4.3%", one.of(3, 70), "4.2857");
        assertEquals("33.3%", one.of(1, 3));
        assertEquals("66.7%", one.of(2, 3));
        assertEquals("0.1%", one.of(1, 2000), "0.05 rounds up: decimal, not binary, arithmetic");
        assertEquals("0.0%", one.of(0, 5));
        assertEquals("100.0%", one.of(4, 4));
        assertEquals("120.0%", one.of(30, 25), "above the denominator is allowed, as Percentage allows it");
        assertNull(one.of(0, 0));
        assertEquals("12.5%", one.of(new Counts.Figure(1, 8, Percentage.of(1, 8))), "from the counts, not the whole 13");
    }

    @Test
    void onlyZeroOrOnePlaceAndNoNegativeCounts() {
        assertThrows(IllegalArgumentException.class, () -> new BoardPackPercent(2));
        assertThrows(IllegalArgumentException.class, () -> one.of(-1, 3));
        assertThrows(IllegalArgumentException.class, () -> whole.of(1, -3));
    }
}
