package org.myview.staff;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpAttributes;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecuredAnnotationRule;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.rules.SecurityRuleResult;
import io.micronaut.web.router.MethodBasedRouteMatch;
import io.micronaut.web.router.RouteMatch;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

import java.util.Arrays;

/**
 * A request made with an API token reaches only routes marked {@link ApiTokenScope} with the token's scope;
 * anything else is refused (403) before {@code @Secured} is asked. Requests without a token are not this rule's
 * business. Runs before {@link SecuredAnnotationRule}, which then checks the account's roles as usual.
 */
@Singleton
class ApiTokenScopeRule implements SecurityRule<HttpRequest<?>> {

    @Override
    public Publisher<SecurityRuleResult> check(@Nullable HttpRequest<?> request, @Nullable Authentication authentication) {
        Object scope = authentication == null ? null : authentication.getAttributes().get(ApiTokenAuthenticationFetcher.TOKEN_SCOPE);
        if (scope == null) {
            return Mono.just(SecurityRuleResult.UNKNOWN);
        }
        RouteMatch<?> route = request == null ? null : request.getAttribute(HttpAttributes.ROUTE_MATCH, RouteMatch.class).orElse(null);
        if (route == null) {
            return Mono.just(SecurityRuleResult.UNKNOWN); // no such route: 404 as for anyone
        }
        if (route instanceof MethodBasedRouteMatch<?, ?> method && method.hasAnnotation(ApiTokenScope.class)) {
            ApiScope[] allowed = method.enumValues(ApiTokenScope.class, ApiScope.class);
            if (Arrays.stream(allowed).anyMatch(s -> s.name().equals(scope))) {
                return Mono.just(SecurityRuleResult.UNKNOWN);
            }
        }
        return Mono.just(SecurityRuleResult.REJECTED);
    }

    @Override
    public int getOrder() {
        return SecuredAnnotationRule.ORDER - 100;
    }
}
