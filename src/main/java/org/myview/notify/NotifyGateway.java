package org.myview.notify;

import java.util.Optional;

/**
 * Where messages go: GOV.UK Notify, or nowhere when no API key is configured. The outbox gives each
 * message a unique {@code reference} and sends the same one on every attempt, so that after an
 * attempt whose outcome is unknown (a timeout, a crash) it can ask whether the message already went.
 */
public interface NotifyGateway {

    /** False in the dev default: the sender records messages instead of sending them. */
    boolean configured();

    /** Sends the message and returns Notify's id for it. */
    String send(Message message, String templateId, String reference) throws SendFailure;

    /** Notify's id of a message sent earlier with this reference, if it went. */
    Optional<String> findSent(String reference) throws SendFailure;

    /** Why a send did not work, and whether trying again may help. */
    final class SendFailure extends Exception {

        /** RETRY: not sent (429, 5xx, network). UNKNOWN: may have been sent (timeout). PERMANENT: never will be (400, 403). */
        public enum Kind { RETRY, UNKNOWN, PERMANENT }

        private final Kind kind;

        public SendFailure(Kind kind, String reason) {
            super(reason, null, false, false);
            this.kind = kind;
        }

        public Kind kind() {
            return kind;
        }
    }
}
