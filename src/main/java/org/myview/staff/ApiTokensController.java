package org.myview.staff;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import org.myview.web.FormErrors;
import org.myview.web.FormResult;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Personal API tokens: anyone signed in manages their own under /staff/api-tokens; an administrator manages any
 * account's under /admin/accounts/{id}/api-tokens. The same pages serve both. A new token is shown on the page
 * that answers the form (never in a redirect, a URL or the log) and cannot be shown again.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
record ApiTokensController(ApiTokenService tokens, StaffAccountService accounts) {

    private static final String OWN = "/staff/api-tokens";

    @Get(OWN)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    ModelAndView<Map<String, Object>> own(Authentication authentication) {
        return list(StaffUser.from(authentication).accountId(), null);
    }

    @Get(OWN + "/new")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    ModelAndView<Map<String, Object>> newOwn() {
        return form(null, ApiTokenForm.empty(), null);
    }

    @Post(value = OWN, consumes = "application/x-www-form-urlencoded")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    HttpResponse<?> createOwn(Authentication authentication, @Body ApiTokenForm form) {
        StaffUser user = StaffUser.from(authentication);
        return create(user, user.accountId(), null, form);
    }

    @Post(value = OWN + "/{tokenId}/revoke", consumes = "application/x-www-form-urlencoded")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    HttpResponse<?> revokeOwn(Authentication authentication, @PathVariable long tokenId) {
        StaffUser user = StaffUser.from(authentication);
        return tokens.revoke(user, user.accountId(), tokenId) ? HttpResponse.seeOther(URI.create(OWN)) : HttpResponse.notFound();
    }

    @Get("/admin/accounts/{id}/api-tokens")
    @Secured(Role.ADMIN_NAME)
    HttpResponse<?> ofAccount(@PathVariable long id) {
        return accounts.find(id).<HttpResponse<?>>map(account -> HttpResponse.ok(list(id, account))).orElseGet(HttpResponse::notFound);
    }

    @Get("/admin/accounts/{id}/api-tokens/new")
    @Secured(Role.ADMIN_NAME)
    HttpResponse<?> newForAccount(@PathVariable long id) {
        return accounts.find(id).<HttpResponse<?>>map(account -> HttpResponse.ok(form(account, ApiTokenForm.empty(), null)))
                .orElseGet(HttpResponse::notFound);
    }

    @Post(value = "/admin/accounts/{id}/api-tokens", consumes = "application/x-www-form-urlencoded")
    @Secured(Role.ADMIN_NAME)
    HttpResponse<?> createForAccount(Authentication authentication, @PathVariable long id, @Body ApiTokenForm form) {
        Optional<StaffAccount> account = accounts.find(id);
        if (account.isEmpty()) {
            return HttpResponse.notFound();
        }
        return create(StaffUser.from(authentication), id, account.get(), form);
    }

    @Post(value = "/admin/accounts/{id}/api-tokens/{tokenId}/revoke", consumes = "application/x-www-form-urlencoded")
    @Secured(Role.ADMIN_NAME)
    HttpResponse<?> revokeForAccount(Authentication authentication, @PathVariable long id, @PathVariable long tokenId) {
        return tokens.revoke(StaffUser.from(authentication), id, tokenId)
                ? HttpResponse.seeOther(URI.create(address(id))) : HttpResponse.notFound();
    }

    private HttpResponse<?> create(StaffUser actor, long accountId, StaffAccount account, ApiTokenForm form) {
        FormResult<ApiTokenService.NewToken> checked = form.check();
        if (!checked.isValid()) {
            return HttpResponse.unprocessableEntity().body(form(account, form, checked.errors()));
        }
        ApiTokenService.Created created = tokens.create(actor, accountId, checked.value());
        Map<String, Object> model = model(account);
        model.put("token", created.token());
        model.put("secret", created.secret());
        return HttpResponse.ok(new ModelAndView<>("staff/api-token-created", model));
    }

    private ModelAndView<Map<String, Object>> list(long accountId, StaffAccount account) {
        Map<String, Object> model = model(account);
        model.put("tokens", tokens.ofAccount(accountId));
        model.put("now", tokens.now());
        return new ModelAndView<>("staff/api-tokens", model);
    }

    private ModelAndView<Map<String, Object>> form(StaffAccount account, ApiTokenForm form, FormErrors errors) {
        Map<String, Object> model = model(account);
        model.put("form", form);
        model.put("scopes", ApiScope.values());
        model.put("lifetimes", ApiTokenService.LIFETIMES);
        if (errors != null) {
            model.put("errors", errors);
        }
        return new ModelAndView<>("staff/api-token-new", model);
    }

    /** What every token page needs: whose tokens (null: the signed-in person's own) and where they live. */
    private static Map<String, Object> model(StaffAccount account) {
        Map<String, Object> model = new HashMap<>();
        model.put("base", account == null ? OWN : address(account.id()));
        if (account != null) {
            model.put("account", account);
        }
        return model;
    }

    private static String address(long accountId) {
        return "/admin/accounts/" + accountId + "/api-tokens";
    }
}
