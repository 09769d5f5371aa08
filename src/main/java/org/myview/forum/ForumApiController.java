package org.myview.forum;

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
import org.myview.staff.ApiScope;
import org.myview.staff.ApiTokenScope;
import org.myview.staff.Role;
import org.myview.staff.StaffUser;

import java.util.Map;
import java.util.Optional;

/**
 * GET /api/forum/figures?period=2025-26-q2 (JSON) and /api/forum/figures.csv: the forum's figures after disclosure
 * control, exactly as the page shows them. An API token of the figures scope, or HTTP Basic. The period must be one the page
 * offers (a published quarter or financial year); without one, the latest published quarter.
 */
@Controller("/api/forum")
@Secured({Role.FORUM_NAME, Role.PARTICIPATION_LEAD_NAME})
@ApiTokenScope(ApiScope.FIGURES)
@ExecuteOn(TaskExecutors.BLOCKING)
record ForumApiController(ForumService forum, ForumExport export) {

    @Get(value = "/figures", produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> figures(Authentication authentication, @Nullable @QueryValue String period) {
        Optional<ForumPeriod> chosen = chosen(period);
        if (chosen.isEmpty()) {
            return badPeriod();
        }
        forum.recordExport(StaffUser.from(authentication), "api-json", chosen.get());
        return HttpResponse.ok(export.json(forum.figures(chosen.get())));
    }

    @Get(value = "/figures.csv", produces = "text/csv; charset=utf-8")
    HttpResponse<?> csv(Authentication authentication, @Nullable @QueryValue String period) {
        Optional<ForumPeriod> chosen = chosen(period);
        if (chosen.isEmpty()) {
            return badPeriod();
        }
        forum.recordExport(StaffUser.from(authentication), "api-csv", chosen.get());
        return HttpResponse.ok(export.csv(forum.figures(chosen.get()))).contentType(new MediaType("text/csv; charset=utf-8"));
    }

    private Optional<ForumPeriod> chosen(String period) {
        return period == null ? Optional.of(forum.latest()) : forum.period(period);
    }

    private HttpResponse<?> badPeriod() {
        return HttpResponse.badRequest(Map.of("status", 400, "message", "Give period as a finished financial-year quarter "
                + "(for example 2025-26-q2) or a finished financial year (2025-26), published a settling time after it ends, among the last "
                + ForumPeriod.QUARTERS_OFFERED + " quarters and " + ForumPeriod.YEARS_OFFERED + " years. "
                + "Single months and unfinished periods are not offered, to keep groups large."))
                .contentType(MediaType.APPLICATION_JSON_TYPE);
    }
}
