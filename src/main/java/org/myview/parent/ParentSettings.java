package org.myview.parent;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * {@code myview.parent.*} (docs/runbook.md): when follow-ups go, how long a link works, how long
 * contact details are kept after a plan ends (or, with no end date, after it was last confirmed), and the
 * public address links point to.
 */
@ConfigurationProperties("myview.parent")
public record ParentSettings(
        /** Days after a "no" to "do you understand why" before the follow-up link goes. */
        @Bindable(defaultValue = "28") int followUpAfterDays,
        /** Months between the start of a round and its repeat. */
        @Bindable(defaultValue = "6") int repeatAfterMonths,
        /** Days a link works (it works again and again until the answers are sent). */
        @Bindable(defaultValue = "28") int linkValidDays,
        /** Days after a plan ends before the parents' names, emails and mobiles are erased. */
        @Bindable(defaultValue = "90") int contactRetentionDays,
        /**
         * Days a plan with no end date keeps its parents' details after the council last confirmed it (entered
         * or imported again): then it is taken as ended without its end date being recorded.
         */
        @Bindable(defaultValue = "365") int openPlanRetentionDays,
        /** Where parents' links point: the public address of the service. */
        @Bindable(defaultValue = "http://localhost:8080") String publicUrl,
        /** Where the quick-exit button goes: a neutral site. */
        @Bindable(defaultValue = "https://www.bbc.co.uk/weather") String exitUrl) {
}
