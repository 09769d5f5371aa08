package org.myview.received;

/**
 * How a child's views reached their review when not through the online My Review My View form. The words are
 * {@code received.channel.<name>} in i18n/received.properties; the names are stored (views_received.channel)
 * and appear in the dashboard's CSV and JSON.
 */
public enum OtherChannel {
    /** Paper My Review My View booklet. */
    PAPER_BOOKLET,
    /** Completed with a worker. */
    WITH_WORKER,
    /** Another app. */
    OTHER_APP,
    /** A letter or a drawing. */
    LETTER_OR_DRAWING
}
