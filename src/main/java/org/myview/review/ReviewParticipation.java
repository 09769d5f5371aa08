package org.myview.review;


import java.time.Instant;
import java.util.Set;

/** How a child took part in one review, and who recorded it. */
public record ReviewParticipation(ParticipationMethod code, Advocate advocate, Set<ViewsReachedBy> viewsReachedBy,
                                  String recordedByName, Instant recordedAt, String updatedByName, Instant updatedAt) {
}
