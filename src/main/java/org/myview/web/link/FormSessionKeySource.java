package org.myview.web.link;

import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import org.myview.web.SessionKeySource;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** CSRF tokens of a form opened by a link are bound to the random id in its signed form-session cookie. */
@Singleton
record FormSessionKeySource(List<LinkKind> kinds, FormSessionCookie cookie, Clock clock) implements SessionKeySource {

    @Override
    public Optional<String> sessionKey(HttpRequest<?> request) {
        String path = request.getPath();
        for (LinkKind kind : kinds) {
            if (kind.owns(path)) {
                return cookie.read(request, kind.name(), clock.instant())
                        .map(session -> "form:" + session.kind() + ":" + session.sessionId());
            }
        }
        return Optional.empty();
    }
}
