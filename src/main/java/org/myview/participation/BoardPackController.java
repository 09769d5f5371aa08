package org.myview.participation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
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
import org.myview.advocacy.AdvocacyFigures;
import org.myview.staff.Role;
import org.myview.staff.StaffUser;
import org.myview.web.PdfDocuments;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The monthly "voice of the child" board pack for the service manager: a printable page (one section per A4
 * portrait page) and the same template as a tagged PDF to attach to the monthly report (docs/board-pack.md).
 * The PDF is an export of figures, so it is audited like the dashboard's CSVs; neither holds a child's name.
 */
@Controller("/participation")
@Secured(Role.SERVICE_MANAGER_NAME)
@ExecuteOn(TaskExecutors.BLOCKING)
class BoardPackController {

    /** A month in the page's select: its value (yyyy-MM) and its name ("March 2026"). */
    record MonthOption(String value, String label) {
    }

    private static final DateTimeFormatter MONTH_NAME = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);
    /** How many months back the select offers (three financial years' worth). */
    private static final int MONTHS_OFFERED = 36;

    private final BoardPackService packs;
    private final ParticipationService participation;
    private final PdfDocuments pdf;
    private final Clock clock;
    private final String css;

    BoardPackController(BoardPackService packs, ParticipationService participation, PdfDocuments pdf, Clock clock) {
        this.packs = packs;
        this.participation = participation;
        this.pdf = pdf;
        this.clock = clock;
        this.css = stylesheet();
    }

    @Get("/board-pack")
    ModelAndView<Map<String, Object>> page(@Nullable @QueryValue String year, @Nullable @QueryValue String month,
                                           @Nullable @QueryValue String type, @Nullable @QueryValue String decimals) {
        Map<String, Object> model = model(year, month, type, decimals);
        model.put("pageStylesheet", "/static/boardpack.css?v=1");
        return new ModelAndView<>("participation/board-pack", model);
    }

    @Get(value = "/board-pack.pdf", produces = "application/pdf")
    HttpResponse<byte[]> download(HttpRequest<?> request, Authentication authentication, @Nullable @QueryValue String year,
                                  @Nullable @QueryValue String month, @Nullable @QueryValue String type,
                                  @Nullable @QueryValue String decimals) {
        Map<String, Object> model = model(year, month, type, decimals);
        model.put("css", css);
        model.put("now", clock.instant());
        model.put("madeBy", StaffUser.from(authentication).displayName());
        byte[] body = pdf.render("participation/board-pack-pdf", model, request);
        BoardPackService.BoardPack pack = (BoardPackService.BoardPack) model.get("pack");
        participation.recordExport(StaffUser.from(authentication), "board-pack " + pack.month(), pack.filters());
        return HttpResponse.ok(body).contentType(MediaType.of("application/pdf")).header("Content-Disposition",
                "attachment; filename=\"board-pack-" + pack.filters().type().name().toLowerCase() + "-" + pack.month() + ".pdf\"");
    }

    private Map<String, Object> model(String year, String month, String type, String decimals) {
        YearMonth thisMonth = YearMonth.from(participation.today());
        YearMonth chosen = chosenMonth(year, month, thisMonth);
        FinancialYear financialYear = FinancialYear.containing(chosen);
        ReviewTypeFilter types = type == null || type.isBlank() ? ReviewTypeFilter.CLA
                : ReviewTypeFilter.parse(type).orElseThrow(() -> new HttpStatusException(HttpStatus.BAD_REQUEST, "type"));
        int places = "1".equals(decimals) ? 1 : 0;
        if (decimals != null && !decimals.isBlank() && !"0".equals(decimals) && !"1".equals(decimals)) {
            throw new HttpStatusException(HttpStatus.BAD_REQUEST, "decimals");
        }
        Map<String, Object> model = new HashMap<>();
        model.put("pack", packs.of(financialYear, chosen, types));
        model.put("pct", new BoardPackPercent(places));
        model.put("decimals", places);
        model.put("monthName", MONTH_NAME.format(chosen));
        model.put("rows", TableRow.values());
        model.put("types", ReviewTypeFilter.values());
        model.put("advocacyRows", AdvocacyFigures.Row.values());
        model.put("months", options(thisMonth, chosen));
        return model;
    }

    /**
     * The month asked for, or the last whole month (the year's last month for a year that has ended). A month
     * outside the year asked for is a bad request, not a guess at which of the two was meant.
     */
    private static YearMonth chosenMonth(String year, String month, YearMonth thisMonth) {
        FinancialYear financialYear = null;
        if (year != null && !year.isBlank()) {
            financialYear = FinancialYear.parse(year).orElseThrow(() -> new HttpStatusException(HttpStatus.BAD_REQUEST, "year"));
        }
        if (month != null && !month.isBlank()) {
            YearMonth chosen;
            try {
                chosen = YearMonth.parse(month);
            } catch (DateTimeParseException e) {
                throw new HttpStatusException(HttpStatus.BAD_REQUEST, "month");
            }
            if (!org.myview.web.DateBounds.within(chosen.getYear()) || !org.myview.web.DateBounds.within(chosen.getYear() + 1)
                    || financialYear != null && !financialYear.contains(chosen)) {
                throw new HttpStatusException(HttpStatus.BAD_REQUEST, "month");
            }
            return chosen;
        }
        YearMonth lastWhole = thisMonth.minusMonths(1);
        if (financialYear == null) {
            return lastWhole;
        }
        YearMonth last = financialYear.months().get(11);
        YearMonth first = financialYear.months().get(0);
        return lastWhole.isAfter(last) ? last : lastWhole.isBefore(first) ? first : lastWhole;
    }

    private static List<MonthOption> options(YearMonth thisMonth, YearMonth chosen) {
        List<MonthOption> options = new ArrayList<>();
        for (int i = 0; i < MONTHS_OFFERED; i++) {
            YearMonth m = thisMonth.minusMonths(i);
            options.add(new MonthOption(m.toString(), MONTH_NAME.format(m)));
        }
        if (options.stream().noneMatch(o -> o.value().equals(chosen.toString()))) {
            options.add(0, new MonthOption(chosen.toString(), MONTH_NAME.format(chosen)));
        }
        return options;
    }

    /** The page's stylesheet, put inline in the PDF: one set of rules for the browser's print and the PDF. */
    private static String stylesheet() {
        try (InputStream in = BoardPackController.class.getResourceAsStream("/static/boardpack.css")) {
            if (in == null) {
                throw new IllegalStateException("boardpack.css missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
