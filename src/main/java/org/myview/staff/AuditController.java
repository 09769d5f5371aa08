package org.myview.staff;

import org.myview.web.DateBounds;
import io.micronaut.http.HttpResponse;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.views.ModelAndView;
import org.myview.web.FormErrors;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Administrators search the audit trail by user, child reference and dates. */
@Controller("/admin/audit")
@Secured(Role.ADMIN_NAME)
@ExecuteOn(TaskExecutors.BLOCKING)
record AuditController(AuditTrail audit) {

    static final int LIMIT = 500;

    @Get
    HttpResponse<ModelAndView<Map<String, Object>>> search(@Nullable @QueryValue String user, @Nullable @QueryValue String child,
                                             @Nullable @QueryValue String from, @Nullable @QueryValue String to) {
        FormErrors errors = new FormErrors();
        LocalDate fromDate = date(from, "from", errors);
        LocalDate toDate = date(to, "to", errors);
        if (fromDate != null && toDate != null && toDate.isBefore(fromDate)) {
            errors.add("to", "staff.audit.error.toBeforeFrom");
        }
        Map<String, Object> model = new HashMap<>();
        model.put("user", user == null ? "" : user);
        model.put("child", child == null ? "" : child);
        model.put("from", from == null ? "" : from);
        model.put("to", to == null ? "" : to);
        model.put("errors", errors);
        model.put("limit", LIMIT);
        model.put("events", errors.isEmpty() ? audit.search(user, child, fromDate, toDate, LIMIT) : List.of());
        ModelAndView<Map<String, Object>> page = new ModelAndView<>("staff/audit", model);
        // A search the page cannot run is a bad request; the page still says what to correct.
        return errors.isEmpty() ? HttpResponse.ok(page) : HttpResponse.<ModelAndView<Map<String, Object>>>badRequest().body(page);
    }

    private static LocalDate date(String value, String field, FormErrors errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        // Out of range (-4713-01-01) is as wrong as unreadable: PostgreSQL cannot compare with it (DateBounds).
        LocalDate date = DateBounds.isoDate(value).orElse(null);
        if (date == null) {
            errors.add(field, "staff.audit.error.date");
        }
        return date;
    }
}
