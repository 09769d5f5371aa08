package org.myview.staff;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

import java.time.Clock;
import java.time.Instant;

/**
 * Slides the idle timeout: a request from a signed-in user re-issues the cookie with a new
 * "last seen" time (at most once a minute). The absolute lifetime never moves.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
record StaffSessionRefreshFilter(StaffSessionCookie cookie, Clock clock) {

    @ResponseFilter
    void refresh(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (response.getCookies().contains(StaffSessionCookie.NAME) || response.getCookies().contains(StaffSessionCookie.SECURE_NAME)) {
            return; // sign-in or sign-out set it already
        }
        request.getAttribute(StaffAuthenticationFetcher.SESSION_ATTRIBUTE, StaffSession.class).ifPresent(session -> {
            Instant now = clock.instant();
            if (session.worthRefreshing(now)) {
                response.cookie(cookie.write(session.seenAt(now), request));
            }
        });
        if (request.getAttribute(StaffAuthenticationFetcher.TIMED_OUT_ATTRIBUTE).isPresent()) {
            response.cookie(cookie.clear(request));
        }
    }
}
