package org.myview.review;

import org.myview.web.EnumNames;

import java.util.Optional;

/**
 * How a child took part in their review: the DfE SSDA903 participation codes, used for CLA reviews and
 * reused locally for CP conferences and CIN reviews.
 */
public enum ParticipationMethod {
    PN0("Child aged under 4 at the time of the review",
            "Under 4 on the day of the review"),
    PN1("Child physically attends and speaks for him or herself (attendance)",
            "Came to the review and spoke for themselves"),
    PN2("Child physically attends and an advocate speaks on his or her behalf "
            + "(views represented by advocate or IRO)",
            "Came to the review and an advocate spoke for them"),
    PN3("Child attends and conveys his or her view symbolically (non-verbally)",
            "Came to the review and shared their views without words"),
    PN4("Child physically attends but does not speak, does not convey views symbolically and does not ask "
            + "an advocate to speak (attendance without contribution)",
            "Came to the review but did not share their views"),
    PN5("Child does not attend physically but briefs an advocate to speak for him or her "
            + "(text, written, phone, audio/video, consultation form)",
            "Did not come, but an advocate spoke for them"),
    PN6("Child does not attend but conveys his or her feelings to the review by a facilitative medium "
            + "(text to the chair, written, phone, audio/video, consultation form)",
            "Did not come, but sent their views another way, such as the My Review My View form"),
    PN7("Child does not attend nor are his or her views conveyed to the review",
            "Did not come and their views did not reach the review");

    private final String officialWording;
    private final String label;

    ParticipationMethod(String officialWording, String label) {
        this.officialWording = officialWording;
        this.label = label;
    }

    /** The DfE's own wording, for guidance text and returns where the exact definition matters. */
    public String officialWording() {
        return officialWording;
    }

    /** Short plain words for the radio buttons staff choose from. */
    public String label() {
        return label;
    }

    /** The child was physically at the review (PN1 to PN4). */
    public boolean attended() {
        return this == PN1 || this == PN2 || this == PN3 || this == PN4;
    }

    /**
     * Whether the review counts towards "% of children who participated". PN4 (came but did not contribute)
     * is not in the seed's table, so whether it counts is the caller's setting; PN0 and PN7 never count.
     */
    public boolean countsAsParticipation(boolean pn4Counts) {
        return switch (this) {
            case PN1, PN2, PN3, PN5, PN6 -> true;
            case PN4 -> pn4Counts;
            case PN0, PN7 -> false;
        };
    }

    /** The one code for a child under 4 on the review date; every other code needs a child of 4 or over. */
    public boolean forUnderFour() {
        return this == PN0;
    }

    /** Exactly "PN0" to "PN7". Lower case or padded values are invalid, as in DfE rule 167. */
    public static Optional<ParticipationMethod> parse(String code) {
        return EnumNames.exact(ParticipationMethod.class, code);
    }
}
