package org.myview.staff;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.AuthenticationFailed;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.oauth2.endpoint.authorization.state.State;
import io.micronaut.security.oauth2.endpoint.token.response.DefaultOpenIdAuthenticationMapper;
import io.micronaut.security.oauth2.endpoint.token.response.OpenIdAuthenticationMapper;
import io.micronaut.security.oauth2.endpoint.token.response.OpenIdClaims;
import io.micronaut.security.oauth2.endpoint.token.response.OpenIdTokenResponse;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;

/**
 * Maps a checked ID token (signature, issuer, audience, expiry and nonce are checked before this is
 * called) to a staff account and starts its session. The tokens and the claims go no further than
 * here: the authentication carries only our username, roles and the new session.
 */
@Singleton
@Replaces(DefaultOpenIdAuthenticationMapper.class)
@Requires(property = "micronaut.security.oauth2.enabled", value = "true")
record SsoAuthenticationMapper(
        SsoSignInService ssoSignIn,
        SsoSettings settings,
        @Named(TaskExecutors.BLOCKING) ExecutorService blocking) implements OpenIdAuthenticationMapper {

    /** The new session, for {@link SsoLoginHandler} to put in the cookie. */
    static final String SESSION_ATTRIBUTE = "myview.ssoSession";
    /** The failure message of a refusal (no account, or disabled), as opposed to a failed exchange. */
    static final String REFUSED = "myview.sso.refused";

    @Override
    public Publisher<AuthenticationResponse> createAuthenticationResponse(String providerName, OpenIdTokenResponse tokenResponse,
                                                                          OpenIdClaims claims, @Nullable State state) {
        SsoSignInService.SsoIdentity identity = identity(claims.getClaims());
        // The database work runs off the event loop, like every other request's.
        return Mono.fromCallable(() -> ssoSignIn.signIn(identity))
                .subscribeOn(Schedulers.fromExecutorService(blocking))
                .map(outcome -> {
                    if (outcome instanceof SsoSignInService.SignedIn signedIn) {
                        StaffAccount account = signedIn.account();
                        return AuthenticationResponse.success(account.username(),
                                account.roles().stream().map(Enum::name).toList(),
                                Map.of(SESSION_ATTRIBUTE, signedIn.session()));
                    }
                    return new AuthenticationFailed(REFUSED);
                });
    }

    SsoSignInService.SsoIdentity identity(Map<String, Object> claims) {
        Object username = claims.get(settings.usernameClaim());
        Object roles = claims.get(settings.rolesClaim());
        Set<Role> mapped = EnumSet.noneOf(Role.class);
        if (roles instanceof Collection<?> values) {
            mapped = ssoSignIn.rolesFor(values);
        } else if (roles != null) {
            mapped = ssoSignIn.rolesFor(List.of(roles));
        }
        return new SsoSignInService.SsoIdentity(username instanceof String s ? s : null,
                claims.get("name") instanceof String name ? name : null,
                claims.get("email") instanceof String email ? email : null,
                mapped, roles != null);
    }
}
