package org.myview.parent;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import jakarta.inject.Singleton;
import org.myview.system.Hmac;
import org.myview.system.ServiceSecrets;
import org.myview.web.SessionKeySource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The parent's form session: after the link is opened, a signed cookie (invitation id and expiry,
 * HMAC with a key shared by all instances) stands in for the token, so the token appears in one
 * request only and never in a later address, Referer or log. Lax, so the first redirect after a
 * click in an email app carries it; HttpOnly; Secure behind HTTPS. It also gives the parent's forms
 * their CSRF tokens (a {@link SessionKeySource}).
 */
@Singleton
class ParentFormSession implements SessionKeySource {

    static final String NAME = "myview-parent";
    /** A form session lasts at most this long, and never past the link's own expiry. */
    static final Duration LIFETIME = Duration.ofHours(2);

    private final ServiceSecrets secrets;
    private final Clock clock;

    ParentFormSession(ServiceSecrets secrets, Clock clock) {
        this.secrets = secrets;
        this.clock = clock;
    }

    Cookie cookieFor(HttpRequest<?> request, long invitationId, Instant linkExpires) {
        Instant now = clock.instant();
        Instant expires = now.plus(LIFETIME).isBefore(linkExpires) ? now.plus(LIFETIME) : linkExpires;
        String payload = invitationId + "." + expires.getEpochSecond();
        return Cookie.of(NAME, payload + "." + sign(payload)).httpOnly(true).path("/parent").sameSite(SameSite.Lax)
                .secure(request.isSecure() || "https".equalsIgnoreCase(request.getHeaders().get("X-Forwarded-Proto")));
    }

    Cookie cleared() {
        return Cookie.of(NAME, "").path("/parent").maxAge(0).httpOnly(true);
    }

    /** The invitation this request's cookie is for, when its signature is good and it has not expired. */
    Optional<Long> invitationId(HttpRequest<?> request) {
        return request.getCookies().findCookie(NAME).map(Cookie::getValue).flatMap(this::verify);
    }

    private Optional<Long> verify(String value) {
        String[] parts = value.split("\\.");
        if (parts.length != 3) {
            return Optional.empty();
        }
        String payload = parts[0] + "." + parts[1];
        if (!Hmac.equal(sign(payload), parts[2])) {
            return Optional.empty();
        }
        try {
            if (Instant.ofEpochSecond(Long.parseLong(parts[1])).isBefore(clock.instant())) {
                return Optional.empty();
            }
            return Optional.of(Long.parseLong(parts[0]));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private String sign(String payload) {
        return Hmac.sha256Base64Url(secrets.key("parent-form"), payload);
    }

    @Override
    public Optional<String> sessionKey(HttpRequest<?> request) {
        return invitationId(request).map(id -> "parent-form:" + id);
    }
}
