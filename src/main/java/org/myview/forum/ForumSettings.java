package org.myview.forum;

import org.myview.disclosure.DisclosureControl;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * The disclosure-control thresholds of the forum's figures, stated on every page that shows them.
 *
 * @param hideCountsUpTo              counts from 1 to this are hidden (DfE practice: 5, shown as "fewer than 6")
 * @param minimumGroupForPercentage   no percentage is shown for a group (its denominator) smaller than this
 * @param settlingMonths              a period is published this many months after it ends (late records settle first),
 *                                    and its figures never change afterwards
 */
@ConfigurationProperties("myview.forum")
public record ForumSettings(
        @Bindable(defaultValue = "5") int hideCountsUpTo,
        @Bindable(defaultValue = "10") int minimumGroupForPercentage,
        @Bindable(defaultValue = "1") int settlingMonths) {

    public ForumSettings {
        // A lower threshold than DfE practice would be a mistake in configuration, not a choice: refuse to start.
        if (hideCountsUpTo < DisclosureControl.DEFAULT_THRESHOLD) {
            throw new IllegalArgumentException("myview.forum.hide-counts-up-to must be at least "
                    + DisclosureControl.DEFAULT_THRESHOLD + ", not " + hideCountsUpTo);
        }
        if (settlingMonths < 0) {
            throw new IllegalArgumentException("myview.forum.settling-months cannot be negative");
        }
        if (minimumGroupForPercentage < 1) {
            throw new IllegalArgumentException("myview.forum.minimum-group-for-percentage must be at least 1");
        }
    }

    public static ForumSettings defaults() {
        return new ForumSettings(DisclosureControl.DEFAULT_THRESHOLD, 10, 1);
    }

    /** The smallest count that is ever shown: 6 by default ("fewer than 6"). */
    public int smallestShown() {
        return hideCountsUpTo + 1;
    }
}
