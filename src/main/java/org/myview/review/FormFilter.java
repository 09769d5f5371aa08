package org.myview.review;

import org.myview.web.EnumNames;

import java.util.Optional;

/**
 * The review lists' "My Review My View" filter (a GET parameter, {@code form}): one state, "asked to talk"
 * (an open concern), or "no link yet and the review is within the prompt days" ({@code myview.consultation.prompt-days}).
 * or "sent but not read yet" (the child's own officer has not opened the answers: V180's first read), or "views received
 * another way" (a paper booklet, a letter...: received/). "No link yet, review soon" leaves out a review whose views came another way.
 */
public enum FormFilter {
    TALK, NO_LINK_SOON, NO_LINK, LINK, OPENED, STARTED, SENT, SENT_NOT_READ, RECEIVED;

    /** An unknown or missing value shows every review (a filter is a view, not a change: nothing to refuse). */
    public static Optional<FormFilter> parse(String value) {
        return EnumNames.exact(FormFilter.class, value);
    }
}
