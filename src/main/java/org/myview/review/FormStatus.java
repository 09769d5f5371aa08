package org.myview.review;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * Where the child's My Review My View stands for one review, as the review lists show it: no link yet, a
 * link sent (by text, email, or on screen to copy or as a QR code), opened, started (n of m questions),
 * sent; and whether the child asked to talk to someone and nobody has closed that yet. Dates are days on
 * the Europe/London calendar.
 *
 * @param channels SMS and/or EMAIL when the link went out through the outbox; empty when it was only shown on screen
 * @param questions how many questions the form's version has (0 when not started)
 * @param receivedChannel how the child's views came another way (received/'s channel: PAPER_BOOKLET...), or null
 * @param receivedOn the day those views were received, or null
 */
public record FormStatus(State state, List<String> channels, LocalDate linkOn, LocalDate openedOn, int answered,
                         int questions, LocalDate sentOn, boolean askedToTalk, String receivedChannel, LocalDate receivedOn) {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    /** In the order a child goes through them; the form-status sort puts the earliest first (most to do). */
    public enum State { NO_LINK, LINK, OPENED, STARTED, SENT }

    public FormStatus {
        channels = List.copyOf(channels);
    }

    /** True when the child's views reached the review another way (a paper booklet, a letter...). */
    public boolean receivedAnotherWay() {
        return receivedChannel != null;
    }

    /** True when the link went out by text or email rather than only on screen (copied or as a QR code). */
    public boolean sentByMessage() {
        return !channels.isEmpty();
    }

    /** The message key of how the link went out: by text, by email, both, or on screen. */
    public String channelKey() {
        if (channels.contains("SMS") && channels.contains("EMAIL")) {
            return "review.form.by.both";
        }
        if (channels.contains("SMS")) {
            return "review.form.by.SMS";
        }
        return channels.contains("EMAIL") ? "review.form.by.EMAIL" : "review.form.by.screen";
    }

    static LocalDate day(Instant instant) {
        return instant == null ? null : instant.atZone(LONDON).toLocalDate();
    }
}
