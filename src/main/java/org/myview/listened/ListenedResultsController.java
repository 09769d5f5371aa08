package org.myview.listened;

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
import org.myview.participation.FinancialYear;
import org.myview.staff.AuditAction;
import org.myview.staff.AuditEvent;
import org.myview.staff.AuditTrail;
import org.myview.staff.Role;
import org.myview.staff.StaffUser;
import org.myview.web.CsvWriter;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The manager's results of "Were you listened to?", per quarter, small numbers hidden. */
@Controller("/listened/results")
@Secured(Role.SERVICE_MANAGER_NAME)
@ExecuteOn(TaskExecutors.BLOCKING)
record ListenedResultsController(ListenedService service, AuditTrail audit) {

    @Get
    ModelAndView<Map<String, Object>> results(Authentication authentication, @Nullable @QueryValue String year) {
        FinancialYear current = FinancialYear.containing(service.today());
        FinancialYear chosen = chosen(year);
        ListenedResults results = ListenedResults.of(chosen, service.answered(chosen.firstDay(), chosen.lastDay()));
        audit.record(AuditEvent.of(StaffUser.from(authentication), AuditAction.LISTENED_RESULTS_VIEWED).detail(Map.of("year", chosen.label())));
        List<FinancialYear> years = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            years.add(new FinancialYear(current.startYear() - i));
        }
        Map<String, Object> model = new HashMap<>();
        model.put("results", results);
        model.put("year", chosen);
        model.put("years", years);
        model.put("rows", ListenedResults.ROWS);
        model.put("columns", ListenedResults.COLUMNS);
        return new ModelAndView<>("listened/results", model);
    }

    /** The same figures as CSV: a row per question, answer and respondent, a column per quarter and the year; "c" where hidden. */
    @Get("/export.csv")
    HttpResponse<String> export(Authentication authentication, @Nullable @QueryValue String year) {
        FinancialYear chosen = chosen(year);
        ListenedResults results = ListenedResults.of(chosen, service.answered(chosen.firstDay(), chosen.lastDay()));
        audit.record(AuditEvent.of(StaffUser.from(authentication), AuditAction.LISTENED_RESULTS_VIEWED)
                .detail(Map.of("year", chosen.label(), "export", "csv")));
        CsvWriter csv = new CsvWriter();
        List<Object> header = new ArrayList<>(List.of("Question", "Answer", "Respondent"));
        header.addAll(ListenedResults.COLUMNS);
        csv.row(header);
        for (String question : ListenedResults.QUESTIONS) {
            for (int row = 0; row <= ListenedResults.ROWS.size(); row++) {
                for (int who = 0; who < ListenedResults.RESPONDENTS.size(); who++) {
                    List<Object> cells = new ArrayList<>(List.of(question,
                            row == ListenedResults.ROWS.size() ? "total" : ListenedResults.ROWS.get(row), ListenedResults.RESPONDENTS.get(who)));
                    for (int table = 0; table < ListenedResults.COLUMNS.size(); table++) {
                        cells.add(results.cell(question, table, row, who).display());
                    }
                    csv.row(cells);
                }
            }
        }
        return HttpResponse.ok(csv.toString()).contentType(new MediaType("text/csv; charset=utf-8"))
                .header("Content-Disposition", "attachment; filename=\"were-you-listened-to-" + chosen.label() + ".csv\"");
    }

    private FinancialYear chosen(String year) {
        return year == null || year.isBlank() ? FinancialYear.containing(service.today())
                : FinancialYear.parse(year).orElseThrow(() -> new HttpStatusException(HttpStatus.BAD_REQUEST, "year"));
    }
}
