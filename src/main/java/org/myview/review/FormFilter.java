package org.myview.review;

import java.util.Arrays;
import java.util.Optional;

/**
 * The review lists' "My Review My View" filter (a GET parameter, {@code form}): one state, "asked to talk"
 * (an open concern), or "no link yet and the review is within the prompt days" ({@code myview.consultation.prompt-days}).
 * A "sent but not read yet" filter needs the time the officer first read the answers (issue 15, item 3):
 * add it here and in {@link ReviewListRepository#FILTER} when that is recorded.
 */
public enum FormFilter {
    TALK, NO_LINK_SOON, NO_LINK, LINK, OPENED, STARTED, SENT;

    /** An unknown or missing value shows every review (a filter is a view, not a change: nothing to refuse). */
    public static Optional<FormFilter> parse(String value) {
        return value == null ? Optional.empty() : Arrays.stream(values()).filter(f -> f.name().equals(value)).findFirst();
    }
}
