package org.myview.staff;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.authentication.DefaultAuthorizationExceptionHandler;
import jakarta.inject.Singleton;
import org.myview.web.ErrorPages;

import java.net.URI;
import java.util.Map;

/**
 * What a request without access gets. Pages: not signed in (or timed out) goes to the sign-in page;
 * signed in without the role gets a 403 page. The API: 401 with a Basic challenge, or 403, in JSON.
 */
@Singleton
@Replaces(DefaultAuthorizationExceptionHandler.class)
class StaffAccessDeniedHandler implements ExceptionHandler<AuthorizationException, MutableHttpResponse<?>> {

    private final ErrorPages errorPages;

    StaffAccessDeniedHandler(ErrorPages errorPages) {
        this.errorPages = errorPages;
    }

    @Override
    public MutableHttpResponse<?> handle(HttpRequest request, AuthorizationException exception) {
        boolean api = request.getPath().startsWith("/api/");
        if (request.getAttribute(StaffPasswordAuthenticationProvider.DATABASE_AWAY_ATTRIBUTE).isPresent()) {
            return errorPages.page(request, HttpStatus.SERVICE_UNAVAILABLE, "unavailable").header(HttpHeaders.RETRY_AFTER, "10");
        }
        if (exception.isForbidden()) {
            return errorPages.page(request, HttpStatus.FORBIDDEN, "forbidden");
        }
        if (api) {
            return HttpResponse.unauthorized()
                    .header("WWW-Authenticate", "Basic realm=\"MyView\", charset=\"UTF-8\"")
                    .contentType(MediaType.APPLICATION_JSON_TYPE)
                    .body(Map.of("status", 401, "message", "Sign in with HTTP Basic, using a MyView staff account."));
        }
        boolean timedOut = request.getAttribute(StaffAuthenticationFetcher.TIMED_OUT_ATTRIBUTE).isPresent();
        return HttpResponse.seeOther(URI.create(timedOut ? "/sign-in/timed-out" : "/sign-in"));
    }
}
