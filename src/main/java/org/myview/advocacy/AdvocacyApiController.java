package org.myview.advocacy;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import org.myview.participation.FinancialYear;
import org.myview.staff.ApiScope;
import org.myview.staff.ApiTokenScope;
import org.myview.staff.Role;
import org.myview.staff.StaffUser;

import java.util.Map;
import java.util.Optional;

/** GET /api/advocacy/figures?year=2026-27: the advocacy figures as JSON, for the manager (figures tokens too). */
@Controller("/api/advocacy")
@Secured(Role.SERVICE_MANAGER_NAME)
@ApiTokenScope(ApiScope.FIGURES)
@ExecuteOn(TaskExecutors.BLOCKING)
record AdvocacyApiController(AdvocacyService service) {

    @Get(value = "/figures", produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> figures(Authentication authentication, @Nullable @QueryValue String year) {
        Optional<FinancialYear> chosen = year == null ? Optional.of(FinancialYear.containing(service.today())) : FinancialYear.parse(year);
        if (chosen.isEmpty()) {
            return HttpResponse.badRequest(Map.of("status", 400, "message", "Give year as a financial year, for example 2026-27."));
        }
        Map<String, Object> body = AdvocacyExport.json(service.figures(chosen.get()));
        service.recordExport(StaffUser.from(authentication), "api-advocacy", chosen.get());
        return HttpResponse.ok(body);
    }
}
