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
import org.myview.staff.Role;
import org.myview.staff.StaffUser;
import org.myview.web.CsvWriter;

import java.util.ArrayList;
import java.util.List;

/** "Read before the review" as CSV, with the dashboard's filters: a row per group and figure, a column per quarter. */
@Controller("/participation")
@Secured({Role.SERVICE_MANAGER_NAME, Role.REVIEWING_OFFICER_NAME})
@ExecuteOn(TaskExecutors.BLOCKING)
record FormsReadController(
        FormsReadService formsRead, ParticipationService participation, DashboardFilters dashboardFilters) {

    @Get("/mrmv-read.csv")
    HttpResponse<String> export(Authentication authentication, @Nullable @QueryValue String year, @Nullable @QueryValue String type,
                                @Nullable @QueryValue String band, @Nullable @QueryValue String officer) {
        StaffUser user = StaffUser.from(authentication);
        ParticipationService.Filters filters = dashboardFilters.of(user, year, type, band, officer);
        FormsRead read = formsRead.formsRead(filters);
        CsvWriter csv = new CsvWriter();
        List<Object> header = new ArrayList<>(List.of("Group", "Name", "Figure"));
        header.addAll(read.keys());
        csv.row(header);
        rows(csv, "ALL", "All reviews", read.total());
        read.byOfficer().forEach(r -> rows(csv, "OFFICER", r.label(), r));
        read.byBand().forEach(r -> rows(csv, "AGE_BAND", r.label(), r));
        participation.recordExport(user, "mrmv-read", filters);
        return HttpResponse.ok(csv.toString()).contentType(new MediaType("text/csv; charset=utf-8"))
                .header("Content-Disposition", "attachment; filename=\"my-review-my-view-read-"
                        + filters.type().name().toLowerCase() + "-" + filters.year().label() + ".csv\"");
    }

    private static void rows(CsvWriter csv, String group, String name, FormsRead.Row row) {
        List<Object> sent = new ArrayList<>(List.of(group, name, "FORMS_SENT"));
        List<Object> read = new ArrayList<>(List.of(group, name, "READ_BEFORE_REVIEW"));
        List<Object> share = new ArrayList<>(List.of(group, name, "READ_PERCENT"));
        for (FormsRead.Cell cell : row.cells()) {
            sent.add(cell.sent());
            read.add(cell.read());
            share.add(cell.share().hasPercent() ? String.valueOf(cell.share().percentValue()) : "no data");
        }
        csv.row(sent);
        csv.row(read);
        csv.row(share);
    }
}
