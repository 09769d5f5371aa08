package org.myview.advocacy;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import org.myview.staff.Role;
import org.myview.staff.StaffUser;
import org.myview.web.FormErrors;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Advocacy referrals for staff: the list (an officer's own reviews; every review for the manager and the
 * participation lead) and each referral's page, where they record its progress. Another officer's referral
 * answers 404, as an unknown one does.
 */
@Controller("/advocacy")
@Secured({Role.REVIEWING_OFFICER_NAME, Role.SERVICE_MANAGER_NAME, Role.PARTICIPATION_LEAD_NAME})
@ExecuteOn(TaskExecutors.BLOCKING)
record AdvocacyController(AdvocacyService service) {

    @Get
    ModelAndView<Map<String, Object>> list(Authentication authentication) {
        StaffUser user = StaffUser.from(authentication);
        List<AdvocacyRepository.Row> rows = service.list(user);
        Map<String, Object> model = new HashMap<>();
        model.put("open", rows.stream().filter(r -> r.closedOn() == null).toList());
        model.put("closed", rows.stream().filter(r -> r.closedOn() != null).toList());
        model.put("closedDays", AdvocacyService.CLOSED_SHOWN_DAYS);
        model.put("seesFigures", user.has(Role.SERVICE_MANAGER) || user.has(Role.PARTICIPATION_LEAD));
        return new ModelAndView<>("advocacy/list", model);
    }

    @Get("/referrals/{id}")
    HttpResponse<?> page(Authentication authentication, @PathVariable long id, @Nullable @QueryValue String saved) {
        StaffUser user = StaffUser.from(authentication);
        return service.page(user, id).<HttpResponse<?>>map(row -> {
            Map<String, Object> model = model(user, row, ReferralProgressForm.start(service.today()), new FormErrors());
            model.put("saved", saved != null);
            return HttpResponse.ok(new ModelAndView<>("advocacy/referral", model));
        }).orElseGet(HttpResponse::notFound);
    }

    /** Records a step: bad input changes nothing and shows the page again with its errors (422). */
    @Post(value = "/referrals/{id}", consumes = "application/x-www-form-urlencoded")
    HttpResponse<?> record(Authentication authentication, @PathVariable long id, @Body ReferralProgressForm form) {
        StaffUser user = StaffUser.from(authentication);
        var result = service.record(user, id, form);
        if (result.isEmpty()) {
            return HttpResponse.notFound();
        }
        if (!result.get().isValid()) {
            return service.page(user, id).<HttpResponse<?>>map(row -> HttpResponse.unprocessableEntity().body(new ModelAndView<>(
                    "advocacy/referral", model(user, row, form, result.get().errors())))).orElseGet(HttpResponse::notFound);
        }
        return HttpResponse.seeOther(URI.create("/advocacy/referrals/" + id + "?saved=1"));
    }

    private static Map<String, Object> model(StaffUser user, AdvocacyRepository.Row row, ReferralProgressForm form, FormErrors errors) {
        Map<String, Object> model = new HashMap<>();
        model.put("referral", row);
        model.put("form", form);
        model.put("errors", errors);
        model.put("saved", false);
        model.put("steps", ReferralProgressForm.STEPS);
        model.put("services", ReferralProgressForm.SERVICES);
        model.put("seesReview", user.has(Role.REVIEWING_OFFICER) || user.has(Role.SERVICE_MANAGER));
        return model;
    }
}
