package org.myview.staff;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import org.myview.system.SecretTokens;
import org.myview.web.FormResult;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The one-time set-password link. Opening it swaps the token in the address for a short-lived
 * cookie and redirects to an address without it, so the token does not stay in the browser's
 * history or reach another site.
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
record SetPasswordController(StaffAccountService accounts, PasswordPolicy policy, StaffSessionCookie sessionCookie) {

    static final String COOKIE = "myview_set_password";

    @Get("/set-password/{token}")
    HttpResponse<?> open(HttpRequest<?> request, @PathVariable String token) {
        if (!SecretTokens.looksValid(token)) {
            return invalid();
        }
        return HttpResponse.seeOther(URI.create("/set-password")).cookie(linkCookie(request, token, 3600));
    }

    @Get("/set-password")
    HttpResponse<?> form(HttpRequest<?> request) {
        Optional<StaffAccount> account = token(request).flatMap(accounts::accountForLink);
        if (account.isEmpty()) {
            return invalid();
        }
        return HttpResponse.ok(new ModelAndView<>("staff/set-password", Map.of("account", account.get())));
    }

    @Post(value = "/set-password", consumes = "application/x-www-form-urlencoded")
    HttpResponse<?> set(HttpRequest<?> request, @Body SetPasswordForm form) {
        Optional<String> token = token(request);
        Optional<StaffAccount> account = token.flatMap(accounts::accountForLink);
        if (account.isEmpty()) {
            return invalid();
        }
        FormResult<String> checked = form.check(policy, account.get().username());
        if (!checked.isValid()) {
            Map<String, Object> model = new HashMap<>();
            model.put("account", account.get());
            model.put("errors", checked.errors());
            return HttpResponse.unprocessableEntity().body(new ModelAndView<>("staff/set-password", model));
        }
        if (!accounts.setPasswordWithLink(token.get(), checked.value())) {
            return invalid();
        }
        return HttpResponse.ok(new ModelAndView<>("staff/password-set", Map.of()))
                .cookie(linkCookie(request, "", 0))
                .cookie(sessionCookie.clear(request));
    }

    static Optional<String> token(HttpRequest<?> request) {
        return request.getCookies().findCookie(COOKIE).map(Cookie::getValue).filter(SecretTokens::looksValid);
    }

    private HttpResponse<?> invalid() {
        return HttpResponse.notFound().body(new ModelAndView<>("staff/link-invalid", Map.of()));
    }

    private Cookie linkCookie(HttpRequest<?> request, String value, long maxAge) {
        return Cookie.of(COOKIE, value).path("/set-password").httpOnly(true).sameSite(SameSite.Strict)
                .secure(sessionCookie.isSecure(request)).maxAge(maxAge);
    }
}
