package org.myview.staff;

import io.micronaut.http.HttpRequest;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.filters.AuthenticationFetcher;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;

/**
 * Turns a valid staff session cookie into the request's authentication. Roles and the disabled flag
 * are read from the database on every request, so a change takes effect at once on every instance.
 */
@Singleton
record StaffAuthenticationFetcher(
        StaffSessionCookie cookie,
        SignInService signIn,
        SessionSettings settings,
        Clock clock,
        @Named(TaskExecutors.BLOCKING) ExecutorService blocking) implements AuthenticationFetcher<HttpRequest<?>> {

    static final String SESSION_ATTRIBUTE = "myview.staffSession";
    static final String TIMED_OUT_ATTRIBUTE = "myview.staffSessionTimedOut";

    @Override
    public Publisher<Authentication> fetchAuthentication(HttpRequest<?> request) {
        if (request.getPath().startsWith("/api/")) {
            return Mono.empty(); // the API takes HTTP Basic only: no cookies, so no CSRF exposure
        }
        Optional<StaffSession> session = cookie.read(request);
        if (session.isEmpty()) {
            return Mono.empty();
        }
        Instant now = clock.instant();
        if (session.get().isExpired(now, settings)) {
            request.setAttribute(TIMED_OUT_ATTRIBUTE, session.get());
            return Mono.empty();
        }
        return Mono.fromCallable(() -> signIn.accountFor(session.get()))
                .subscribeOn(Schedulers.fromExecutorService(blocking))
                .flatMap(account -> account.map(a -> {
                    request.setAttribute(SESSION_ATTRIBUTE, session.get());
                    Instant expires = session.get().seenAt(now).expiresAt(settings);
                    return Mono.just(Authentication.build(a.username(), a.roles().stream().map(Enum::name).toList(),
                            Map.of(StaffUser.ACCOUNT_ID, a.id(), StaffUser.DISPLAY_NAME, a.displayName(),
                                    StaffUser.EXPIRES_AT, expires)));
                }).orElseGet(Mono::empty));
    }
}
