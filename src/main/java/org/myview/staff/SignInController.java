package org.myview.staff;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import org.myview.web.ClientAddress;
import org.myview.web.CsrfTokens;
import org.myview.web.FormErrors;
import org.myview.web.FormResult;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Sign in, sign out, and the pages around them. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
record SignInController(
        SignInService signIn,
        StaffSessionCookie cookie,
        ClientAddress clientAddress,
        SignInFormCookie formCookie,
        CsrfTokens csrfTokens,
        @Value("${micronaut.security.oauth2.enabled:false}") boolean ssoEnabled) {

    /** {@code sso} is where single sign-on sends people it could not sign in: refused or failed. */
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Get("/sign-in")
    HttpResponse<?> signInPage(HttpRequest<?> request, @Nullable Authentication authentication, @Nullable @QueryValue String sso) {
        if (authentication != null) {
            return HttpResponse.seeOther(URI.create("/staff"));
        }
        Map<String, Object> model = new HashMap<>();
        if (ssoEnabled && ("refused".equals(sso) || "failed".equals(sso))) {
            model.put("errors", new FormErrors().add("sso", "staff.signIn.sso.error." + sso));
        }
        return page(request, HttpResponse.ok(), model);
    }

    @Secured(SecurityRule.IS_ANONYMOUS)
    @Get("/sign-in/timed-out")
    HttpResponse<?> timedOut(HttpRequest<?> request) {
        Map<String, Object> model = new HashMap<>();
        model.put("timedOut", true);
        return page(request, HttpResponse.ok(), model);
    }

    /** The sign-in page with its pre-session cookie and the CSRF token bound to it (login CSRF). */
    private HttpResponse<?> page(HttpRequest<?> request, MutableHttpResponse<Object> response, Map<String, Object> model) {
        SignInFormCookie.Issued issued = formCookie.issue(request);
        model.put("ssoEnabled", ssoEnabled);
        model.put("csrfToken", csrfTokens.tokenForKey(issued.sessionKey()));
        return response.body(new ModelAndView<>("staff/sign-in", model)).cookie(issued.cookie());
    }

    /** Answers once the password check (on its own pool) and any hold-back (a timer) are done; no thread waits. */
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Post(value = "/sign-in", consumes = "application/x-www-form-urlencoded")
    CompletableFuture<HttpResponse<?>> signIn(HttpRequest<?> request, @Body SignInForm form) {
        FormResult<SignInForm.Credentials> checked = form.check();
        if (!checked.isValid()) {
            return CompletableFuture.completedFuture(refused(request, form, checked.errors()));
        }
        SignInForm.Credentials credentials = checked.value();
        return signIn.signIn(credentials.username(), credentials.password(), clientAddress.of(request), true).thenApply(outcome -> {
            if (outcome instanceof SignInService.SignedIn signedIn) {
                return HttpResponse.seeOther(URI.create("/staff")).cookie(cookie.write(signedIn.session(), request));
            }
            FormErrors errors = new FormErrors();
            if (outcome instanceof SignInService.Locked locked) {
                errors.add("username", "staff.signIn.error.locked", locked.lockDuration().toMinutes());
            } else {
                errors.add("username", "staff.signIn.error.wrong");
            }
            return refused(request, form, errors);
        });
    }

    private HttpResponse<?> refused(HttpRequest<?> request, SignInForm form, FormErrors errors) {
        Map<String, Object> model = new HashMap<>();
        model.put("errors", errors);
        model.put("username", form.shownUsername());
        return page(request, HttpResponse.unprocessableEntity(), model);
    }

    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Post(value = "/sign-out", consumes = "application/x-www-form-urlencoded")
    MutableHttpResponse<?> signOut(HttpRequest<?> request, Authentication authentication) {
        signIn.signOut(StaffUser.from(authentication));
        return HttpResponse.seeOther(URI.create("/signed-out")).cookie(cookie.clear(request));
    }

    @Secured(SecurityRule.IS_ANONYMOUS)
    @Get("/signed-out")
    ModelAndView<Map<String, Object>> signedOut() {
        return new ModelAndView<>("staff/signed-out", Map.of());
    }

    /** "Stay signed in" from the timeout warning: the refresh filter re-issues the cookie. */
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Post(value = "/session/keep-alive", consumes = {"application/x-www-form-urlencoded", "text/plain"})
    HttpResponse<?> keepAlive() {
        return HttpResponse.noContent();
    }
}
