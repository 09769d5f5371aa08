package org.myview.review;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;

/** One change to a review's participation record: who, when, from what to what (old values null for the first record). */
@Introspected
public record ParticipationChange(Instant changedAt, @Nullable String changedByName, String source, @Nullable ParticipationMethod oldCode,
                                  ParticipationMethod newCode, @Nullable Advocate oldAdvocate, @Nullable Advocate newAdvocate,
                                  @Nullable String oldViews, @Nullable String newViews) {
}
