package org.myview.review;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import org.myview.staff.Role;
import org.myview.staff.StaffAccountService;
import org.myview.staff.StaffUser;
import org.myview.web.FormErrors;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/** The manager adds a child to a reviewing officer's caseload. */
@Controller("/caseloads")
@Secured(Role.SERVICE_MANAGER_NAME)
@ExecuteOn(TaskExecutors.BLOCKING)
record CaseloadController(CaseloadService caseloads, StaffAccountService staff) {

    @Get
    ModelAndView<Map<String, Object>> form(@Nullable @QueryValue String assigned) {
        return new ModelAndView<>("review/caseload", model("", "", new FormErrors(), assigned != null));
    }

    @Post(consumes = "application/x-www-form-urlencoded")
    HttpResponse<?> assign(Authentication authentication, @Body CaseloadForm form) {
        FormErrors errors = caseloads.assign(StaffUser.from(authentication), form);
        if (!errors.isEmpty()) {
            return HttpResponse.unprocessableEntity().body(new ModelAndView<>("review/caseload",
                    model(form.caseReference(), form.officer(), errors, false)));
        }
        return HttpResponse.seeOther(URI.create("/caseloads?assigned=1"));
    }

    private Map<String, Object> model(String reference, String officer, FormErrors errors, boolean assigned) {
        Map<String, Object> model = new HashMap<>();
        model.put("caseReference", reference == null ? "" : reference);
        model.put("officer", officer == null ? "" : officer);
        model.put("officers", staff.withRole(Role.REVIEWING_OFFICER));
        model.put("errors", errors);
        model.put("assigned", assigned);
        return model;
    }
}
