package org.myview.forum;

import io.micronaut.context.MessageSource;
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
import io.micronaut.views.ModelAndView;
import org.myview.staff.Role;
import org.myview.staff.StaffUser;

import java.time.format.TextStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What Reach Out! sees: the figures (protected), what children said (approved words only), "You said, we did",
 * and a printable page of all three. There is deliberately no officer filter and no single month (docs/forum.md).
 */
@Controller("/forum")
@Secured({Role.FORUM_NAME, Role.PARTICIPATION_LEAD_NAME})
@ExecuteOn(TaskExecutors.BLOCKING)
record ForumController(ForumService forum, ForumActions actions, ForumExport export, MessageSource messages) {

    @Get
    ModelAndView<Map<String, Object>> figures(Authentication authentication, @Nullable @QueryValue String period) {
        return new ModelAndView<>("forum/figures", figuresModel(authentication, forum.periodOrLatest(period)));
    }

    @Get("/print")
    ModelAndView<Map<String, Object>> print(Authentication authentication, @Nullable @QueryValue String period) {
        Map<String, Object> model = figuresModel(authentication, forum.periodOrLatest(period));
        model.put("quotes", forum.approvedQuotes());
        model.put("actions", actions.actions());
        return new ModelAndView<>("forum/print", model);
    }

    @Get("/figures.csv")
    HttpResponse<String> csv(Authentication authentication, @Nullable @QueryValue String period) {
        ForumPeriod chosen = forum.periodOrLatest(period);
        ForumFigures figures = forum.figures(chosen);
        forum.recordExport(StaffUser.from(authentication), "csv", chosen);
        return HttpResponse.ok(export.csv(figures)).contentType(new MediaType("text/csv; charset=utf-8"))
                .header("Content-Disposition", "attachment; filename=\"reach-out-figures-" + chosen.key() + ".csv\"");
    }

    @Get("/said")
    ModelAndView<Map<String, Object>> said(Authentication authentication) {
        Map<String, Object> model = new HashMap<>();
        model.put("quotes", forum.approvedQuotes());
        model.put("lead", StaffUser.from(authentication).has(Role.PARTICIPATION_LEAD));
        return new ModelAndView<>("forum/said", model);
    }

    @Get("/you-said-we-did")
    ModelAndView<Map<String, Object>> actions(Authentication authentication) {
        Map<String, Object> model = new HashMap<>();
        model.put("actions", actions.actions());
        model.put("lead", StaffUser.from(authentication).has(Role.PARTICIPATION_LEAD));
        return new ModelAndView<>("forum/actions", model);
    }

    private Map<String, Object> figuresModel(Authentication authentication, ForumPeriod period) {
        ForumFigures figures = forum.figures(period);
        Map<String, Object> model = new HashMap<>();
        model.put("figures", figures);
        model.put("period", period);
        model.put("periods", forum.periods());
        Map<String, String> periodLabels = new HashMap<>();
        for (ForumPeriod p : forum.periods()) {
            periodLabels.put(p.key(), label(p));
        }
        periodLabels.put(period.key(), label(period));
        model.put("periodLabels", periodLabels);
        model.put("settings", forum.settings());
        model.put("publishedOn", figures.publishedOn() == null ? null
                : figures.publishedOn().format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK)));
        model.put("lead", StaffUser.from(authentication).has(Role.PARTICIPATION_LEAD));
        String hidden = msg("forum.hidden");
        String tooFew = msg("forum.tooFew");
        List<String> methodLabels = figures.methods().stream().map(m -> msg("forum.method." + m.name())).toList();
        model.put("methodChart", ForumCharts.bars("chart-methods", msg("forum.chart.methods"), methodLabels,
                figures.byMethod(), hidden, tooFew));
        List<String> bandLabels = figures.bands().stream().map(b -> msg("forum.ageLabel", b.label())).toList();
        model.put("bandChart", ForumCharts.bars("chart-ages", msg("forum.chart.ages"), bandLabels,
                figures.tookPartByBand(), hidden, tooFew));
        return model;
    }

    /** "April to June 2025", or "April 2025 to March 2026 (whole year)". */
    private String label(ForumPeriod period) {
        String from = period.from().getMonth().getDisplayName(TextStyle.FULL, Locale.UK);
        String to = period.to().getMonth().getDisplayName(TextStyle.FULL, Locale.UK);
        return period.isWholeYear()
                ? msg("forum.period.year", from, period.from().getYear(), to, period.to().getYear())
                : msg("forum.period.quarter", from, to, period.to().getYear());
    }

    private String msg(String key, Object... values) {
        Map<String, Object> variables = new HashMap<>();
        for (int i = 0; i < values.length; i++) {
            variables.put(String.valueOf(i), values[i]);
        }
        return messages.getMessage(key, MessageSource.MessageContext.of(Locale.UK, variables)).orElse(key);
    }

}
