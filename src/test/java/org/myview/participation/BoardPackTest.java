package org.myview.participation;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.myview.staff.Role;
import org.myview.support.HtmlChecker;
import org.myview.support.MutableClock;
import org.myview.support.ReviewFixtures;
import org.myview.support.StaffFixtures;
import org.myview.support.WebClient;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The monthly board pack (page and PDF) against the dashboard's CSVs for the same filters, from hand-built CLA
 * reviews: April 2025 has 8 (one under 4; of the 7 aged 4+, PN1 x3, PN2, PN5 took part, PN4 and PN7 did not):
 * 5 of 7 took part (71.4%, whole 71%), 1 of 8 under 4 (12.5%, whole 13%); October 3 (PN1, PN6, PN7: 2 of 3,
 * 66.7%); March 2026 1 (PN3). Talk-now: two concerns raised in March 2026, one closed in March, one in April.
 */
@MicronautTest(transactional = false)
@Property(name = "test.mutable-clock", value = "true")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BoardPackTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final String PACK = "/participation/board-pack?year=2025-26&month=2026-03&decimals=1";

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext context;
    @Inject
    MutableClock clock;
    @Inject
    ParticipationService participation;
    @Inject
    TimelinessService timeliness;

    private int children;

    @BeforeAll
    void load() {
        clock.set(Instant.parse("2026-05-10T09:00:00Z"));
        StaffFixtures.account(context, "pack.manager", Role.SERVICE_MANAGER);
        StaffFixtures.account(context, "pack.officer", Role.REVIEWING_OFFICER);
        LocalDate april = LocalDate.of(2025, 4, 15);
        for (String code : List.of("PN1", "PN1", "PN1", "PN2", "PN5", "PN4", "PN7")) {
            recorded(april, 10, code);
        }
        recorded(april, 2, "PN0");
        LocalDate october = LocalDate.of(2025, 10, 8);
        recorded(october, 14, "PN1");
        recorded(october, 6, "PN6");
        recorded(october, 16, "PN7");
        long march = recorded(LocalDate.of(2026, 3, 3), 9, "PN3");
        long link = ReviewFixtures.count(context, "insert into consultation_link (review_id, token_hash, created_at, expires_at) values ("
                + march + ", decode(md5(random()::text), 'hex'), '2026-02-20T09:00:00Z', '2026-04-20T09:00:00Z') returning id");
        concern(march, link, at(2026, 3, 1, 0, 30), at(2026, 3, 2, 9, 0)); // 00:30 on 1 March in London is still March
        concern(march, link, at(2026, 3, 31, 23, 30), at(2026, 4, 1, 10, 0)); // open at the end of March
        concern(march, link, at(2026, 2, 28, 23, 0), null); // February's: open at the end of March, not raised in it

        // Timeliness: a child's CLA reviews on 1 June, 15 August (within 3 months: on time) and 20 March (6 months after
        // August is 15 February: late). Not recorded, so the participation figures above do not change.
        children++;
        long timed = ReviewFixtures.child(context, "PACK" + children, "Pack" + children, LocalDate.of(2012, 1, 1));
        for (LocalDate date : List.of(LocalDate.of(2025, 6, 1), LocalDate.of(2025, 8, 15), LocalDate.of(2026, 3, 20))) {
            ReviewFixtures.review(context, timed, "CLA", date, null);
        }
    }

    @Test
    void thePageAndThePdfHoldTheCsvsFiguresToOneDecimalPlace() throws Exception {
        WebClient manager = new WebClient(server.getURI());
        StaffFixtures.signIn(manager, "pack.manager");
        WebClient.Page page = manager.get(PACK);
        assertEquals(200, page.status(), page.body());
        assertEquals(List.of(), HtmlChecker.errors(page.body()));
        assertTrue(page.header("Cache-Control").contains("no-store"));
        for (String section : List.of("bp-participation", "bp-age", "bp-mrmv", "bp-targets", "bp-advocacy", "bp-parents",
                "bp-concerns", "bp-timeliness")) {
            assertTrue(page.body().contains("id=\"" + section + "\""), section);
        }
        Map<String, String> cells = cells(page.body());
        Map<String, long[]> csv = csv(manager.get("/participation/export.csv?year=2025-26&type=CLA").body());
        BoardPackPercent oneDecimal = new BoardPackPercent(1);
        int checked = 0;
        for (TableRow row : TableRow.values()) {
            for (String column : List.of("2025-04", "2025-05", "2025-06", "2025-07", "2025-08", "2025-09", "2025-10", "2025-11",
                    "2025-12", "2026-01", "2026-02", "2026-03", "Q1", "Q2", "Q3", "Q4", "YTD")) {
                long[] f = csv.get(row.name() + ":" + column);
                String expected = (f[1] == 0 ? "no data" : oneDecimal.of(f[0], f[1])) + " " + f[0] + "/" + f[1];
                assertEquals(expected, cells.get(row.name() + ":" + column), row + " " + column);
                checked++;
            }
        }
        assertEquals(9 * 17, checked);
        assertEquals("71.4% 5/7", cells.get("PARTICIPATED:2025-04"));
        assertEquals("12.5% 1/8", cells.get("UNDER_FOUR:2025-04"));
        assertEquals("66.7% 2/3", cells.get("PARTICIPATED:2025-10"));
        assertEquals("72.7% 8/11", cells.get("PARTICIPATED:YTD"), "5 + 2 + 1 of 7 + 3 + 1");

        // By age (transposed): the same counts as the by-age CSV, every band.
        String[] ageCsv = manager.get("/participation/export-by-age.csv?year=2025-26&type=CLA").body().split("\r\n");
        List<String> header = List.of(ageCsv[0].split(","));
        for (int i = 1; i < ageCsv.length; i++) {
            String[] line = ageCsv[i].split(",", -1);
            String label = line[0];
            String band = participation.bands().bands().stream().filter(b -> b.label().equals(label)).findFirst().orElseThrow().key();
            for (TableRow row : TableRow.values()) {
                String count = line[header.indexOf(row.name() + " count")];
                String cell = cells.get(row.name() + ":" + band);
                assertNotNull(cell, row + " " + band + " in " + cells.keySet());
                assertTrue(cell.endsWith(" " + count + "/" + cell.substring(cell.lastIndexOf('/') + 1)), row + " " + band + ": " + cell);
            }
        }
        assertEquals("100.0% 1/1", cells.get("PARTICIPATED:12-15"), "the 14-year-old in October");

        // Talk-now concerns in March: two raised, one closed; at the end of March, February's and the late one are open.
        assertEquals(List.of("2", "1", "2"), List.of(dd(page.body(), "raised"), dd(page.body(), "closed"), dd(page.body(), "open")));

        // Timeliness: as TimelinessService counts it; March's late review, and the year to March: 1 of 2 on time.
        TimelinessService.Timeliness cla = timeliness.of(new FinancialYear(2025), TimelinessService.Kind.CLA, null);
        TimelinessService.Period marchPeriod = cla.months().get(11);
        assertEquals(oneDecimal.of(marchPeriod.timely(), marchPeriod.assessed()) + " " + marchPeriod.timely() + "/" + marchPeriod.assessed(),
                cells.get("timeliness-CLA:month"));
        assertEquals("0.0% 0/1", cells.get("timeliness-CLA:month"));
        assertEquals("1", cells.get("timeliness-CLA:late"));
        assertEquals("0.0% 0/1", cells.get("timeliness-CLA:quarter"), "Q4 ends in March");
        TimelinessService.Period year = cla.yearToDate();
        assertEquals(oneDecimal.of(year.timely(), year.assessed()) + " " + year.timely() + "/" + year.assessed(), cells.get("timeliness-CLA:year"));
        assertEquals("50.0% 1/2", cells.get("timeliness-CLA:year"));

        // Whole percentages when not asked for one decimal place: the dashboard's rounding.
        Map<String, String> whole = cells(manager.get("/participation/board-pack?year=2025-26&month=2026-03").body());
        assertEquals("71% 5/7", whole.get("PARTICIPATED:2025-04"));
        assertEquals("13% 1/8", whole.get("UNDER_FOUR:2025-04"));

        // The PDF: the same template, so the same figures, as text a screen reader (and this test) can read.
        HttpResponse<byte[]> pdf = download(manager, PACK.replace("board-pack?", "board-pack.pdf?"));
        assertEquals(200, pdf.statusCode());
        java.nio.file.Files.write(java.nio.file.Path.of("target", "board-pack-example.pdf"), pdf.body()); // to look at by hand
        assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse(""));
        assertTrue(pdf.headers().firstValue("Cache-Control").orElse("").contains("no-store"));
        assertTrue(pdf.headers().firstValue("Content-Disposition").orElse("").contains("board-pack-cla-2026-03.pdf"));
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ").replace('\u2019', '\'');
            assertTrue(document.getDocumentCatalog().getMarkInfo().isMarked(), "tagged PDF");
            assertNotNull(document.getDocumentCatalog().getStructureTreeRoot());
            assertEquals("en-GB", document.getDocumentCatalog().getLanguage());
            assertTrue(document.getNumberOfPages() >= 8, "a page per section: " + document.getNumberOfPages());
            for (String words : List.of("Voice of the child: board pack, March 2026", "April to September", "October to March",
                    "By age, year to March 2026", "My Review My View", "Targets and RAG", "Advocacy", "Parent feedback",
                    "Talk-now concerns, March 2026", "Review timeliness")) {
                assertTrue(text.contains(words), words + " in " + text);
            }
            for (Map.Entry<String, String> cell : cells.entrySet()) {
                assertTrue(text.contains(cell.getValue()), cell.getKey() + " " + cell.getValue() + " in the PDF");
            }
            // Each row of each printed part reads in order, label then every cell: no column lost off the page.
            for (String part : List.of("2025-04,2025-05,2025-06,2025-07,2025-08,2025-09", "2025-10,2025-11,2025-12,2026-01,2026-02,2026-03",
                    "Q1,Q2,Q3,Q4,YTD")) {
                for (TableRow row : TableRow.values()) {
                    StringBuilder line = new StringBuilder();
                    for (String column : part.split(",")) {
                        line.append(' ').append(cells.get(row.name() + ":" + column));
                    }
                    assertTrue(text.contains(line.toString().strip()), row + " " + part + ": " + line + " in " + text);
                }
            }
        }
        assertEquals(1, ReviewFixtures.count(context, "select count(*) from audit_event where action = 'DASHBOARD_EXPORTED' "
                + "and detail::text like '%board-pack 2026-03%'"), "the PDF is audited");
    }

    @Test
    void onlyTheManagerAndOnlySenseIsAsked() throws Exception {
        WebClient officer = new WebClient(server.getURI());
        StaffFixtures.signIn(officer, "pack.officer");
        assertEquals(403, officer.get(PACK).status());
        assertEquals(403, download(officer, PACK.replace("board-pack?", "board-pack.pdf?")).statusCode());
        assertFalse(officer.get("/participation").body().contains("/participation/board-pack"), "not offered to an officer");

        WebClient manager = new WebClient(server.getURI());
        StaffFixtures.signIn(manager, "pack.manager");
        assertTrue(manager.get("/participation").body().contains("href=\"/participation/board-pack\""), "the dashboard links to it");
        assertEquals(400, manager.get("/participation/board-pack?year=2025-26&month=2026-04").status(), "a month of another year");
        assertEquals(400, manager.get("/participation/board-pack?month=March").status());
        assertEquals(400, manager.get("/participation/board-pack?decimals=7").status());
        WebClient.Page plain = manager.get("/participation/board-pack");
        assertEquals(200, plain.status());
        assertTrue(plain.body().contains("board pack, April 2026"), "the last whole month by default");
    }

    private long recorded(LocalDate date, int age, String code) {
        children++;
        long child = ReviewFixtures.child(context, "PACK" + children, "Pack" + children, date.minusYears(age).minusDays(20));
        long review = ReviewFixtures.review(context, child, "CLA", date, null);
        ReviewFixtures.execute(context, "insert into review_participation (review_id, pn_code) values (" + review + ", '" + code + "')");
        return review;
    }

    private void concern(long review, long link, Instant raised, Instant closed) {
        ReviewFixtures.execute(context, "insert into consultation_concern (review_id, link_id, raised_at, closed_at) values (" + review
                + ", " + link + ", '" + raised + "', " + (closed == null ? "null" : "'" + closed + "'") + ")");
    }

    private static Instant at(int year, int month, int day, int hour, int minute) {
        return LocalDateTime.of(year, month, day, hour, minute).atZone(LONDON).toInstant();
    }

    /** Every figure cell of the page: data-cell to its text ("71.4% 5/7"). */
    static Map<String, String> cells(String html) {
        Map<String, String> cells = new LinkedHashMap<>();
        Matcher cell = Pattern.compile("<td[^>]*data-cell=\"([^\"]+)\"[^>]*>(.*?)</td>", Pattern.DOTALL).matcher(html);
        while (cell.find()) {
            cells.put(cell.group(1), cell.group(2).replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").strip());
        }
        return cells;
    }

    /** The dashboard's CSV: "ROW:column" to {count, denominator}. */
    static Map<String, long[]> csv(String body) {
        String[] lines = body.split("\r\n");
        List<String> header = List.of(lines[0].split(","));
        Map<String, long[]> figures = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            String[] cells = lines[i].split(",");
            if (cells[1].equals("percent")) {
                continue;
            }
            for (int c = 2; c < cells.length; c++) {
                long[] f = figures.computeIfAbsent(cells[0] + ":" + header.get(c), k -> new long[2]);
                f[cells[1].equals("count") ? 0 : 1] = Long.parseLong(cells[c]);
            }
        }
        return figures;
    }

    private static String dd(String html, String name) {
        Matcher m = Pattern.compile("data-concerns=\"" + name + "\".*?<dd[^>]*>(.*?)</dd>", Pattern.DOTALL).matcher(html);
        assertTrue(m.find(), name);
        return m.group(1).strip();
    }

    static HttpResponse<byte[]> download(WebClient browser, String path) throws IOException, InterruptedException {
        HttpRequest.Builder request = browser.request(path).GET();
        String cookies = browser.cookieHeader();
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
