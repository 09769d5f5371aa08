package org.myview.participation;

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

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * GET /api/participation/mrmv-read?reviewType=CLA&year=2025-26: "read before the review" for a financial year, all
 * officers and ages, by quarter, by officer and by age band, and how many forms are unread (counts only: the
 * lists name children's case references and stay on the dashboard).
 */
@Controller("/api/participation")
@Secured(Role.SERVICE_MANAGER_NAME)
@ApiTokenScope(ApiScope.FIGURES)
@ExecuteOn(TaskExecutors.BLOCKING)
record FormsReadApiController(FormsReadService formsRead, ParticipationService participation) {

    @Get(value = "/mrmv-read", produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> formsRead(Authentication authentication, @Nullable @QueryValue String reviewType, @Nullable @QueryValue String year) {
        Optional<ParticipationService.Filters> chosen = ParticipationApiController.yearFilters(reviewType, year, participation.today());
        if (chosen.isEmpty()) {
            return ParticipationApiController.wrongYearFilters();
        }
        ParticipationService.Filters filters = chosen.get();
        FormsRead read = formsRead.formsRead(filters);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reviewType", filters.type().name());
        body.put("year", filters.year().label());
        body.put("definitions", Map.of(
                "formsSent", "reviews held whose child sent a form on or before the review date (Europe/London), in the quarter of the review date",
                "readBeforeReview", "of those, reviews whose own reviewing officer first opened the answers on or before the review date",
                "readPercent", "readBeforeReview over formsSent, whole percentage rounded half up; null when none were sent",
                "heldNeverRead", "reviews in the year before today whose sent form their officer never opened (at most "
                        + FormsReadService.LIST_LIMIT + ")",
                "dueUnread", "reviews from today to " + read.soonDays() + " days ahead whose sent form is unread (at most "
                        + FormsReadService.LIST_LIMIT + ")"));
        body.put("quarters", quarters(read, read.total()));
        Map<String, Object> officers = new LinkedHashMap<>();
        read.byOfficer().forEach(r -> officers.put(r.label(), quarters(read, r)));
        body.put("byOfficer", officers);
        Map<String, Object> bands = new LinkedHashMap<>();
        read.byBand().forEach(r -> bands.put(r.label(), quarters(read, r)));
        body.put("byAgeBand", bands);
        body.put("heldNeverRead", read.neverRead().size());
        body.put("dueUnread", read.dueUnread().size());
        participation.recordExport(StaffUser.from(authentication), "api-mrmv-read", filters);
        return HttpResponse.ok(body);
    }

    private static Map<String, Object> quarters(FormsRead read, FormsRead.Row row) {
        Map<String, Object> columns = new LinkedHashMap<>();
        List<String> keys = read.keys();
        for (int i = 0; i < keys.size(); i++) {
            FormsRead.Cell cell = row.cells().get(i);
            Map<String, Object> value = new LinkedHashMap<>();
            value.put("formsSent", cell.sent());
            value.put("readBeforeReview", cell.read());
            value.put("readPercent", cell.share().hasPercent() ? cell.share().percentValue() : null);
            columns.put(keys.get(i), value);
        }
        return columns;
    }
}
