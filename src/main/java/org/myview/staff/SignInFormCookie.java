package org.myview.staff;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import jakarta.inject.Singleton;
import org.myview.system.SecretTokens;
import org.myview.web.SessionKeySource;

import java.security.SecureRandom;
import java.util.Optional;

/**
 * Login CSRF: before anyone is signed in there is no session to bind a CSRF token to, so the sign-in page sets
 * a random pre-session cookie (sent back to {@code /sign-in} only) and its form's token is derived from it. A
 * page on another site cannot read the cookie, so it cannot sign a victim's browser into the attacker's account.
 */
@Singleton
class SignInFormCookie implements SessionKeySource, Ordered {

    static final String PATH = "/sign-in";
    private static final String NAME = "myview_sign_in";

    private final SecureRandom random = new SecureRandom();
    private final StaffSessionCookie sessionCookie;

    SignInFormCookie(StaffSessionCookie sessionCookie) {
        this.sessionCookie = sessionCookie;
    }

    /** The key to derive the form's CSRF token from, and the cookie to set with the page. */
    record Issued(String sessionKey, Cookie cookie) {
    }

    /** The browser's own pre-session again when it has one (two tabs keep working), or a new one. */
    Issued issue(HttpRequest<?> request) {
        String key = read(request).orElseGet(() -> SecretTokens.newToken(random));
        Cookie cookie = Cookie.of(NAME, key).path(PATH).httpOnly(true).secure(sessionCookie.isSecure(request))
                .sameSite(SameSite.Strict);
        return new Issued("sign-in:" + key, cookie);
    }

    @Override
    public Optional<String> sessionKey(HttpRequest<?> request) {
        if (!request.getPath().equals(PATH)) {
            return Optional.empty();
        }
        return read(request).map(key -> "sign-in:" + key);
    }

    private static Optional<String> read(HttpRequest<?> request) {
        return request.getCookies().findCookie(NAME).map(Cookie::getValue).filter(SecretTokens::looksValid);
    }

    /** Before the staff session: someone signed in who posts the sign-in form again used this cookie's token. */
    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE;
    }
}
