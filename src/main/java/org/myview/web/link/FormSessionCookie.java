package org.myview.web.link;

import org.myview.web.ClientAddress;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import jakarta.inject.Singleton;
import org.myview.system.Hmac;
import org.myview.system.ServiceSecrets;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * The form-session cookie of an opened link: kind, link id, a random session id and when it was opened,
 * signed with HMAC-SHA256 (a key shared by every instance, as the staff session's). HttpOnly,
 * SameSite=Lax (the link is opened from a text or an email, a cross-site navigation), and {@code __Host-}
 * with Secure over HTTPS, following {@code myview.session.secure-cookies} like the staff cookie.
 */
@Singleton
public class FormSessionCookie {

    private static final String PREFIX = "myview_";
    private static final String SECURE_PREFIX = "__Host-myview_";
    private static final String READ_ATTRIBUTE = "myview.formSession.";

    private final ServiceSecrets secrets;
    private final ClientAddress clientAddress;
    private final LinkSettings settings;
    private final String secureCookies;
    private final SecureRandom random = new SecureRandom();

    FormSessionCookie(ServiceSecrets secrets, LinkSettings settings, ClientAddress clientAddress,
                      @Value("${myview.session.secure-cookies:auto}") String secureCookies) {
        this.secrets = secrets;
        this.clientAddress = clientAddress;
        this.settings = settings;
        this.secureCookies = secureCookies;
    }

    public Optional<FormSession> read(HttpRequest<?> request, String kind, Instant now) {
        return readAnyAge(request, kind).filter(session -> isCurrent(session, now));
    }

    /** A validly signed session, however old (to tell "open your link again" from "this link does not work"). */
    public Optional<FormSession> readAnyAge(HttpRequest<?> request, String kind) {
        // Read once per request: the page's link check and its CSRF token both need it, and each read is an HMAC.
        String attribute = READ_ATTRIBUTE + kind;
        Optional<?> known = request.getAttribute(attribute);
        if (known.isPresent() && known.get() instanceof Decoded decoded) {
            return decoded.session();
        }
        Optional<FormSession> session = request.getCookies().findCookie(SECURE_PREFIX + kind)
                .or(() -> request.getCookies().findCookie(PREFIX + kind))
                .flatMap(cookie -> decode(cookie.getValue(), kind));
        request.setAttribute(attribute, new Decoded(session));
        return session;
    }

    /** A request's cookie as read (the cookies a request came with do not change while it is handled). */
    private record Decoded(Optional<FormSession> session) {
    }

    public boolean isCurrent(FormSession session, Instant now) {
        return session.openedAt().plus(settings.sessionLifetime()).isAfter(now);
    }

    /** A new session on this link (not yet a cookie: the link's claim is decided first). */
    public FormSession newSession(String kind, long linkId, Instant now) {
        byte[] id = new byte[16];
        random.nextBytes(id);
        return new FormSession(kind, linkId, Base64.getUrlEncoder().withoutPadding().encodeToString(id), now);
    }

    /** The cookie of a session, valid for the session lifetime from {@code session.openedAt()}. */
    public Cookie cookieFor(HttpRequest<?> request, FormSession session) {
        return cookie(request, session.kind(), encode(session), settings.sessionLifetime().toSeconds());
    }

    /** A cookie for a new session on this link. */
    public Cookie open(HttpRequest<?> request, String kind, long linkId, Instant now) {
        return cookieFor(request, newSession(kind, linkId, now));
    }

    public Cookie clear(HttpRequest<?> request, String kind) {
        return cookie(request, kind, "", 0);
    }

    private Cookie cookie(HttpRequest<?> request, String kind, String value, long maxAge) {
        boolean secure = isSecure(request);
        return Cookie.of((secure ? SECURE_PREFIX : PREFIX) + kind, value)
                .path("/")
                .httpOnly(true)
                .secure(secure)
                .sameSite(SameSite.Lax)
                .maxAge(maxAge);
    }

    public boolean isSecure(HttpRequest<?> request) {
        return switch (secureCookies) {
            case "always" -> true;
            case "never" -> false;
            // X-Forwarded-Proto only from a configured proxy (ClientAddress)
            default -> clientAddress.secure(request);
        };
    }

    String encode(FormSession session) {
        String payload = "v1." + session.kind() + "." + session.linkId() + "." + session.sessionId() + "."
                + session.openedAt().getEpochSecond();
        return Hmac.signed(secrets.key("form-session"), payload);
    }

    Optional<FormSession> decode(String value, String kind) {
        Optional<String> verified = Hmac.verifiedPayload(secrets.key("form-session"), value, 200);
        if (verified.isEmpty()) {
            return Optional.empty();
        }
        String payload = verified.get();
        String[] parts = payload.split("\\.");
        if (parts.length != 5 || !parts[0].equals("v1") || !parts[1].equals(kind)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new FormSession(parts[1], Long.parseLong(parts[2]), parts[3],
                    Instant.ofEpochSecond(Long.parseLong(parts[4]))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
