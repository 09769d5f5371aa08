package org.myview.participation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import org.myview.staff.Role;
import org.myview.staff.StaffUser;
import org.myview.web.CsvWriter;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Review timeliness by month, quarter and year, with the late reviews: the whole service for the manager, their
 * own reviews for an officer (as the participation figures). Statutory rules: docs/timeliness.md.
 */
@Controller("/participation/timeliness")
@Secured({Role.SERVICE_MANAGER_NAME, Role.REVIEWING_OFFICER_NAME})
@ExecuteOn(TaskExecutors.BLOCKING)
record TimelinessController(TimelinessService timeliness) {

    @Get
    ModelAndView<Map<String, Object>> page(Authentication authentication, @Nullable @QueryValue String year, @Nullable @QueryValue String kind) {
        StaffUser user = StaffUser.from(authentication);
        TimelinessService.Timeliness figures = figures(user, year, kind);
        Map<String, Object> model = new HashMap<>();
        model.put("t", figures);
        model.put("years", years());
        model.put("kinds", TimelinessService.Kind.values());
        model.put("manager", user.seesAllReviews());
        return new ModelAndView<>("participation/timeliness", model);
    }

    /** The late reviews and the periods as CSV, for the monthly performance report. */
    @Get("/export.csv")
    HttpResponse<String> export(Authentication authentication, @Nullable @QueryValue String year, @Nullable @QueryValue String kind) {
        StaffUser user = StaffUser.from(authentication);
        TimelinessService.Timeliness t = figures(user, year, kind);
        CsvWriter csv = new CsvWriter();
        csv.row("PERIOD", "HELD", "ASSESSED", "ON_TIME", "LATE", "PERCENT_ON_TIME");
        List<TimelinessService.Period> periods = new ArrayList<>(t.months());
        periods.addAll(t.quarters());
        periods.add(t.yearToDate());
        for (TimelinessService.Period p : periods) {
            csv.row(p.label(), String.valueOf(p.held()), String.valueOf(p.assessed()), String.valueOf(p.timely()),
                    String.valueOf(p.late()), p.percent() == null ? "" : p.percent().toPlainString());
        }
        csv.row();
        csv.row("CHILD", "REVIEW_TYPE", "REVIEW_DATE", "DUE_BY", "DAYS_LATE", "RULE", "REVIEWING_OFFICER");
        for (TimelinessService.LateReview late : t.late()) {
            csv.row(late.caseReference(), late.type().name(), late.date().toString(), late.dueBy().toString(),
                    String.valueOf(late.daysLate()), late.rule().name(), late.officerName() == null ? "" : late.officerName());
        }
        return HttpResponse.ok(csv.toString()).contentType(new MediaType("text/csv; charset=utf-8"))
                .header("Content-Disposition", "attachment; filename=\"review-timeliness-" + t.kind().name().toLowerCase()
                        + "-" + t.year().label() + ".csv\"");
    }

    private TimelinessService.Timeliness figures(StaffUser user, String year, String kind) {
        FinancialYear financialYear = year == null || year.isBlank() ? FinancialYear.containing(timeliness.today())
                : FinancialYear.parse(year).orElseThrow(() -> new HttpStatusException(HttpStatus.BAD_REQUEST, "year"));
        TimelinessService.Kind chosen = TimelinessService.Kind.CLA;
        if (kind != null && !kind.isBlank()) {
            try {
                chosen = TimelinessService.Kind.valueOf(kind);
            } catch (IllegalArgumentException e) {
                throw new HttpStatusException(HttpStatus.BAD_REQUEST, "kind");
            }
        }
        return timeliness.of(financialYear, chosen, user.seesAllReviews() ? null : user.accountId());
    }

    private List<FinancialYear> years() {
        return FinancialYear.recent(timeliness.today());
    }
}
