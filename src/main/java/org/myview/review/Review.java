package org.myview.review;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * A review (CLA review, CP conference or CIN review) of a child on a date, chaired by a reviewing
 * officer, and how the child took part if that has been recorded.
 */
public record Review(long id, Child child, ReviewType type, LocalDate date, Long officerId, String officerName,
                     ReviewParticipation participation) {

    public int childAge() {
        return child.ageOn(date);
    }

    public boolean isRecorded() {
        return participation != null;
    }

    public boolean isHeld(LocalDate today) {
        return !date.isAfter(today);
    }

    /** Days since a held review that is still not recorded. */
    public long daysSince(LocalDate today) {
        return ChronoUnit.DAYS.between(date, today);
    }

    public long daysUntil(LocalDate today) {
        return ChronoUnit.DAYS.between(today, date);
    }
}
