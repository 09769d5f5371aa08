package org.myview.review;

import java.time.Instant;

/** One change to a review's participation record: who, when, from what to what. */
public record ParticipationChange(Instant changedAt, String changedByName, String source, String oldCode, String newCode,
                                  String oldAdvocate, String newAdvocate, String oldViews, String newViews) {
}
