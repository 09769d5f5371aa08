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
 * The dashboard's other headlines (issue 18): MRMV_COMPLETED (My Review My View completed, of reviews held),
 * FORMS_READ (forms read before the review, of forms sent) and CONCERNS_OPEN (talk-now concerns open at the end of
 * the period, the whole service; fewer is better). Their figures do not come from the PN codes ({@link #value}
 * gives null); ParticipationService.targets and HeadlineService read them from their own sections.
 */
public enum Measure {
    PARTICIPATED(true),
    ATTENDED(true),
    CONTRIBUTED(true),
    NYAS_REFERRALS(false),
    MRMV_COMPLETED(true),
    FORMS_READ(true),
    CONCERNS_OPEN(false);

    private final boolean percentage;

    Measure(boolean percentage) {
        this.percentage = percentage;
    }

    public boolean isPercentage() {
        return percentage;
    }

    /** Whether the figures come from the PN codes (the participation roll-up). */
    public boolean fromCodes() {
        return ordinal() <= NYAS_REFERRALS.ordinal();
    }

    public RagRating.Direction direction() {
        return this == CONCERNS_OPEN ? RagRating.Direction.LOWER_IS_BETTER : RagRating.Direction.HIGHER_IS_BETTER;
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
        if (!fromCodes()) {
            return null;
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
