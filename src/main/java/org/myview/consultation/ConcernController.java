package org.myview.consultation;

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
import io.micronaut.views.ModelAndView;
import org.myview.staff.Role;
import org.myview.staff.StaffUser;
import org.myview.web.FormErrors;
import org.myview.web.FormResult;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Talk-now concerns for staff: the list for the duty team and the managers, and each concern's page, where
 * anyone who may see it records a contact. An officer sees only concerns on reviews they may open (404 otherwise).
 */
@Controller("/concerns")
@ExecuteOn(TaskExecutors.BLOCKING)
record ConcernController(ConcernService service) {

    @Get
    @Secured({Role.DUTY_NAME, Role.SERVICE_MANAGER_NAME})
    ModelAndView<Map<String, Object>> list(Authentication authentication) {
        ConcernService.Lists lists = service.list(StaffUser.from(authentication));
        Map<String, Object> model = new HashMap<>();
        model.put("open", withAges(lists.open(), service.now()));
        model.put("closed", withAges(lists.closed(), service.now()));
        model.put("settings", service.settings());
        return new ModelAndView<>("consultation/concern-list", model);
    }

    @Get("/{id}")
    @Secured({Role.DUTY_NAME, Role.SERVICE_MANAGER_NAME, Role.REVIEWING_OFFICER_NAME})
    HttpResponse<?> page(Authentication authentication, @PathVariable long id) {
        StaffUser user = StaffUser.from(authentication);
        return service.page(user, id).<HttpResponse<?>>map(page -> HttpResponse.ok(new ModelAndView<>("consultation/concern",
                model(user, page, ConcernOutcomeForm.start(user.displayName(), service.now()), new FormErrors()))))
                .orElseGet(HttpResponse::notFound);
    }

    /** Records a contact: bad input changes nothing and shows the page again with its errors (422). */
    @Post(value = "/{id}/contact", consumes = "application/x-www-form-urlencoded")
    @Secured({Role.DUTY_NAME, Role.SERVICE_MANAGER_NAME, Role.REVIEWING_OFFICER_NAME})
    HttpResponse<?> contact(Authentication authentication, @PathVariable long id, @Body ConcernOutcomeForm form) {
        StaffUser user = StaffUser.from(authentication);
        Optional<ConcernService.Page> page = service.page(user, id);
        if (page.isEmpty()) {
            return HttpResponse.notFound();
        }
        FormResult<ConcernOutcomeForm.Contact> checked = form.check(page.get().concern().raisedAt(), service.now());
        if (!checked.isValid()) {
            return HttpResponse.unprocessableEntity().body(new ModelAndView<>("consultation/concern", model(user, page.get(), form, checked.errors())));
        }
        if (service.record(user, id, checked.value()).isEmpty()) {
            return HttpResponse.notFound();
        }
        return HttpResponse.seeOther(URI.create("/concerns/" + id + "#contacts"));
    }

    private Map<String, Object> model(StaffUser user, ConcernService.Page page, ConcernOutcomeForm form, FormErrors errors) {
        Map<String, Object> model = new HashMap<>();
        model.put("concern", page.concern());
        model.put("contacts", page.contacts());
        model.put("escalations", page.escalations());
        model.put("ways", page.concern().contactWays().isEmpty() ? java.util.List.of() : java.util.List.of(page.concern().contactWays().split(",")));
        model.put("age", age(page.concern().raisedAt(), page.concern().closedAt() == null ? service.now() : page.concern().closedAt()));
        model.put("form", form);
        model.put("errors", errors);
        model.put("seesReviews", user.has(Role.REVIEWING_OFFICER) || user.has(Role.SERVICE_MANAGER));
        return model;
    }

    /** Each concern with how long it has been open (or was, when closed), for lists. */
    static java.util.List<Map<String, Object>> withAges(java.util.List<ConcernRepository.Row> rows, Instant now) {
        return rows.stream().<Map<String, Object>>map(r -> Map.of("row", r,
                "age", age(r.raisedAt(), r.closedAt() == null ? now : r.closedAt()))).toList();
    }

    /** "3 h 05 min": how long a concern has been (or was) open. */
    static String age(Instant from, Instant to) {
        Duration d = Duration.between(from, to);
        if (d.isNegative()) {
            d = Duration.ZERO;
        }
        return d.toHours() + " h " + String.format("%02d", d.toMinutesPart()) + " min";
    }
}
