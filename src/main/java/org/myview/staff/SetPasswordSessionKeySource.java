package org.myview.staff;

import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import org.myview.system.SecretTokens;
import org.myview.web.SessionKeySource;

import java.util.Base64;
import java.util.Optional;

/** The set-password form's CSRF token is bound to (a hash of) the link it was opened from. */
@Singleton
class SetPasswordSessionKeySource implements SessionKeySource {

    @Override
    public Optional<String> sessionKey(HttpRequest<?> request) {
        if (!request.getPath().equals("/set-password")) {
            return Optional.empty();
        }
        return SetPasswordController.token(request)
                .map(token -> "set-password:" + Base64.getUrlEncoder().encodeToString(SecretTokens.hash(token)));
    }
}
