package org.myview.parent;

import java.time.Instant;
import java.util.Map;

/** A parent's link as the form needs it, with the answers saved so far (the draft). */
record Invitation(long id, long roundId, long planId, String kind, PlanType planType, Instant expiresAt, Instant submittedAt,
                  Map<String, Object> draft) {
}
