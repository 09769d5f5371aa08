package org.myview.consultation;

/** The key the page's script gives each answer and send, so a post replayed from the phone's queue counts once. */
final class RequestKeys {

    private RequestKeys() {
    }

    /** The key as sent, or null when there is none or it is not one (then the post is simply not de-duplicated). */
    static String checked(String submitted) {
        return submitted != null && submitted.matches("[A-Za-z0-9_-]{16,64}") ? submitted : null;
    }
}
