package org.myview.participation;

import org.myview.review.ParticipationMethod;
import java.util.List;

/**
 * The rows of the seed's participation table, in its order, plus PN4 and PN7 so that the method
 * rows add up to 100% of the reviews of children aged 4 and over.
 */
public enum TableRow {
    PARTICIPATED,
    UNDER_FOUR,
    PN1,
    PN2,
    PN3,
    PN5,
    PN6,
    PN4,
    PN7;

    /** The figure for this row: a count over reviews of children 4+ (under 4: over all reviews). */
    public Counts.Figure figure(Counts counts, boolean pn4CountsAsParticipation) {
        return switch (this) {
            case PARTICIPATED -> Counts.Figure.of(participated(counts, pn4CountsAsParticipation), counts.agedFourPlus());
            case UNDER_FOUR -> Counts.Figure.of(counts.of(ParticipationMethod.PN0), counts.all());
            default -> Counts.Figure.of(counts.of(ParticipationMethod.valueOf(name())), counts.agedFourPlus());
        };
    }

    static long participated(Counts counts, boolean pn4Counts) {
        long sum = 0;
        for (ParticipationMethod method : ParticipationMethod.values()) {
            if (method.countsAsParticipation(pn4Counts)) {
                sum += counts.of(method);
            }
        }
        return sum;
    }

    public static List<TableRow> methods() {
        return List.of(PN1, PN2, PN3, PN5, PN6, PN4, PN7);
    }
}
