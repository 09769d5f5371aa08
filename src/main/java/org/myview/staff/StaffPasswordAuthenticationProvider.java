package org.myview.staff;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.AuthenticationFailureReason;
import io.micronaut.security.authentication.AuthenticationRequest;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.provider.HttpRequestReactiveAuthenticationProvider;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import org.myview.web.ClientAddress;
import org.myview.web.ErrorPages;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

import java.util.Map;
import java.util.concurrent.CompletionException;

/**
 * HTTP Basic for scripts and integrations, on {@code /api/**} only, with the same accounts, roles,
 * throttling and locking as the sign-in page. Successes are not written to the audit trail (a
 * script signs in on every call); failures and locks are. Reactive: the check runs on the password-check
 * pool ({@link PasswordChecks}) and the answer to a wrong password is delayed by a timer, so no request
 * thread waits (issue 22, item 1).
 */
@Singleton
class StaffPasswordAuthenticationProvider<B> implements HttpRequestReactiveAuthenticationProvider<B> {

    static final String DATABASE_AWAY_ATTRIBUTE = "myview.databaseAway";

    // Looked up lazily: micronaut-security lists providers while it builds beans the service itself needs.
    private final Provider<SignInService> signIn;
    private final Provider<ClientAddress> clientAddress;

    StaffPasswordAuthenticationProvider(Provider<SignInService> signIn, Provider<ClientAddress> clientAddress) {
        this.signIn = signIn;
        this.clientAddress = clientAddress;
    }

    @Override
    public Publisher<AuthenticationResponse> authenticate(@Nullable HttpRequest<B> request,
                                                          AuthenticationRequest<String, String> credentials) {
        if (request == null || !request.getPath().startsWith("/api/")) {
            return Mono.just(AuthenticationResponse.failure(AuthenticationFailureReason.CUSTOM));
        }
        String address = clientAddress.get().of(request);
        return Mono.fromFuture(() -> signIn.get().signIn(credentials.getIdentity(), credentials.getSecret(), address, false))
                .map(StaffPasswordAuthenticationProvider::response)
                .onErrorResume(e -> {
                    Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
                    if (ErrorPages.databaseAway(cause)) {
                        // Not a wrong password: the refusal handler answers 503 "try again" instead of 401.
                        request.setAttribute(DATABASE_AWAY_ATTRIBUTE, Boolean.TRUE);
                        return Mono.just(AuthenticationResponse.failure(AuthenticationFailureReason.CUSTOM));
                    }
                    return Mono.error(cause);
                });
    }

    private static AuthenticationResponse response(SignInService.Outcome outcome) {
        if (outcome instanceof SignInService.SignedIn signedIn) {
            StaffAccount account = signedIn.account();
            return AuthenticationResponse.success(account.username(), account.roles().stream().map(Enum::name).toList(),
                    Map.of(StaffUser.ACCOUNT_ID, account.id(), StaffUser.DISPLAY_NAME, account.displayName()));
        }
        return AuthenticationResponse.failure(outcome instanceof SignInService.Locked
                ? AuthenticationFailureReason.ACCOUNT_LOCKED : AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH);
    }
}
