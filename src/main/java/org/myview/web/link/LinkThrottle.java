package org.myview.web.link;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.http.HttpRequest;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.myview.system.Hmac;
import org.myview.web.ClientAddress;
import org.myview.system.ServiceSecrets;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

/**
 * Wrong link tries counted per client address in the database (every instance sees the same count), the
 * address kept only as an HMAC. A few wrong tries are free (a mistyped link); then each answer is slowed;
 * then the address is refused until the window has passed.
 */
@Singleton
public class LinkThrottle {

    /** How an address stands: the wrong tries counted in the current window. */
    public record State(int failures, boolean refused) {
    }

    private final JdbcOperations jdbc;
    private final LinkSettings settings;
    private final ServiceSecrets secrets;
    private final ClientAddress clientAddress;

    LinkThrottle(JdbcOperations jdbc, LinkSettings settings, ServiceSecrets secrets, ClientAddress clientAddress) {
        this.jdbc = jdbc;
        this.clientAddress = clientAddress;
        this.settings = settings;
        this.secrets = secrets;
    }

    /** The client's address (ClientAddress: forwarded headers only from configured proxies), keyed. */
    public String addressKey(HttpRequest<?> request) {
        return Hmac.sha256Base64Url(secrets.key("link-throttle"), clientAddress.of(request));
    }

    @Transactional
    public State current(String addressKey, Instant now) {
        return jdbc.prepareStatement("select failures, last_failure from link_throttle where address_key = ?", ps -> {
            ps.setString(1, addressKey);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || rs.getTimestamp("last_failure").toInstant().plus(settings.window()).isBefore(now)) {
                    return new State(0, false);
                }
                int failures = rs.getInt("failures");
                return new State(failures, failures >= settings.failuresBeforeRefusal());
            }
        });
    }

    /** Counts a wrong try, atomically (two tries at once both count), and returns the new state. */
    @Transactional
    public State fail(String addressKey, Instant now) {
        Timestamp windowStart = Timestamp.from(now.minus(settings.window()));
        int failures = jdbc.prepareStatement("insert into link_throttle (address_key, failures, last_failure) values (?, 1, ?) "
                + "on conflict (address_key) do update set failures = case when link_throttle.last_failure < ? then 1 "
                + "else link_throttle.failures + 1 end, last_failure = excluded.last_failure returning failures", ps -> {
            ps.setString(1, addressKey);
            ps.setTimestamp(2, Timestamp.from(now));
            ps.setTimestamp(3, windowStart);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
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
