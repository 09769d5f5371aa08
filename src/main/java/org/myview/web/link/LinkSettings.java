package org.myview.web.link;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * Secret links: how long a form session lasts once a link is opened; the throttle on wrong links per
 * address (after {@code failuresBeforeSlowDown} wrong tries in {@code window} each answer waits
 * {@code slowDownStep} more, up to 3 steps; after {@code failuresBeforeRefusal} the address is refused for
 * {@code window}). The client's address comes from {@link org.myview.web.ClientAddress}: a forwarded header
 * counts only from a proxy listed in {@code myview.proxy.trusted-addresses}.
 */
@ConfigurationProperties("myview.links")
public record LinkSettings(
        @Bindable(defaultValue = "12h") Duration sessionLifetime,
        @Bindable(defaultValue = "3") int failuresBeforeSlowDown,
        @Bindable(defaultValue = "10") int failuresBeforeRefusal,
        @Bindable(defaultValue = "1s") Duration slowDownStep,
        @Bindable(defaultValue = "15m") Duration window) {
}
