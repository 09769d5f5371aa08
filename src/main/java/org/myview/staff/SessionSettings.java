package org.myview.staff;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * Staff session limits: signed out after {@code idleTimeout} without a request, and always after
 * {@code absoluteLifetime}; the page warns {@code warningBefore} the idle timeout. {@code secureCookies}
 * is {@code auto} (Secure and {@code __Host-} when the request came over HTTPS, also behind a proxy
 * that says so in X-Forwarded-Proto), {@code always} or {@code never}. Wrong passwords lock a username after
 * {@code failuresBeforeLock}; {@code failuresPerAddress} wrong passwords from one client address within 15
 * minutes (any usernames: password spraying) refuse that address unchecked until the window has passed.
 */
@ConfigurationProperties("myview.session")
public record SessionSettings(
        @Bindable(defaultValue = "30m") Duration idleTimeout,
        @Bindable(defaultValue = "12h") Duration absoluteLifetime,
        @Bindable(defaultValue = "2m") Duration warningBefore,
        @Bindable(defaultValue = "auto") String secureCookies,
        @Bindable(defaultValue = "5") int failuresBeforeLock,
        @Bindable(defaultValue = "15m") Duration lockDuration,
        @Bindable(defaultValue = "30") int failuresPerAddress) {
}
