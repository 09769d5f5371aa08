package org.myview.staff;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Where staff land after signing in: what they can do, by role, and what other features put there ({@link HomePanel}). */
@Controller("/staff")
record StaffHomeController(List<HomePanel> panels) {

    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Get
    @ExecuteOn(TaskExecutors.BLOCKING) // panels read the database
    ModelAndView<Map<String, Object>> home(Authentication authentication) {
        StaffUser user = StaffUser.from(authentication);
        List<HomePanel.Panel> shown = new ArrayList<>();
        panels.forEach(p -> p.panelFor(user).ifPresent(shown::add));
        // The roles that /staff/languages lets in: they find the forms' languages and previews from here.
        boolean previewsLanguages = user.has(Role.SERVICE_MANAGER) || user.has(Role.PARTICIPATION_LEAD) || user.has(Role.ADMIN);
        return new ModelAndView<>("staff/home", Map.of("user", user, "panels", shown, "previewsLanguages", previewsLanguages));
    }
}
