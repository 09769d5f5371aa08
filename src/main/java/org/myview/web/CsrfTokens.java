package org.myview.web;

import io.micronaut.core.order.OrderUtil;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import org.myview.system.Hmac;
import org.myview.system.ServiceSecrets;

import java.util.List;
import java.util.Optional;

/**
 * Synchroniser tokens for forms: an HMAC of the session's key, so a token is only good for the
 * session it was issued in, and the server keeps nothing per form.
 */
@Singleton
public class CsrfTokens {

    public static final String FIELD = "_csrf";
    public static final String HEADER = "X-CSRF-Token";

    private final ServiceSecrets secrets;
    private final List<SessionKeySource> sources;

    CsrfTokens(ServiceSecrets secrets, List<SessionKeySource> sources) {
        this.secrets = secrets;
        // The most specific source first (the sign-in form's pre-session before a staff session).
        this.sources = OrderUtil.sort(sources.stream()).toList();
    }

    /** The token to put in this request's forms, if the request belongs to a session. */
    public Optional<String> tokenFor(HttpRequest<?> request) {
        return sessionKey(request).map(this::tokenForKey);
    }

    public boolean isValid(HttpRequest<?> request, String submitted) {
        return sessionKey(request).map(key -> Hmac.equal(tokenForKey(key), submitted)).orElse(false);
    }

    public String tokenForKey(String sessionKey) {
        return Hmac.sha256Base64Url(secrets.key("csrf"), sessionKey);
    }

    private Optional<String> sessionKey(HttpRequest<?> request) {
        for (SessionKeySource source : sources) {
            Optional<String> key = source.sessionKey(request);
            if (key.isPresent()) {
                return key;
            }
        }
        return Optional.empty();
    }
}
