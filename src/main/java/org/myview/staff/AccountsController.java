package org.myview.staff;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import org.myview.web.PublicUrl;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import org.myview.web.FormErrors;
import org.myview.web.FormResult;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** Administrators create, change, disable and re-enable staff accounts. */
@Controller("/admin/accounts")
@Secured(Role.ADMIN_NAME)
@ExecuteOn(TaskExecutors.BLOCKING)
record AccountsController(StaffAccountService accounts, PublicUrl publicUrl) {

    @Get
    ModelAndView<Map<String, Object>> list() {
        return new ModelAndView<>("staff/accounts", Map.of("accounts", accounts.all()));
    }

    @Get("/new")
    ModelAndView<Map<String, Object>> newAccount() {
        return new ModelAndView<>("staff/account-new", Map.of("roles", Role.values(), "chosen", Set.of()));
    }

    @Post(consumes = "application/x-www-form-urlencoded")
    HttpResponse<?> create(HttpRequest<?> request, Authentication authentication, @Body AccountForm form) {
        FormResult<StaffAccountService.NewAccount> checked = form.check(accounts.usernameTaken(form.username()));
        if (!checked.isValid()) {
            Map<String, Object> model = new HashMap<>();
            model.put("errors", checked.errors());
            model.put("roles", Role.values());
            model.put("chosen", form.chosen());
            model.put("form", form);
            return HttpResponse.unprocessableEntity().body(new ModelAndView<>("staff/account-new", model));
        }
        StaffUser admin = StaffUser.from(authentication);
        long id = accounts.create(admin, checked.value());
        return linkCreated(request, id, accounts.createSetPasswordLink(admin, id), true);
    }

    @Get("/{id}")
    HttpResponse<?> show(@PathVariable long id) {
        return accounts.find(id)
                .<HttpResponse<?>>map(account -> HttpResponse.ok(new ModelAndView<>("staff/account",
                        Map.of("account", account, "roles", Role.values()))))
                .orElseGet(HttpResponse::notFound);
    }

    @Post(value = "/{id}/roles", consumes = "application/x-www-form-urlencoded")
    HttpResponse<?> roles(@PathVariable long id, Authentication authentication, @Body RolesForm form) {
        if (accounts.find(id).isEmpty()) {
            return HttpResponse.notFound();
        }
        if (!accounts.setRoles(StaffUser.from(authentication), id, form.chosen())) {
            return refused(id, "roles-ADMIN", "staff.accounts.error.lastAdminRole");
        }
        return HttpResponse.seeOther(URI.create("/admin/accounts/" + id));
    }

    @Post(value = "/{id}/disable", consumes = "application/x-www-form-urlencoded")
    HttpResponse<?> disable(@PathVariable long id, Authentication authentication) {
        if (accounts.find(id).isEmpty()) {
            return HttpResponse.notFound();
        }
        if (!accounts.setDisabled(StaffUser.from(authentication), id, true)) {
            return refused(id, "disable", "staff.accounts.error.lastAdmin");
        }
        return HttpResponse.seeOther(URI.create("/admin/accounts/" + id));
    }

    @Post(value = "/{id}/enable", consumes = "application/x-www-form-urlencoded")
    HttpResponse<?> enable(@PathVariable long id, Authentication authentication) {
        if (accounts.find(id).isEmpty()) {
            return HttpResponse.notFound();
        }
        accounts.setDisabled(StaffUser.from(authentication), id, false);
        return HttpResponse.seeOther(URI.create("/admin/accounts/" + id));
    }

    @Post(value = "/{id}/set-password-link", consumes = "application/x-www-form-urlencoded")
    HttpResponse<?> setPasswordLink(HttpRequest<?> request, @PathVariable long id, Authentication authentication) {
        if (accounts.find(id).isEmpty()) {
            return HttpResponse.notFound();
        }
        return linkCreated(request, id, accounts.createSetPasswordLink(StaffUser.from(authentication), id), false);
    }

    /** The account page again with the one change refused (the last administrator stays one). */
    private HttpResponse<?> refused(long id, String field, String key) {
        return HttpResponse.unprocessableEntity().body(new ModelAndView<>("staff/account",
                Map.of("account", accounts.find(id).orElseThrow(), "roles", Role.values(), "errors", new FormErrors().add(field, key))));
    }

    /** The link is shown once, on this page, and never stored: it cannot be shown again. */
    private HttpResponse<?> linkCreated(HttpRequest<?> request, long id, String token, boolean newAccount) {
        // From MYVIEW_PUBLIC_URL only, never X-Forwarded-Host (issue 22, item 6).
        String link = publicUrl.of("/set-password/" + token);
        return HttpResponse.ok(new ModelAndView<>("staff/link-created",
                Map.of("account", accounts.find(id).orElseThrow(), "link", link, "newAccount", newAccount,
                        "hours", StaffAccountService.SET_PASSWORD_LINK_LIFETIME.toHours())));
    }
}
