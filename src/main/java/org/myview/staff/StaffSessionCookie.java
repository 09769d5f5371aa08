package org.myview.staff;

import org.myview.web.ClientAddress;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import jakarta.inject.Singleton;
import org.myview.system.Hmac;
import org.myview.system.ServiceSecrets;

import java.time.Instant;
import java.util.Optional;

/**
 * Writes and reads the staff session cookie: the session's fields and an HMAC-SHA256 over them,
 * with a key shared by every instance, so any instance can serve any signed-in user.
 */
@Singleton
record StaffSessionCookie(ServiceSecrets secrets, SessionSettings settings, ClientAddress clientAddress) {

    static final String NAME = "myview_session";
    static final String SECURE_NAME = "__Host-myview_session";

    Optional<StaffSession> read(HttpRequest<?> request) {
        return request.getCookies().findCookie(SECURE_NAME)
                .or(() -> request.getCookies().findCookie(NAME))
                .flatMap(cookie -> decode(cookie.getValue()));
    }

    boolean isPresent(HttpRequest<?> request) {
        return request.getCookies().contains(SECURE_NAME) || request.getCookies().contains(NAME);
    }

    Cookie write(StaffSession session, HttpRequest<?> request) {
        return cookie(request, encode(session), settings.absoluteLifetime().toSeconds());
    }

    Cookie clear(HttpRequest<?> request) {
        return cookie(request, "", 0);
    }

    private Cookie cookie(HttpRequest<?> request, String value, long maxAgeSeconds) {
        boolean secure = isSecure(request);
        return Cookie.of(secure ? SECURE_NAME : NAME, value)
                .path("/")
                .httpOnly(true)
                .secure(secure)
                .sameSite(SameSite.Lax)
                .maxAge(maxAgeSeconds);
    }

    boolean isSecure(HttpRequest<?> request) {
        return switch (settings.secureCookies()) {
            case "always" -> true;
            case "never" -> false;
            // X-Forwarded-Proto only from a configured proxy (ClientAddress)
            default -> clientAddress.secure(request);
        };
    }

    String encode(StaffSession session) {
        String payload = "v1." + session.accountId() + "." + session.epoch() + "." + session.sessionId() + "."
                + session.issuedAt().getEpochSecond() + "." + session.lastSeen().getEpochSecond();
        return Hmac.signed(secrets.key("staff-session"), payload);
    }

    Optional<StaffSession> decode(String value) {
        Optional<String> verified = Hmac.verifiedPayload(secrets.key("staff-session"), value, 200);
        if (verified.isEmpty()) {
            return Optional.empty();
        }
        String payload = verified.get();
        String[] parts = payload.split("\\.");
        if (parts.length != 6 || !parts[0].equals("v1")) {
            return Optional.empty();
        }
        try {
            return Optional.of(new StaffSession(Long.parseLong(parts[1]), Integer.parseInt(parts[2]), parts[3],
                    Instant.ofEpochSecond(Long.parseLong(parts[4])), Instant.ofEpochSecond(Long.parseLong(parts[5]))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
