package org.myview.listened;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
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

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The manager's results of "Were you listened to?", per quarter, small numbers hidden. */
@Controller("/listened/results")
@Secured(Role.SERVICE_MANAGER_NAME)
@ExecuteOn(TaskExecutors.BLOCKING)
class ListenedResultsController {

    private final ListenedService service;
    private final AuditTrail audit;

    ListenedResultsController(ListenedService service, AuditTrail audit) {
        this.service = service;
        this.audit = audit;
    }

    @Get
    ModelAndView<Map<String, Object>> results(Authentication authentication, @Nullable @QueryValue String year) {
        FinancialYear current = FinancialYear.containing(service.today());
        FinancialYear chosen = year == null || year.isBlank() ? current
                : FinancialYear.parse(year).orElseThrow(() -> new HttpStatusException(HttpStatus.BAD_REQUEST, "year"));
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
        model.put("columns", List.of("Q1", "Q2", "Q3", "Q4", "YEAR"));
        return new ModelAndView<>("listened/results", model);
    }
}
