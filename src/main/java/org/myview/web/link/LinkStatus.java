package org.myview.web.link;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;

/** What a link lookup found. */
public record LinkStatus(State state, long linkId) {

    public enum State {
        /** The form can be filled in. */
        OPEN,
        /** Past its expiry, or replaced by a newer link. */
        EXPIRED,
        /** The form was sent: the link has done its job. */
        SENT,
        /** No such link (a typo, an old message, or someone guessing). */
        UNKNOWN,
        /** The link is still open but this browser's form session has run out: open the link again. */
        SESSION_ENDED,
        /**
         * The link is open, but on another device: this browser's session does not hold it (the form
         * belongs to the device that opened it first). It may carry on with the holder's secret code.
         */
        ELSEWHERE
    }

    public static LinkStatus open(long linkId) {
        return new LinkStatus(State.OPEN, linkId);
    }

    public static LinkStatus expired(long linkId) {
        return new LinkStatus(State.EXPIRED, linkId);
    }

    public static LinkStatus sent(long linkId) {
        return new LinkStatus(State.SENT, linkId);
    }

    /**
     * A link that is sent once its form is sent, and expired once replaced by a newer link or at its expiry
     * (the child's link and the follow-up link).
     */
    public static LinkStatus of(long linkId, @Nullable Instant sentAt, @Nullable Instant replacedAt, Instant expiresAt, Instant now) {
        if (sentAt != null) {
            return sent(linkId);
        }
        if (replacedAt != null || !expiresAt.isAfter(now)) {
            return expired(linkId);
        }
        return open(linkId);
    }

    public static LinkStatus unknown() {
        return new LinkStatus(State.UNKNOWN, 0);
    }

    public boolean isOpen() {
        return state == State.OPEN;
    }
}
