package org.myview.review;

import org.myview.web.EnumNames;

import java.util.Optional;

/** The kinds of review or conference whose participation the service records. */
public enum ReviewType {
    CLA("CLA review", false),
    CP_INITIAL("Initial child protection conference", true),
    CP_REVIEW("Child protection review conference", true),
    CIN("Child in need review", false);

    private final String label;
    private final boolean childProtection;

    ReviewType(String label, boolean childProtection) {
        this.label = label;
        this.childProtection = childProtection;
    }

    /** Plain-English name for staff screens and reports. */
    public String label() {
        return label;
    }

    /** True for both CP conferences: the report cuts "CP" as one type (seed 004, action 8). */
    public boolean isChildProtection() {
        return childProtection;
    }

    /**
     * The type named exactly as stored ("CLA", "CP_INITIAL", "CP_REVIEW", "CIN"). Anything else, including
     * lower case or surrounding spaces, is empty: a stored value that does not match is a bug to see, not to guess.
     */
    public static Optional<ReviewType> parse(String name) {
        return EnumNames.exact(ReviewType.class, name);
    }
}
