package org.myview.web.link;

import java.time.Instant;

/** An opened link, as its signed cookie carries it: which link, a random session id, when it was opened. */
public record FormSession(String kind, long linkId, String sessionId, Instant openedAt) {
}
