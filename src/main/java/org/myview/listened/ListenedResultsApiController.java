package org.myview.listened;

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
import org.myview.disclosure.DisclosureControl;
import org.myview.participation.FinancialYear;
import org.myview.staff.ApiScope;
import org.myview.staff.ApiTokenScope;
import org.myview.staff.AuditAction;
import org.myview.staff.AuditEvent;
import org.myview.staff.AuditTrail;
import org.myview.staff.Role;
import org.myview.staff.StaffUser;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * GET /api/listened/results?year=2025-26: the "Were you listened to?" figures of the results page, with the same
 * cells hidden (null, with {@code "hidden": true} beside it), per question, quarter of the review date and the year.
 */
@Controller("/api/listened")
@Secured(Role.SERVICE_MANAGER_NAME)
@ApiTokenScope(ApiScope.FIGURES)
@ExecuteOn(TaskExecutors.BLOCKING)
record ListenedResultsApiController(ListenedService service, AuditTrail audit) {

    @Get(value = "/results", produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> results(Authentication authentication, @Nullable @QueryValue String year) {
        FinancialYear chosen = year == null ? FinancialYear.containing(service.today()) : FinancialYear.parse(year).orElse(null);
        if (chosen == null) {
            return HttpResponse.badRequest(Map.of("status", 400, "message", "Give year as a financial year like 2025-26."));
        }
        ListenedResults results = ListenedResults.of(chosen, service.answered(chosen.firstDay(), chosen.lastDay()));
        audit.record(AuditEvent.of(StaffUser.from(authentication), AuditAction.LISTENED_RESULTS_VIEWED)
                .detail(Map.of("year", chosen.label(), "export", "api")));
        Map<String, Object> questions = new LinkedHashMap<>();
        for (String question : ListenedResults.QUESTIONS) {
            Map<String, Object> columns = new LinkedHashMap<>();
            for (int table = 0; table < ListenedResults.COLUMNS.size(); table++) {
                Map<String, Object> answers = new LinkedHashMap<>();
                for (int row = 0; row <= ListenedResults.ROWS.size(); row++) {
                    Map<String, Object> who = new LinkedHashMap<>();
                    for (int r = 0; r < ListenedResults.RESPONDENTS.size(); r++) {
                        who.put(ListenedResults.RESPONDENTS.get(r), value(results.cell(question, table, row, r)));
                    }
                    answers.put(row == ListenedResults.ROWS.size() ? "total" : ListenedResults.ROWS.get(row), who);
                }
                columns.put(ListenedResults.COLUMNS.get(table), answers);
            }
            questions.put(question, columns);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("year", chosen.label());
        body.put("definitions", Map.of(
                "questions", "listened: did you feel listened to; understood: do you understand what was decided and why",
                "columns", "quarters of the review date (Q1 is April to June) and the year",
                "hidden", "counts from 1 to 5 are hidden, and other cells where they could be worked out from totals or other "
                        + "tables (the forum's rules, docs/forum.md): such a cell is {\"count\": null, \"hidden\": true}"));
        body.put("questions", questions);
        return HttpResponse.ok(body);
    }

    private static Map<String, Object> value(DisclosureControl.Cell cell) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("count", cell.count().isPresent() ? cell.count().getAsInt() : null);
        value.put("hidden", cell.isSuppressed());
        return value;
    }
}
