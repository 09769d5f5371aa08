package org.myview.participation;

import org.myview.review.ParticipationMethod;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.Set;

/**
 * What a target is set on. Percentages are of reviews of children aged 4 and over:
 * PARTICIPATED (PN1, PN2, PN3, PN5, PN6, and PN4 if the setting says so), ATTENDED (physical
 * attendance: PN1 to PN4), CONTRIBUTED (input directly, via an advocate or non-verbally: PN1, PN2,
 * PN3, PN5). NYAS_REFERRALS is the number of reviews with NYAS as advocate, per quarter.
 */
public enum Measure {
    PARTICIPATED(true),
    ATTENDED(true),
    CONTRIBUTED(true),
    NYAS_REFERRALS(false);

    private final boolean percentage;

    Measure(boolean percentage) {
        this.percentage = percentage;
    }

    public boolean isPercentage() {
        return percentage;
    }

    private static final Set<ParticipationMethod> ATTENDED_CODES = EnumSet.of(ParticipationMethod.PN1, ParticipationMethod.PN2,
            ParticipationMethod.PN3, ParticipationMethod.PN4);
    private static final Set<ParticipationMethod> CONTRIBUTED_CODES = EnumSet.of(ParticipationMethod.PN1, ParticipationMethod.PN2,
            ParticipationMethod.PN3, ParticipationMethod.PN5);

    /** The measure's value for these counts: a whole percentage, or a count; null when there is no data. */
    public BigDecimal value(Counts counts, boolean pn4Counts) {
        if (this == NYAS_REFERRALS) {
            return BigDecimal.valueOf(counts.nyas());
        }
        long count = switch (this) {
            case PARTICIPATED -> TableRow.participated(counts, pn4Counts);
            case ATTENDED -> ATTENDED_CODES.stream().mapToLong(counts::of).sum();
            default -> CONTRIBUTED_CODES.stream().mapToLong(counts::of).sum();
        };
        var percent = Percentage.of(count, counts.agedFourPlus());
        return percent.isPresent() ? BigDecimal.valueOf(percent.getAsInt()) : null;
    }
}
