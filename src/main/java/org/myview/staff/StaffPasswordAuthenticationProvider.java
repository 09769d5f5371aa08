package org.myview.staff;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.AuthenticationFailureReason;
import io.micronaut.security.authentication.AuthenticationRequest;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.provider.HttpRequestAuthenticationProvider;
import jakarta.inject.Provider;
import org.myview.web.ErrorPages;
import jakarta.inject.Singleton;

import java.util.Map;

/**
 * HTTP Basic for scripts and integrations, on {@code /api/**} only, with the same accounts, roles,
 * throttling and locking as the sign-in page. Successes are not written to the audit trail (a
 * script signs in on every call); failures and locks are.
 */
@Singleton
class StaffPasswordAuthenticationProvider<B> implements HttpRequestAuthenticationProvider<B> {

    static final String DATABASE_AWAY_ATTRIBUTE = "myview.databaseAway";

    // Looked up lazily: micronaut-security lists providers while it builds beans the service itself needs.
    private final Provider<SignInService> signIn;

    StaffPasswordAuthenticationProvider(Provider<SignInService> signIn) {
        this.signIn = signIn;
    }

    @Override
    public AuthenticationResponse authenticate(HttpRequest<B> request, AuthenticationRequest<String, String> credentials) {
        if (request == null || !request.getPath().startsWith("/api/")) {
            return AuthenticationResponse.failure(AuthenticationFailureReason.CUSTOM);
        }
        SignInService.Outcome outcome;
        try {
            outcome = signIn.get().signIn(credentials.getIdentity(), credentials.getSecret(), false);
        } catch (RuntimeException e) {
            if (ErrorPages.databaseAway(e)) {
                // Not a wrong password: the refusal handler answers 503 "try again" instead of 401.
                request.setAttribute(DATABASE_AWAY_ATTRIBUTE, Boolean.TRUE);
                return AuthenticationResponse.failure(AuthenticationFailureReason.CUSTOM);
            }
            throw e;
        }
        if (outcome instanceof SignInService.SignedIn signedIn) {
            StaffAccount account = signedIn.account();
            return AuthenticationResponse.success(account.username(), account.roles().stream().map(Enum::name).toList(),
                    Map.of(StaffUser.ACCOUNT_ID, account.id(), StaffUser.DISPLAY_NAME, account.displayName()));
        }
        if (outcome instanceof SignInService.Refused refused) {
            refused.pause();
        }
        return AuthenticationResponse.failure(outcome instanceof SignInService.Locked
                ? AuthenticationFailureReason.ACCOUNT_LOCKED : AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH);
    }
}
