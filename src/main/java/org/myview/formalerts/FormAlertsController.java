package org.myview.formalerts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import org.myview.staff.Role;
import org.myview.staff.StaffUser;
import org.myview.web.FormResult;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The officer's choice of how to hear that a child sent their form. */
@Controller("/staff/form-alerts")
@Secured(Role.REVIEWING_OFFICER_NAME)
@ExecuteOn(TaskExecutors.BLOCKING)
record FormAlertsController(FormAlertService service) {

    private static final List<FormAlertChoice> CHOICES = List.of(FormAlertChoice.values());

    @Get
    ModelAndView<Map<String, Object>> page(Authentication authentication, @Nullable @QueryValue String saved) {
        StaffUser user = StaffUser.from(authentication);
        Map<String, Object> model = new HashMap<>();
        model.put("choices", CHOICES);
        model.put("form", new ChoiceForm(service.choiceOf(user.accountId()).name()));
        model.put("saved", saved != null);
        return new ModelAndView<>("formalerts/choice", model);
    }

    @Post(consumes = "application/x-www-form-urlencoded")
    HttpResponse<?> choose(Authentication authentication, @Body ChoiceForm form) {
        FormResult<FormAlertChoice> checked = form.check();
        if (!checked.isValid()) {
            return HttpResponse.unprocessableEntity().body(new ModelAndView<>("formalerts/choice",
                    Map.of("choices", CHOICES, "form", form, "errors", checked.errors(), "saved", false)));
        }
        service.choose(StaffUser.from(authentication), checked.value());
        return HttpResponse.seeOther(URI.create("/staff/form-alerts?saved=1"));
    }
}
