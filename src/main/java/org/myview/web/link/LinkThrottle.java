package org.myview.web.link;

import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import org.myview.system.Hmac;
import org.myview.web.ClientAddress;
import org.myview.system.ServiceSecrets;

import java.time.Duration;
import java.time.Instant;

/**
 * Wrong link tries counted per client address in the database (every instance sees the same count), the
 * address kept only as an HMAC. A few wrong tries are free (a mistyped link); then each answer is slowed;
 * then the address is refused until the window has passed.
 */
@Singleton
public record LinkThrottle(
        LinkThrottleRepository counts, LinkSettings settings, ServiceSecrets secrets, ClientAddress clientAddress) {

    /** How an address stands: the wrong tries counted in the current window. */
    public record State(int failures, boolean refused) {
    }

    /** The client's address (ClientAddress: forwarded headers only from configured proxies), keyed. */
    public String addressKey(HttpRequest<?> request) {
        return Hmac.sha256Base64Url(secrets.key("link-throttle"), clientAddress.of(request));
    }

    public State current(String addressKey, Instant now) {
        return counts.find(addressKey)
                .filter(c -> !c.lastFailure().plus(settings.window()).isBefore(now))
                .map(c -> new State(c.failures(), c.failures() >= settings.failuresBeforeRefusal()))
                .orElse(new State(0, false));
    }

    /** Counts a wrong try, atomically (two tries at once both count), and returns the new state. */
    public State fail(String addressKey, Instant now) {
        int failures = counts.fail(addressKey, now, now.minus(settings.window()));
        return new State(failures, failures >= settings.failuresBeforeRefusal());
    }

    /** How long to hold back the answer after this many wrong tries. */
    public Duration slowDown(int failures) {
        if (failures < settings.failuresBeforeSlowDown()) {
            return Duration.ZERO;
        }
        return settings.slowDownStep().multipliedBy(Math.min(3, failures - settings.failuresBeforeSlowDown() + 1));
    }
}
