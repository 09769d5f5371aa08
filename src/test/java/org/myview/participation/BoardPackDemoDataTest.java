package org.myview.participation;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.myview.support.ReviewFixtures;
import org.myview.support.StaffFixtures;
import org.myview.support.WebClient;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The board pack of the demo data (issue 18's "the PDF renders from the demo data"): for the last whole month, every
 * participation cell of the page equals the dashboard's CSV for the same year and type, to one decimal place, and
 * the PDF's text holds every cell of the page.
 */
class BoardPackDemoDataTest {

    private static final String DEMO_PASSWORD = "myview-demo-password";

    @Test
    void theDemoDataPackMatchesTheCsvOnThePageAndInThePdf() throws Exception {
        try (ApplicationContext context = ApplicationContext.run("test", "dev")) {
            EmbeddedServer server = context.getBean(EmbeddedServer.class).start();
            String manager;
            try (Connection c = ReviewFixtures.connection(context); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select a.username from staff_account a join staff_role r on r.account_id = a.id "
                         + "where r.role = 'SERVICE_MANAGER' and not a.disabled order by a.id limit 1")) {
                assertTrue(rs.next(), "the demo has a service manager");
                manager = rs.getString(1);
            }
            WebClient browser = new WebClient(server.getURI());
            assertEquals(303, StaffFixtures.postSignIn(browser, manager, DEMO_PASSWORD).status());
            YearMonth month = YearMonth.from(LocalDate.now(context.getBean(java.time.Clock.class))).minusMonths(1);
            FinancialYear year = FinancialYear.containing(month);
            String query = "?year=" + year.label() + "&month=" + month + "&type=CLA&decimals=1";

            WebClient.Page page = browser.get("/participation/board-pack" + query);
            assertEquals(200, page.status());
            Map<String, String> cells = BoardPackTest.cells(page.body());
            Map<String, long[]> csv = BoardPackTest.csv(browser.get("/participation/export.csv?year=" + year.label() + "&type=CLA").body());
            BoardPackPercent oneDecimal = new BoardPackPercent(1);
            int months = 0;
            long reviews = 0;
            for (TableRow row : TableRow.values()) {
                long count = 0;
                long denominator = 0;
                for (YearMonth m : year.months()) {
                    if (m.isAfter(month)) {
                        assertTrue(!cells.containsKey(row.name() + ":" + m), "no column after the chosen month");
                        continue;
                    }
                    long[] f = csv.get(row.name() + ":" + m);
                    assertEquals(text(oneDecimal, f[0], f[1]), cells.get(row.name() + ":" + m), row + " " + m);
                    count += f[0];
                    denominator += f[1];
                    months++;
                    if (row == TableRow.UNDER_FOUR) {
                        reviews += f[1];
                    }
                }
                assertEquals(text(oneDecimal, count, denominator), cells.get(row.name() + ":YTD"), row + " year to " + month);
                for (int q = 1; q <= 4; q++) {
                    if (!year.monthsOfQuarter(q).get(2).isAfter(month)) {
                        long[] f = csv.get(row.name() + ":Q" + q);
                        assertEquals(text(oneDecimal, f[0], f[1]), cells.get(row.name() + ":Q" + q), row + " Q" + q);
                    }
                }
            }
            assertTrue(months > 0);
            assertTrue(reviews > 0, "the demo has reviews in the year to " + month);

            HttpResponse<byte[]> pdf = BoardPackTest.download(browser, "/participation/board-pack.pdf" + query);
            assertEquals(200, pdf.statusCode());
            try (PDDocument document = Loader.loadPDF(pdf.body())) {
                String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
                for (Map.Entry<String, String> cell : cells.entrySet()) {
                    assertTrue(text.contains(cell.getValue()), cell.getKey() + " " + cell.getValue() + " in the PDF");
                }
            }
        }
    }

    private static String text(BoardPackPercent percent, long count, long denominator) {
        return (denominator == 0 ? "no data" : percent.of(count, denominator)) + " " + count + "/" + denominator;
    }
}
