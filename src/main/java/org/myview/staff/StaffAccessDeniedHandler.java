package org.myview.staff;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Value;
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
 * signed in without the role gets a 403 page. The API: 401 with a Basic challenge (a Bearer one when a token was
 * sent), or 403, in JSON.
 */
@Singleton
@Replaces(DefaultAuthorizationExceptionHandler.class)
record StaffAccessDeniedHandler(
        ErrorPages errorPages,
        @Value("${micronaut.security.basic-auth.enabled:true}") boolean basic) implements ExceptionHandler<AuthorizationException, MutableHttpResponse<?>> {

    @Override
    public MutableHttpResponse<?> handle(HttpRequest request, AuthorizationException exception) {
        boolean api = request.getPath().startsWith("/api/");
        if (request.getAttribute(StaffPasswordAuthenticationProvider.DATABASE_AWAY_ATTRIBUTE).isPresent()) {
            return errorPages.page(request, HttpStatus.SERVICE_UNAVAILABLE, "unavailable").header(HttpHeaders.RETRY_AFTER, "10");
        }
        if (exception.isForbidden()) {
            return errorPages.page(request, HttpStatus.FORBIDDEN, "forbidden");
        }
        if (api && request.getAttribute(ApiTokenAuthenticationFetcher.BEARER_ATTRIBUTE).isPresent()) {
            return HttpResponse.unauthorized()
                    .header("WWW-Authenticate", "Bearer realm=\"MyView\", error=\"invalid_token\"")
                    .contentType(MediaType.APPLICATION_JSON_TYPE)
                    .body(Map.of("status", 401, "message", "This API token is not valid: it may be wrong, expired or revoked, "
                            + "or its account disabled. Create a new one under API tokens in MyView."));
        }
        if (api) {
            MutableHttpResponse<?> response = HttpResponse.unauthorized();
            if (basic) {
                response.header("WWW-Authenticate", "Basic realm=\"MyView\", charset=\"UTF-8\"");
            }
            return response.header("WWW-Authenticate", "Bearer realm=\"MyView\"")
                    .contentType(MediaType.APPLICATION_JSON_TYPE)
                    .body(Map.of("status", 401, "message", basic
                            ? "Send a personal API token (Authorization: Bearer), or HTTP Basic with a MyView staff account."
                            : "Send a personal API token (Authorization: Bearer). Create one under API tokens in MyView."));
        }
        boolean timedOut = request.getAttribute(StaffAuthenticationFetcher.TIMED_OUT_ATTRIBUTE).isPresent();
        return HttpResponse.seeOther(URI.create(timedOut ? "/sign-in/timed-out" : "/sign-in"));
    }
}
