package org.myview.staff;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a single sign-on that cannot work, or went wrong on our side of the exchange, back to the
 * sign-in page with a message instead of a bare error page: the provider has not been reached yet, its
 * token did not check out (the framework answers 401 with no page), the token exchange failed, or a
 * callback came without its CSRF token.
 */
@ServerFilter("/oauth/**")
@Requires(property = "micronaut.security.oauth2.enabled", value = "true")
record SsoFailureFilter(SsoProvider provider) {

    private static final Logger LOG = LoggerFactory.getLogger(SsoFailureFilter.class);

    @RequestFilter
    @Nullable
    MutableHttpResponse<?> providerReady(HttpRequest<?> request) {
        if (provider.ready()) {
            return null; // carry on
        }
        LOG.warn("Single sign-on refused at {}: the provider's discovery document has not been read yet", request.getPath());
        return HttpResponse.seeOther(SsoLoginHandler.FAILED);
    }

    @ResponseFilter
    MutableHttpResponse<?> failed(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (response.code() < 400) {
            return response;
        }
        // The path only: the query holds the authorization code.
        LOG.warn("Single sign-on failed at {} with status {}", request.getPath(), response.code());
        return HttpResponse.seeOther(SsoLoginHandler.FAILED);
    }
}
