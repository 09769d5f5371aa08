package org.myview.participation;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * How the figures are counted. Whether PN4 (attended without contributing) counts as taking part is
 * a choice the seed's table does not make; the default is that it does not. Age bands are the lower
 * bounds of each band (default under 4, 4-7, 8-11, 12-15, 16+).
 */
@ConfigurationProperties("myview.participation")
public record ParticipationSettings(
        @Bindable(defaultValue = "false") boolean pn4CountsAsParticipation,
        @Bindable(defaultValue = "0,4,8,12,16") String ageBands) {

    public AgeBands bands() {
        return AgeBands.parse(ageBands);
    }
}
