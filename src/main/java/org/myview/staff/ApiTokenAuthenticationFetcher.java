package org.myview.staff;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.filters.AuthenticationFetcher;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.myview.web.ErrorPages;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.Map;
import java.util.concurrent.ExecutorService;

/**
 * {@code Authorization: Bearer <personal API token>} on {@code /api/**} only (pages never take a token). A token
 * that is unknown, expired, revoked or whose account is disabled authenticates nobody, so the request gets 401.
 * The route's scope is checked by {@link ApiTokenScopeRule}, the roles by {@code @Secured} as for everyone.
 */
@Singleton
record ApiTokenAuthenticationFetcher(
        ApiTokenService tokens,
        @Named(TaskExecutors.BLOCKING) ExecutorService blocking) implements AuthenticationFetcher<HttpRequest<?>> {

    static final String TOKEN_ID = "apiTokenId";
    static final String TOKEN_SCOPE = "apiTokenScope";
    /** Set when a Bearer token came with the request: the 401 then names the Bearer scheme. */
    static final String BEARER_ATTRIBUTE = "myview.bearer";

    @Override
    public Publisher<Authentication> fetchAuthentication(HttpRequest<?> request) {
        if (!request.getPath().startsWith("/api/")) {
            return Mono.empty();
        }
        String header = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (header == null || header.length() < 7 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Mono.empty();
        }
        request.setAttribute(BEARER_ATTRIBUTE, Boolean.TRUE);
        String presented = header.substring(7).trim();
        String method = request.getMethodName();
        String path = request.getPath();
        return Mono.fromCallable(() -> tokens.use(presented, method, path))
                .subscribeOn(Schedulers.fromExecutorService(blocking))
                .onErrorResume(e -> {
                    if (ErrorPages.databaseAway(e)) {
                        // Not a bad token: the refusal handler answers 503 "try again" instead of 401.
                        request.setAttribute(StaffPasswordAuthenticationProvider.DATABASE_AWAY_ATTRIBUTE, Boolean.TRUE);
                        return Mono.just(java.util.Optional.empty());
                    }
                    return Mono.error(e);
                })
                .flatMap(use -> use.map(u -> Mono.just(Authentication.build(u.username(),
                        u.roles().stream().map(Enum::name).toList(),
                        Map.<String, Object>of(StaffUser.ACCOUNT_ID, u.accountId(), StaffUser.DISPLAY_NAME, u.displayName(),
                                TOKEN_ID, u.tokenId(), TOKEN_SCOPE, u.scope().name())))).orElseGet(Mono::empty));
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }
}
