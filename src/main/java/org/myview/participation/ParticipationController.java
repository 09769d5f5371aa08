package org.myview.participation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
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
import org.myview.staff.StaffAccountService;
import org.myview.staff.StaffUser;
import org.myview.web.CsvWriter;
import org.myview.web.FormErrors;
import org.myview.web.FormResult;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The participation dashboard. The manager sees every review, filtered as they choose; a reviewing
 * officer sees their own reviews beside the service-wide figures (aggregates only).
 */
@Controller("/participation")
@Secured({Role.SERVICE_MANAGER_NAME, Role.REVIEWING_OFFICER_NAME})
@ExecuteOn(TaskExecutors.BLOCKING)
record ParticipationController(
        ParticipationService participation, FormsReadService formsRead, StaffAccountService staff,
        DashboardFilters dashboardFilters, HeadlineService headlines) {

    @Get
    ModelAndView<Map<String, Object>> dashboard(Authentication authentication, @Nullable @QueryValue String year,
                                                @Nullable @QueryValue String type, @Nullable @QueryValue String band,
                                                @Nullable @QueryValue String officer) {
        StaffUser user = StaffUser.from(authentication);
        ParticipationService.Filters filters = dashboardFilters.of(user, year, type, band, officer);
        Map<String, Object> model = new HashMap<>();
        model.put("filters", filters);
        model.put("manager", user.seesAllReviews());
        model.put("years", years());
        model.put("types", ReviewTypeFilter.values());
        model.put("bands", participation.bands().bands());
        model.put("officers", user.seesAllReviews() ? staff.withRole(Role.REVIEWING_OFFICER) : List.of());
        model.put("officer", user.seesAllReviews() && officer != null ? officer : "");
        model.put("rows", TableRow.values());
        ParticipationService.Table table = participation.table(filters);
        model.put("table", table);
        model.put("charts", charts(table));
        model.put("ageRows", participation.byAgeBand(filters));
        model.put("pn4Counts", participation.settings().pn4CountsAsParticipation());
        if (!user.seesAllReviews()) {
            // The officer's own figures above (exact); the whole service's below, protected: they are about other
            // officers' children too (ServiceComparison).
            model.put("service", participation.serviceComparison(filters.year(), user.accountId()));
        }
        MyReviewMyView mrmv = participation.myReviewMyView(filters);
        FormsRead read = formsRead.formsRead(filters);
        List<ParticipationService.TargetStatus> targets = participation.targets(filters.year());
        model.put("mrmv", mrmv);
        model.put("formsRead", read);
        model.put("targets", targets);
        model.put("headlines", headlines.headlines(filters, table, mrmv, read, targets));
        return new ModelAndView<>("participation/dashboard", model);
    }

    @Get(value = "/export.csv")
    HttpResponse<String> export(Authentication authentication, @Nullable @QueryValue String year, @Nullable @QueryValue String type,
                                @Nullable @QueryValue String band, @Nullable @QueryValue String officer) {
        StaffUser user = StaffUser.from(authentication);
        ParticipationService.Filters filters = dashboardFilters.of(user, year, type, band, officer);
        ParticipationService.Table table = participation.table(filters);
        CsvWriter csv = new CsvWriter();
        List<Object> header = new ArrayList<>(List.of("Measure", "Figure"));
        table.columns().forEach(c -> header.add(c.month() ? c.key() : c.label()));
        csv.row(header);
        for (TableRow row : TableRow.values()) {
            for (String figure : List.of("percent", "count", "denominator")) {
                List<Object> cells = new ArrayList<>(List.of(row.name(), figure));
                for (ParticipationService.Column column : table.columns()) {
                    Counts.Figure f = table.figure(row, column);
                    cells.add(switch (figure) {
                        case "percent" -> f.hasPercent() ? String.valueOf(f.percentValue()) : "no data";
                        case "count" -> String.valueOf(f.count());
                        default -> String.valueOf(f.denominator());
                    });
                }
                csv.row(cells);
            }
        }
        participation.recordExport(user, "table", filters);
        return download(csv, "participation-" + filters.type().name().toLowerCase() + "-" + filters.year().label() + ".csv");
    }

    @Get(value = "/export-by-age.csv")
    HttpResponse<String> exportByAge(Authentication authentication, @Nullable @QueryValue String year, @Nullable @QueryValue String type,
                                     @Nullable @QueryValue String officer) {
        StaffUser user = StaffUser.from(authentication);
        ParticipationService.Filters filters = dashboardFilters.of(user, year, type, null, officer);
        CsvWriter csv = new CsvWriter();
        List<Object> header = new ArrayList<>(List.of("Age band", "Reviews"));
        for (TableRow row : TableRow.values()) {
            header.add(row.name() + " count");
            header.add(row.name() + " percent");
        }
        csv.row(header);
        for (ParticipationService.AgeRow age : participation.byAgeBand(filters)) {
            List<Object> cells = new ArrayList<>(List.of(age.ageBand().label(), age.counts().all()));
            for (TableRow row : TableRow.values()) {
                Counts.Figure f = row.figure(age.counts(), participation.settings().pn4CountsAsParticipation());
                cells.add(f.count());
                cells.add(f.hasPercent() ? String.valueOf(f.percentValue()) : "no data");
            }
            csv.row(cells);
        }
        participation.recordExport(user, "by-age", filters);
        return download(csv, "participation-by-age-" + filters.type().name().toLowerCase() + "-" + filters.year().label() + ".csv");
    }

    /** My Review My View as CSV: a row per figure, a column per quarter and the year to date. */
    @Get(value = "/mrmv.csv")
    HttpResponse<String> exportMyReviewMyView(Authentication authentication, @Nullable @QueryValue String year,
                                              @Nullable @QueryValue String type, @Nullable @QueryValue String band,
                                              @Nullable @QueryValue String officer) {
        StaffUser user = StaffUser.from(authentication);
        ParticipationService.Filters filters = dashboardFilters.of(user, year, type, band, officer);
        MyReviewMyView mrmv = participation.myReviewMyView(filters);
        CsvWriter csv = new CsvWriter();
        List<Object> header = new ArrayList<>(List.of("Figure"));
        mrmv.columns().forEach(c -> header.add(c.key()));
        csv.row(header);
        csv.row(mrmvRow("COMPLETED", mrmv, c -> c.completed()));
        for (int b = 0; b < mrmv.bands().size(); b++) {
            int index = b;
            csv.row(mrmvRow("COMPLETED_AGED_" + mrmv.bands().get(b).key(), mrmv, c -> c.completedIn(index)));
        }
        csv.row(mrmvRow("COMPLETED_FIRST_REVIEW", mrmv, c -> c.completedFirstReview()));
        csv.row(mrmvRow("REVIEWS_HELD", mrmv, c -> c.held()));
        csv.row(mrmvRow("FORM_SENT", mrmv, c -> c.formSent()));
        csv.row(mrmvRow("FORM_SENT_PERCENT", mrmv,
                c -> c.formSentShare().hasPercent() ? String.valueOf(c.formSentShare().percentValue()) : "no data"));
        for (String channel : mrmv.channels()) {
            csv.row(mrmvRow("COMPLETED_BY_" + channel, mrmv, c -> c.completedBy(channel)));
        }
        participation.recordExport(user, "mrmv", filters);
        return download(csv, "my-review-my-view-" + filters.type().name().toLowerCase() + "-" + filters.year().label() + ".csv");
    }

    private static List<Object> mrmvRow(String figure, MyReviewMyView mrmv, java.util.function.Function<MyReviewMyView.Column, Object> value) {
        List<Object> cells = new ArrayList<>(List.of(figure));
        mrmv.columns().forEach(c -> cells.add(value.apply(c)));
        return cells;
    }

    @Get("/targets")
    @Secured(Role.SERVICE_MANAGER_NAME)
    ModelAndView<Map<String, Object>> targets() {
        FinancialYear year = FinancialYear.containing(participation.today());
        Map<String, Object> model = new HashMap<>();
        model.put("targets", participation.targets(year));
        model.put("measures", Measure.values());
        model.put("types", ReviewTypeFilter.values());
        model.put("errors", new FormErrors());
        model.put("form", TargetForm.empty());
        return new ModelAndView<>("participation/targets", model);
    }

    @Post(value = "/targets", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(Role.SERVICE_MANAGER_NAME)
    HttpResponse<?> saveTarget(Authentication authentication, @Body TargetForm form) {
        FormResult<TargetForm.Target> checked = form.check();
        if (!checked.isValid()) {
            Map<String, Object> model = new HashMap<>();
            model.put("targets", participation.targets(FinancialYear.containing(participation.today())));
            model.put("measures", Measure.values());
            model.put("types", ReviewTypeFilter.values());
            model.put("errors", checked.errors());
            model.put("form", form);
            return HttpResponse.unprocessableEntity().body(new ModelAndView<>("participation/targets", model));
        }
        TargetForm.Target target = checked.value();
        participation.saveTarget(StaffUser.from(authentication), target.measure(), target.types(), target.baseline(), target.target(),
                target.tolerance());
        return HttpResponse.seeOther(URI.create("/participation/targets"));
    }

    @Post(value = "/targets/{id}/delete", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(Role.SERVICE_MANAGER_NAME)
    HttpResponse<?> deleteTarget(@PathVariable long id) {
        participation.deleteTarget(id);
        return HttpResponse.seeOther(URI.create("/participation/targets"));
    }

    private List<FinancialYear> years() {
        return FinancialYear.recent(participation.today());
    }

    /** Trend lines for the headline measures: the share who took part, who came, and the share under 4. */
    private static List<String> charts(ParticipationService.Table table) {
        List<String> labels = table.months().stream().map(ParticipationService.Column::label).toList();
        List<String> charts = new ArrayList<>();
        for (TableRow row : List.of(TableRow.PARTICIPATED, TableRow.PN1, TableRow.UNDER_FOUR)) {
            List<OptionalInt> values = table.months().stream().map(c -> table.figure(row, c).percent()).toList();
            charts.add(TrendChart.svg("chart-" + row.name().toLowerCase().replace('_', '-'), row.name(), labels, values));
        }
        return charts;
    }

    private static HttpResponse<String> download(CsvWriter csv, String filename) {
        return HttpResponse.ok(csv.toString()).contentType(new MediaType("text/csv; charset=utf-8"))
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"");
    }
}
