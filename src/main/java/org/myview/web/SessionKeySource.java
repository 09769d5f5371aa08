package org.myview.web;

import io.micronaut.http.HttpRequest;

import java.util.Optional;

/**
 * Something that binds a request to a session: the staff session cookie, or a child's or parent's
 * form-session cookie. CSRF tokens are derived from the key, so a token only works with its own
 * session. The key is read from a cookie whose signature or hash the source has verified.
 */
public interface SessionKeySource {

    Optional<String> sessionKey(HttpRequest<?> request);
}
