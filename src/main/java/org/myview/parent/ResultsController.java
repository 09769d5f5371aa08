package org.myview.parent;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import org.myview.staff.Role;
import org.myview.staff.StaffUser;

import java.util.Map;

/** Results for the participation lead and the manager. */
@Controller("/parent/results")
@Secured({Role.PARTICIPATION_LEAD_NAME, Role.SERVICE_MANAGER_NAME})
@ExecuteOn(TaskExecutors.BLOCKING)
record ResultsController(ResultsService results) {

    @Get
    ModelAndView<Map<String, Object>> page() {
        return new ModelAndView<>("parent/results", Map.of("results", results.results()));
    }

    @Get("/export.csv")
    HttpResponse<String> export(Authentication authentication) {
        return HttpResponse.ok(results.exportCsv(StaffUser.from(authentication)))
                .contentType(new MediaType("text/csv; charset=utf-8"))
                .header("Content-Disposition", "attachment; filename=\"parent-feedback.csv\"");
    }
}
