package org.myview.consultation;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * {@code myview.talk-now.*} (docs/runbook.md): where a child's "I want to talk to someone now" goes
 * besides their reviewing officer, and when an open concern is sent on again. The child's words
 * depend on {@link #hasDutyInbox()}: without a duty inbox nobody is promised "today". What the child chose
 * and wrote, and the contacts' notes, are erased {@code retentionDays} after the concern closed.
 */
@ConfigurationProperties("myview.talk-now")
public record TalkNowSettings(
        @Nullable String dutyInbox,
        @Nullable String outOfHoursInbox,
        @Bindable(defaultValue = "2h") Duration escalateAfter,
        @Bindable(defaultValue = "09:00") LocalTime officeOpens,
        @Bindable(defaultValue = "17:00") LocalTime officeCloses,
        @Bindable(defaultValue = "MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY") List<DayOfWeek> officeDays,
        @Bindable(defaultValue = "90") int retentionDays) {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    public boolean hasDutyInbox() {
        return dutyInbox != null && !dutyInbox.isBlank();
    }

    public boolean hasOutOfHoursInbox() {
        return outOfHoursInbox != null && !outOfHoursInbox.isBlank();
    }

    /** Whether the office is open at this moment, on the Europe/London clock (bank holidays are not known). */
    public boolean officeOpenAt(Instant instant) {
        ZonedDateTime local = instant.atZone(LONDON);
        LocalTime time = local.toLocalTime();
        return officeDays.contains(local.getDayOfWeek()) && !time.isBefore(officeOpens) && time.isBefore(officeCloses);
    }
}
