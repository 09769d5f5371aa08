package org.myview.consultation;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** When a child's link stops working: after the review (configurable), never sooner than a minimum. */
final class LinkExpiry {

    static final ZoneId LONDON = ZoneId.of("Europe/London");

    private LinkExpiry() {
    }

    static Instant of(LocalDate reviewDate, Instant now, ConsultationSettings settings) {
        Instant endOfReview = reviewDate.plusDays(1L + settings.daysAfterReview()).atStartOfDay(LONDON).toInstant();
        Instant minimum = now.plus(Duration.ofDays(settings.minimumDays()));
        return endOfReview.isBefore(minimum) ? minimum : endOfReview;
    }
}
