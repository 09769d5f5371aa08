package org.myview.advocacy;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import org.myview.participation.FinancialYear;
import org.myview.staff.Role;
import org.myview.staff.StaffUser;
import org.myview.web.FormErrors;

import java.net.URI;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The advocacy figures (seed 004's NYAS table) for the manager and the participation lead, as a page and CSV,
 * and the lead's monthly entry of issue-based advocacy cases and rights sessions.
 */
@Controller("/advocacy")
@Secured({Role.SERVICE_MANAGER_NAME, Role.PARTICIPATION_LEAD_NAME})
@ExecuteOn(TaskExecutors.BLOCKING)
record AdvocacyFiguresController(AdvocacyService service) {

    /** A month in the entry page's select: its value (yyyy-MM) and its name ("April 2026"). */
    record MonthOption(String value, String label) {
    }

    @Get("/figures")
    ModelAndView<Map<String, Object>> figures(Authentication authentication, @Nullable @QueryValue String year) {
        StaffUser user = StaffUser.from(authentication);
        FinancialYear chosen = year(year);
        Map<String, Object> model = new HashMap<>();
        model.put("figures", service.figures(chosen));
        model.put("years", years());
        model.put("year", chosen);
        model.put("rows", AdvocacyFigures.Row.values());
        model.put("monthLabels", chosen.months().stream().map(m -> m.getMonth().getDisplayName(TextStyle.SHORT, Locale.UK)).toList());
        model.put("enters", user.has(Role.PARTICIPATION_LEAD));
        return new ModelAndView<>("advocacy/figures", model);
    }

    @Get("/figures.csv")
    HttpResponse<String> csv(Authentication authentication, @Nullable @QueryValue String year) {
        FinancialYear chosen = year(year);
        String body = AdvocacyExport.csv(service.figures(chosen));
        service.recordExport(StaffUser.from(authentication), "advocacy", chosen);
        return HttpResponse.ok(body).contentType(new MediaType("text/csv; charset=utf-8"))
                .header("Content-Disposition", "attachment; filename=\"advocacy-" + chosen.label() + ".csv\"");
    }

    @Get("/months")
    @Secured(Role.PARTICIPATION_LEAD_NAME)
    ModelAndView<Map<String, Object>> months(@Nullable @QueryValue String saved) {
        Map<String, Object> model = monthsModel(new MonthEntryForm(YearMonth.from(service.today()).minusMonths(1).toString(), "", ""),
                new FormErrors());
        // Only a month the page offers is named back ("saved" comes from the address).
        ((List<?>) model.get("offered")).stream().map(o -> (MonthOption) o).filter(o -> o.value().equals(saved))
                .findFirst().ifPresent(o -> model.put("saved", o.label()));
        return new ModelAndView<>("advocacy/months", model);
    }

    @Post(value = "/months", consumes = "application/x-www-form-urlencoded")
    @Secured(Role.PARTICIPATION_LEAD_NAME)
    HttpResponse<?> saveMonth(Authentication authentication, @Body MonthEntryForm form) {
        var checked = form.check(YearMonth.from(service.today()));
        if (!checked.isValid()) {
            return HttpResponse.unprocessableEntity().body(new ModelAndView<>("advocacy/months", monthsModel(form, checked.errors())));
        }
        service.saveMonth(StaffUser.from(authentication), checked.value());
        return HttpResponse.seeOther(URI.create("/advocacy/months?saved=" + checked.value().month()));
    }

    private Map<String, Object> monthsModel(MonthEntryForm form, FormErrors errors) {
        FinancialYear current = FinancialYear.containing(service.today());
        Map<String, Object> model = new HashMap<>();
        model.put("form", form);
        model.put("errors", errors);
        model.put("saved", null);
        // This year's months so far and last year's: the report for March often comes in April.
        List<MonthOption> offered = new ArrayList<>();
        YearMonth thisMonth = YearMonth.from(service.today());
        for (YearMonth m = thisMonth; !m.isBefore(current.previous().months().get(0)); m = m.minusMonths(1)) {
            offered.add(new MonthOption(m.toString(), m.getMonth().getDisplayName(TextStyle.FULL, Locale.UK) + " " + m.getYear()));
        }
        model.put("offered", offered);
        Map<String, AdvocacyRepository.Month> entered = new HashMap<>();
        service.months(current).forEach((m, v) -> entered.put(m.toString(), v));
        service.months(current.previous()).forEach((m, v) -> entered.put(m.toString(), v));
        model.put("entered", entered);
        return model;
    }

    private FinancialYear year(String year) {
        if (year == null || year.isBlank()) {
            return FinancialYear.containing(service.today());
        }
        return FinancialYear.parse(year).orElseThrow(() -> new HttpStatusException(HttpStatus.BAD_REQUEST, "year"));
    }

    private List<FinancialYear> years() {
        FinancialYear current = FinancialYear.containing(service.today());
        List<FinancialYear> years = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            years.add(new FinancialYear(current.startYear() - i));
        }
        return years;
    }
}
