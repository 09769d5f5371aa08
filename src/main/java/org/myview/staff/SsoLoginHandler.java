package org.myview.staff;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.handlers.RedirectingLoginHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;

/**
 * What the browser gets at the end of single sign-on: our own session cookie and the staff home page,
 * or the sign-in page with a message. The only login handler: the framework's own (JWT and ID-token
 * cookies) need an authentication mode we do not set.
 */
@Singleton
@Requires(property = "micronaut.security.oauth2.enabled", value = "true")
record SsoLoginHandler(StaffSessionCookie cookie) implements RedirectingLoginHandler<HttpRequest<?>, MutableHttpResponse<?>> {

    private static final Logger LOG = LoggerFactory.getLogger(SsoLoginHandler.class);

    static final URI REFUSED = URI.create("/sign-in?sso=refused");
    static final URI FAILED = URI.create("/sign-in?sso=failed");

    @Override
    public MutableHttpResponse<?> loginSuccess(Authentication authentication, HttpRequest<?> request) {
        Object session = authentication.getAttributes().get(SsoAuthenticationMapper.SESSION_ATTRIBUTE);
        if (!(session instanceof StaffSession staffSession)) {
            LOG.warn("Single sign-on succeeded without a MyView session; check that no other authentication mapper is active");
            return HttpResponse.seeOther(FAILED);
        }
        return HttpResponse.seeOther(URI.create("/staff")).cookie(cookie.write(staffSession, request));
    }

    @Override
    public MutableHttpResponse<?> loginRefresh(Authentication authentication, String refreshToken, HttpRequest<?> request) {
        return HttpResponse.seeOther(FAILED); // we never hand out refresh tokens
    }

    @Override
    public MutableHttpResponse<?> loginFailed(AuthenticationResponse response, HttpRequest<?> request) {
        if (response.getMessage().filter(SsoAuthenticationMapper.REFUSED::equals).isPresent()) {
            return HttpResponse.seeOther(REFUSED); // already audited and logged
        }
        // The framework's state messages are fixed words; any other message could quote what the provider sent.
        String why = response.getMessage().filter(m -> m.startsWith("State validation failed")).orElse("not a state problem");
        LOG.warn("Single sign-on failed: {}", why);
        return HttpResponse.seeOther(FAILED);
    }
}
