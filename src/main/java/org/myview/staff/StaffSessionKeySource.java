package org.myview.staff;

import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import org.myview.web.SessionKeySource;

import java.util.Optional;

/** CSRF tokens of staff forms are bound to the random id inside the signed session cookie. */
@Singleton
record StaffSessionKeySource(StaffSessionCookie cookie) implements SessionKeySource {

    @Override
    public Optional<String> sessionKey(HttpRequest<?> request) {
        return request.getAttribute(StaffAuthenticationFetcher.SESSION_ATTRIBUTE, StaffSession.class)
                .or(() -> cookie.read(request))
                .map(session -> "staff:" + session.sessionId());
    }
}
