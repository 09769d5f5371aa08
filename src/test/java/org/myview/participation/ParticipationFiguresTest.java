package org.myview.participation;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.myview.staff.AuditAction;
import org.myview.staff.AuditTrail;
import org.myview.staff.Role;
import org.myview.support.HtmlChecker;
import org.myview.support.MutableClock;
import org.myview.support.ReviewFixtures;
import org.myview.support.StaffFixtures;
import org.myview.support.WebClient;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reviews whose figures are known in advance: every cell of the table and of the JSON is checked
 * against arithmetic done here, independently, including rounding half up and months with no data.
 */
@MicronautTest(transactional = false)
@Property(name = "test.mutable-clock", value = "true")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ParticipationFiguresTest {

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext context;
    @Inject
    MutableClock clock;
    @Inject
    ParticipationService participation;
    @Inject
    JsonMapper json;
    @Inject
    AuditTrail audit;

    /** The reviews loaded, per month: codes of the reviews (all CLA). Ages follow from the code: PN0 under 4. */
    static final Map<YearMonth, List<String>> LOADED = new LinkedHashMap<>();

    static {
        LOADED.put(YearMonth.of(2025, 4), List.of("PN1", "PN1", "PN1", "PN2", "PN5", "PN6", "PN4", "PN7"));
        LOADED.put(YearMonth.of(2025, 5), List.of("PN0", "PN1", "PN3"));
        // June 2025: no reviews at all
        LOADED.put(YearMonth.of(2025, 7), List.of("PN0", "PN0", "PN6"));
        LOADED.put(YearMonth.of(2025, 8), List.of("PN1", "PN1", "PN1", "PN7", "PN7", "PN7"));
        LOADED.put(YearMonth.of(2026, 3), List.of("PN5"));
    }

    long officer;

    @BeforeAll
    void load() {
        clock.set(Instant.parse("2026-05-10T09:00:00Z")); // 2025-26 is complete: the year to date is the whole year
        officer = StaffFixtures.account(context, "figures.officer", Role.REVIEWING_OFFICER);
        StaffFixtures.account(context, "figures.manager", Role.SERVICE_MANAGER);
        int n = 0;
        for (Map.Entry<YearMonth, List<String>> month : LOADED.entrySet()) {
            for (String code : month.getValue()) {
                n++;
                LocalDate date = month.getKey().atDay(1 + n % 27);
                LocalDate dob = code.equals("PN0") ? date.minusYears(2) : date.minusYears(4 + n % 12);
                long child = ReviewFixtures.child(context, "FIG" + n, "Child" + n, dob);
                long review = ReviewFixtures.review(context, child, "CLA", date, n % 2 == 0 ? officer : null);
                ReviewFixtures.execute(context, "insert into review_participation (review_id, pn_code, advocate) values ("
                        + review + ", '" + code + "', '" + (code.equals("PN5") ? "NYAS" : "NONE") + "')");
            }
        }
        // A CP review in April must not count in the CLA figures.
        long other = ReviewFixtures.child(context, "FIGCP", "Other", LocalDate.of(2015, 1, 1));
        long cp = ReviewFixtures.review(context, other, "CP_REVIEW", LocalDate.of(2025, 4, 3), null);
        ReviewFixtures.execute(context, "insert into review_participation (review_id, pn_code) values (" + cp + ", 'PN7')");
    }

    @Test
    void everyCellOfTheTableMatchesTheArithmetic() {
        ParticipationService.Table table = participation.table(new ParticipationService.Filters(new FinancialYear(2025),
                ReviewTypeFilter.CLA, null, null));

        assertEquals(17, table.columns().size(), "12 months, 4 quarters, the year to date");
        for (ParticipationService.Column column : table.columns()) {
            List<String> codes = codesIn(column.key());
            for (TableRow row : TableRow.values()) {
                Counts.Figure figure = table.figure(row, column);
                long[] expected = expected(row, codes);
                assertEquals(expected[0], figure.count(), row + " count in " + column.key());
                assertEquals(expected[1], figure.denominator(), row + " denominator in " + column.key());
                assertEquals(percent(expected[0], expected[1]), figure.hasPercent() ? figure.percentValue() : null,
                        row + " percent in " + column.key());
            }
        }
    }

    @Test
    void roundingIsHalfUpToWholePercentagesAndAnEmptyMonthHasNoData() {
        ParticipationService.Table table = participation.table(new ParticipationService.Filters(new FinancialYear(2025),
                ReviewTypeFilter.CLA, null, null));
        ParticipationService.Column april = table.columns().get(0);
        ParticipationService.Column june = table.columns().get(2);

        assertEquals(38, table.figure(TableRow.PN1, april).percentValue(), "3/8 = 37.5% rounds up to 38%");
        assertEquals(13, table.figure(TableRow.PN2, april).percentValue(), "1/8 = 12.5% rounds up to 13%");
        assertEquals(75, table.figure(TableRow.PARTICIPATED, april).percentValue(), "PN4 does not count by default");
        assertFalse(table.figure(TableRow.PARTICIPATED, june).hasPercent(), "June had no reviews: no data, not 0%");
        long methods = TableRow.methods().stream().mapToLong(r -> table.figure(r, april).count()).sum();
        assertEquals(table.figure(TableRow.PN1, april).denominator(), methods, "the method rows add up to every review of a child 4+");
    }

    @Test
    void theJsonSummaryHasEveryMonthWithCountPercentAndDenominatorOfEveryRow() throws Exception {
        WebClient api = new WebClient(server.getURI());
        WebClient.Page page = api.send(api.request("/api/participation/summary?reviewType=CLA&from=2025-04&to=2026-03")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        ("figures.manager:" + StaffFixtures.PASSWORD).getBytes(StandardCharsets.UTF_8))).GET().build());

        assertEquals(200, page.status(), page.body());
        @SuppressWarnings("unchecked")
        Map<String, Object> body = json.readValue(page.body(), Map.class);
        assertEquals(false, body.get("pn4CountsAsParticipation"));
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> months = (Map<String, Map<String, Object>>) body.get("months");
        assertEquals(12, months.size());
        for (YearMonth month = YearMonth.of(2025, 4); !month.isAfter(YearMonth.of(2026, 3)); month = month.plusMonths(1)) {
            List<String> codes = LOADED.getOrDefault(month, List.of());
            Map<String, Object> value = months.get(month.toString());
            assertEquals(codes.size(), ((Number) value.get("reviews")).intValue(), month + " reviews");
            @SuppressWarnings("unchecked")
            Map<String, Map<String, Object>> rows = (Map<String, Map<String, Object>>) value.get("rows");
            for (TableRow row : TableRow.values()) {
                Map<String, Object> cell = rows.get(ParticipationApiController.key(row));
                long[] expected = expected(row, codes);
                assertEquals(expected[0], ((Number) cell.get("count")).longValue(), month + " " + row);
                assertEquals(expected[1], ((Number) cell.get("denominator")).longValue(), month + " " + row);
                Integer percent = percent(expected[0], expected[1]);
                if (percent == null) {
                    assertNull(cell.get("percent"), month + " " + row + " has no data");
                } else {
                    assertEquals(percent, ((Number) cell.get("percent")).intValue(), month + " " + row);
                }
            }
        }
        assertTrue(audit.search("figures.manager", null, null, null, 10).stream().anyMatch(e -> e.action() == AuditAction.DASHBOARD_EXPORTED));
    }

    @Test
    void theManagersPageShowsTheTableAndTheOfficerSeesTheirOwnBesideTheService() {
        WebClient manager = new WebClient(server.getURI());
        StaffFixtures.signIn(manager, "figures.manager");
        WebClient.Page page = manager.get("/participation?year=2025-26&type=CLA");
        assertEquals(200, page.status());
        assertTrue(page.body().contains("% of children who participated"));
        assertTrue(page.body().contains("no data"));
        assertTrue(page.body().contains("<svg class=\"myview-trend\""), "trend charts");
        assertTrue(page.body().contains("is not counted as participating"), "the page says which definition is in use");
        assertEquals(List.of(), HtmlChecker.errors(page.body()));

        WebClient.Page csv = manager.get("/participation/export.csv?year=2025-26&type=CLA");
        assertEquals(200, csv.status());
        assertTrue(csv.header("Content-Type").startsWith("text/csv"));
        assertTrue(csv.body().startsWith("Measure,Figure,2025-04,"));
        assertTrue(csv.body().contains("PARTICIPATED,percent,75,"));

        WebClient officerBrowser = new WebClient(server.getURI());
        StaffFixtures.signIn(officerBrowser, "figures.officer");
        WebClient.Page officerPage = officerBrowser.get("/participation?year=2025-26&type=CLA&officer=someone.else");
        assertEquals(200, officerPage.status());
        assertTrue(officerPage.body().contains("The children I review"));
        assertTrue(officerPage.body().contains("All reviews in the service"));
        ParticipationService.Table own = participation.table(new ParticipationService.Filters(new FinancialYear(2025),
                ReviewTypeFilter.CLA, null, officer));
        long ownReviews = own.columns().get(16).counts().all();
        assertTrue(ownReviews > 0 && ownReviews < 21, "the officer's own reviews only: " + ownReviews);
    }

    @Test
    void theSameFiguresByAgeBand() {
        List<ParticipationService.AgeRow> rows = participation.byAgeBand(new ParticipationService.Filters(new FinancialYear(2025),
                ReviewTypeFilter.CLA, null, null));
        assertEquals(List.of("Under 4", "4-7", "8-11", "12-15", "16+"), rows.stream().map(r -> r.ageBand().label()).toList());
        assertEquals(3, rows.get(0).counts().all(), "the three PN0 reviews are under 4");
        assertEquals(21, rows.stream().mapToLong(r -> r.counts().all()).sum());
    }

    @Test
    void aTargetIsRatedFromTheFiguresWithTheReason() {
        WebClient manager = new WebClient(server.getURI());
        String csrf = StaffFixtures.signIn(manager, "figures.manager");
        assertEquals(303, manager.post("/participation/targets", "_csrf", csrf, "measure", "ATTENDED", "reviewTypes", "CLA",
                "baseline", "10.2", "target", "50", "tolerance", "5").status());

        WebClient.Page bad = manager.post("/participation/targets", "_csrf", csrf, "measure", "ATTENDED", "reviewTypes", "CLA", "target", "lots");
        assertEquals(422, bad.status());
        assertTrue(bad.body().contains("Enter the target as a number"));

        // Q4 2025-26: one review, PN5 (did not attend): attendance 0%, far below 50 and down from Q2.
        ParticipationService.TargetStatus status = participation.targets(new FinancialYear(2025)).get(0);
        assertEquals("Q4", status.latestQuarter());
        assertEquals(0, status.latest().intValue());
        assertEquals(Rag.RED, status.rag().rag());
        assertTrue(manager.get("/participation?year=2025-26").body().contains("RED"));
    }

    private static List<String> codesIn(String column) {
        List<String> codes = new ArrayList<>();
        FinancialYear year = new FinancialYear(2025);
        for (Map.Entry<YearMonth, List<String>> month : LOADED.entrySet()) {
            boolean in = switch (column) {
                case "YTD" -> true;
                case "Q1", "Q2", "Q3", "Q4" -> year.quarterOf(month.getKey()) == column.charAt(1) - '0';
                default -> month.getKey().toString().equals(column);
            };
            if (in) {
                codes.addAll(month.getValue());
            }
        }
        return codes;
    }

    /** {count, denominator} for a row, worked out from the codes without the production code. */
    private static long[] expected(TableRow row, List<String> codes) {
        long all = codes.size();
        long underFour = codes.stream().filter("PN0"::equals).count();
        long fourPlus = all - underFour;
        return switch (row) {
            case PARTICIPATED -> new long[]{codes.stream().filter(c -> List.of("PN1", "PN2", "PN3", "PN5", "PN6").contains(c)).count(), fourPlus};
            case UNDER_FOUR -> new long[]{underFour, all};
            default -> new long[]{codes.stream().filter(row.name()::equals).count(), fourPlus};
        };
    }

    private static Integer percent(long count, long denominator) {
        if (denominator == 0) {
            return null;
        }
        return BigDecimal.valueOf(count).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(denominator), 0, RoundingMode.HALF_UP).intValue();
    }
}
