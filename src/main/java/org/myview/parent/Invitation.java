package org.myview.parent;

import java.time.Instant;
import java.util.Map;

/** A parent's link as the form needs it, with the answers saved so far (the draft) and the
 * parent's language from the plan ("en" when not known). */
record Invitation(long id, long roundId, long planId, String kind, PlanType planType, Instant expiresAt, Instant submittedAt,
                  Map<String, Object> draft, String language) {
}
