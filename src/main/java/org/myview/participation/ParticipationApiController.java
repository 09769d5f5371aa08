package org.myview.participation;

import org.myview.web.DateBounds;
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

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * GET /api/participation/summary?reviewType=CLA&from=YYYY-MM&to=YYYY-MM: months as keys, each with
 * the count, the percentage and the denominator of every row of the table. A month with no reviews
 * has no percentages (null), never 0%.
 */
@Controller("/api/participation")
@Secured(Role.SERVICE_MANAGER_NAME)
@ApiTokenScope(ApiScope.FIGURES)
@ExecuteOn(TaskExecutors.BLOCKING)
record ParticipationApiController(ParticipationService participation) {

    private static final int MAX_MONTHS = 120;

    @Get(value = "/summary", produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> summary(Authentication authentication, @Nullable @QueryValue String reviewType,
                            @Nullable @QueryValue String from, @Nullable @QueryValue String to) {
        ReviewTypeFilter type = reviewType == null ? ReviewTypeFilter.CLA : ReviewTypeFilter.parse(reviewType).orElse(null);
        YearMonth start = month(from);
        YearMonth end = month(to);
        if (type == null || start == null || end == null || end.isBefore(start) || start.plusMonths(MAX_MONTHS).isBefore(end)) {
            return HttpResponse.badRequest(Map.of("status", 400, "message", "Give reviewType (ALL, CLA, CP_INITIAL, CP_REVIEW, "
                    + "ALL_CP, CIN or CP_AND_CIN), and from and to as YYYY-MM, from on or before to, at most " + MAX_MONTHS + " months apart."));
        }
        boolean pn4 = participation.settings().pn4CountsAsParticipation();
        Map<String, Object> months = new LinkedHashMap<>();
        participation.months(type, start, end).forEach((month, counts) -> {
            Map<String, Object> rows = new LinkedHashMap<>();
            for (TableRow row : TableRow.values()) {
                Counts.Figure figure = row.figure(counts, pn4);
                Map<String, Object> cell = new LinkedHashMap<>();
                cell.put("count", figure.count());
                cell.put("percent", figure.hasPercent() ? figure.percentValue() : null);
                cell.put("denominator", figure.denominator());
                rows.put(key(row), cell);
            }
            Map<String, Object> value = new LinkedHashMap<>();
            value.put("reviews", counts.all());
            value.put("reviewsAged4Plus", counts.agedFourPlus());
            value.put("nyasAdvocate", counts.nyas());
            value.put("rows", rows);
            months.put(month.toString(), value);
        });
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reviewType", type.name());
        body.put("from", start.toString());
        body.put("to", end.toString());
        body.put("pn4CountsAsParticipation", pn4);
        body.put("denominators", Map.of("underFour", "all reviews", "other rows", "reviews of children aged 4 and over"));
        body.put("months", months);
        participation.recordExport(StaffUser.from(authentication), "api-summary",
                new ParticipationService.Filters(FinancialYear.containing(start.atDay(1)), type, null, null));
        return HttpResponse.ok(body);
    }

    /**
     * GET /api/participation/mrmv?reviewType=CLA&year=2025-26: My Review My View for a financial year, all
     * officers and ages: Q1 to Q4 and the year to date, each with the forms completed before the review (in
     * total, by age band, for a first review), the reviews held, those with a form sent before the review,
     * and that as a whole percentage (null when no review was held).
     */
    @Get(value = "/mrmv", produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> myReviewMyView(Authentication authentication, @Nullable @QueryValue String reviewType,
                                   @Nullable @QueryValue String year) {
        Optional<ParticipationService.Filters> chosen = yearFilters(reviewType, year, participation.today());
        if (chosen.isEmpty()) {
            return wrongYearFilters();
        }
        ParticipationService.Filters filters = chosen.get();
        MyReviewMyView mrmv = participation.myReviewMyView(filters);
        Map<String, Object> columns = new LinkedHashMap<>();
        for (MyReviewMyView.Column column : mrmv.columns()) {
            Map<String, Object> byBand = new LinkedHashMap<>();
            for (int b = 0; b < mrmv.bands().size(); b++) {
                byBand.put(mrmv.bands().get(b).key(), column.completedIn(b));
            }
            Counts.Figure share = column.formSentShare();
            Map<String, Object> value = new LinkedHashMap<>();
            value.put("completed", column.completed());
            value.put("completedByAgeBand", byBand);
            value.put("completedFirstReview", column.completedFirstReview());
            value.put("reviewsHeld", column.held());
            value.put("reviewsWithFormSent", column.formSent());
            value.put("formSentPercent", share.hasPercent() ? share.percentValue() : null);
            value.put("completedByChannel", column.completedByChannel());
            columns.put(column.key(), value);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reviewType", filters.type().name());
        body.put("year", filters.year().label());
        body.put("definitions", Map.of(
                "completed", "reviews held whose child sent a form on or before the review date (Europe/London), or whose views were received"
                        + " another way on or before it, counted once in the quarter of the review date",
                "completedByChannel", "the same, by the way the views came: ONLINE_FORM (which counts when the child also sent views another way),"
                        + " PAPER_BOOKLET, WITH_WORKER, OTHER_APP, LETTER_OR_DRAWING",
                "completedByAgeBand", "the same, by age on the review date",
                "completedFirstReview", "the same, where the child had no earlier review of that type",
                "reviewsHeld", "reviews with a review date in the quarter, up to today",
                "reviewsWithFormSent", "reviews held with a form link created on or before the review date",
                "formSentPercent", "reviewsWithFormSent over reviewsHeld, whole percentage rounded half up; null when none were held"));
        body.put("quarters", columns);
        participation.recordExport(StaffUser.from(authentication), "api-mrmv", filters);
        return HttpResponse.ok(body);
    }

    /** A year's figures as the API asks for them: ?reviewType= (CLA when left out) and ?year= (this financial year); empty when one is wrong. */
    static Optional<ParticipationService.Filters> yearFilters(@Nullable String reviewType, @Nullable String year, LocalDate today) {
        Optional<ReviewTypeFilter> type = reviewType == null ? Optional.of(ReviewTypeFilter.CLA) : ReviewTypeFilter.parse(reviewType);
        Optional<FinancialYear> financialYear = year == null ? Optional.of(FinancialYear.containing(today)) : FinancialYear.parse(year);
        if (type.isEmpty() || financialYear.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ParticipationService.Filters(financialYear.get(), type.get(), null, null));
    }

    /** The answer to a wrong ?reviewType= or ?year= of {@link #yearFilters}. */
    static HttpResponse<?> wrongYearFilters() {
        return HttpResponse.badRequest(Map.of("status", 400, "message", "Give reviewType (ALL, CLA, CP_INITIAL, CP_REVIEW, "
                + "ALL_CP, CIN or CP_AND_CIN) and year as a financial year like 2025-26."));
    }

    static String key(TableRow row) {
        return switch (row) {
            case PARTICIPATED -> "participated";
            case UNDER_FOUR -> "underFour";
            default -> row.name();
        };
    }

    private static YearMonth month(String value) {
        return DateBounds.isoMonth(value).orElse(null);
    }
}
