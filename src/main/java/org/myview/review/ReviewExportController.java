package org.myview.review;

import org.myview.web.DateBounds;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import org.myview.staff.ApiScope;
import org.myview.staff.ApiTokenScope;
import org.myview.staff.Role;
import org.myview.staff.StaffUser;
import org.myview.web.FormErrors;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/** The SSDA903 Reviews file for a date range, from a page and from the API. */
@Controller
@Secured(Role.SERVICE_MANAGER_NAME)
@ExecuteOn(TaskExecutors.BLOCKING)
record ReviewExportController(Ssda903Export exporter, ReviewService reviews) {

    @Get("/reviews/export")
    ModelAndView<Map<String, Object>> page() {
        LocalDate today = reviews.today();
        LocalDate yearStart = LocalDate.of(today.getMonthValue() >= 4 ? today.getYear() : today.getYear() - 1, 4, 1);
        return new ModelAndView<>("review/export", Map.of("from", yearStart.toString(), "to", today.toString(),
                "reviews", Ssda903Export.Reviews.CLA.name(), "errors", new FormErrors()));
    }

    @Get("/reviews/export.csv")
    HttpResponse<?> download(Authentication authentication, @Nullable @QueryValue String from, @Nullable @QueryValue String to,
                             @Nullable @QueryValue String reviews) {
        Ssda903Export.Reviews which = Ssda903Export.Reviews.parse(reviews);
        FormErrors errors = new FormErrors();
        Range range = range(from, to, errors);
        if (range == null) {
            return HttpResponse.unprocessableEntity().body(new ModelAndView<>("review/export",
                    Map.of("from", from == null ? "" : from, "to", to == null ? "" : to, "reviews", which.name(), "errors", errors)));
        }
        Ssda903Export.Export export = exporter.export(StaffUser.from(authentication), range.start(), range.end(), which);
        if (export.csv() == null) {
            Map<String, Object> model = new HashMap<>();
            model.put("from", from);
            model.put("to", to);
            model.put("reviews", which.name());
            model.put("errors", errors);
            model.put("problems", export.problems());
            return HttpResponse.unprocessableEntity().body(new ModelAndView<>("review/export", model));
        }
        return csv(export, range, which);
    }

    /**
     * The SSDA903 file holds children's identifiers and dates of birth: the import scope, not the figures.
     * {@code reviews=CP_CIN} gives child protection and child in need reviews instead of CLA (issue 21, item 4).
     */
    @ApiTokenScope(ApiScope.IMPORT)
    @Get(value = "/api/reviews/export.csv", produces = "text/csv")
    HttpResponse<?> api(Authentication authentication, @Nullable @QueryValue String from, @Nullable @QueryValue String to,
                        @Nullable @QueryValue String reviews) {
        Ssda903Export.Reviews which = Ssda903Export.Reviews.parse(reviews);
        Range range = range(from, to, new FormErrors());
        if (range == null) {
            return HttpResponse.badRequest(Map.of("status", 400, "message",
                    "Give from and to as YYYY-MM-DD, with from on or before to.")).contentType(MediaType.APPLICATION_JSON_TYPE);
        }
        Ssda903Export.Export export = exporter.export(StaffUser.from(authentication), range.start(), range.end(), which);
        if (export.csv() == null) {
            return HttpResponse.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_JSON_TYPE)
                    .body(Map.of("status", 409, "message", "Some reviews break the SSDA903 rules", "problems", export.problems()));
        }
        return csv(export, range, which);
    }

    /** The dates the page and the API ask for. */
    private record Range(LocalDate start, LocalDate end) {
    }

    /** Both dates real (YYYY-MM-DD) and in order; null, with the errors added, otherwise. */
    private static Range range(@Nullable String from, @Nullable String to, FormErrors errors) {
        LocalDate start = date(from, "from", errors);
        LocalDate end = date(to, "to", errors);
        if (start != null && end != null && end.isBefore(start)) {
            errors.add("to", "review.export.error.order");
        }
        return errors.isEmpty() ? new Range(start, end) : null;
    }

    private static HttpResponse<?> csv(Ssda903Export.Export export, Range range, Ssda903Export.Reviews which) {
        String name = which == Ssda903Export.Reviews.CLA ? "ssda903-reviews-" : "cp-cin-participation-";
        return HttpResponse.ok(export.csv())
                .contentType(new MediaType("text/csv; charset=utf-8"))
                .header("Content-Disposition", "attachment; filename=\"" + name + range.start() + "-to-" + range.end() + ".csv\"")
                .header("X-Reviews-Not-Recorded", String.valueOf(export.notRecorded()));
    }

    private static LocalDate date(String value, String field, FormErrors errors) {
        if (value == null || value.isBlank()) {
            errors.add(field, "review.export.error.date");
            return null;
        }
        LocalDate date = DateBounds.isoDate(value).orElse(null);
        if (date == null) {
            errors.add(field, "review.export.error.date");
        }
        return date;
    }
}
