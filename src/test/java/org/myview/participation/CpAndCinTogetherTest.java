package org.myview.participation;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.myview.staff.Role;
import org.myview.support.ReviewFixtures;
import org.myview.support.StaffFixtures;
import org.myview.support.WebClient;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "CP and CIN together" wherever figures are filtered (issue 18): the improvement plan's CP/CIN measures
 * (attended aged 4+, input directly, by an advocate or non-verbally) over both kinds of review, on the
 * dashboard's CSV and as a target.
 */
@MicronautTest(transactional = false)
class CpAndCinTogetherTest {

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext context;

    private void recorded(String reference, String type, LocalDate date, String code) {
        long child = ReviewFixtures.child(context, reference, "Child", date.minusYears(10));
        long review = ReviewFixtures.review(context, child, type, date, null);
        ReviewFixtures.execute(context, "insert into review_participation (review_id, pn_code) values (" + review + ", '" + code + "')");
    }

    @Test
    void bothKindsCountTogetherAndATargetCanBeSetOnThem() {
        LocalDate may = LocalDate.of(2025, 5, 14);
        recorded("CPCIN1", "CP_INITIAL", may, "PN1");
        recorded("CPCIN2", "CP_REVIEW", may, "PN7");
        recorded("CPCIN3", "CIN", may, "PN1");
        recorded("CPCIN4", "CIN", may, "PN3");
        recorded("CPCIN5", "CLA", may, "PN1"); // not in either
        StaffFixtures.account(context, "cpcin.manager", Role.SERVICE_MANAGER);
        WebClient manager = new WebClient(server.getURI());
        String csrf = StaffFixtures.signIn(manager, "cpcin.manager");

        String together = manager.get("/participation/export.csv?year=2025-26&type=CP_AND_CIN").body();
        String cp = manager.get("/participation/export.csv?year=2025-26&type=ALL_CP").body();
        String cin = manager.get("/participation/export.csv?year=2025-26&type=CIN").body();
        // Four reviews in May: PN1 twice (one CP, one CIN), PN3 once (CIN): 3 of 4 took part, 2 of 4 came and spoke.
        assertEquals("4", mayCell(together, "UNDER_FOUR,denominator"), "every review: " + together);
        assertEquals("2", mayCell(cp, "UNDER_FOUR,denominator"), cp);
        assertEquals("2", mayCell(cin, "UNDER_FOUR,denominator"), cin);
        assertEquals("3", mayCell(together, "PARTICIPATED,count"), together);
        assertEquals("75", mayCell(together, "PARTICIPATED,percent"), together);
        assertEquals("2", mayCell(together, "PN1,count"), together);
        assertTrue(manager.get("/participation?year=2025-26&type=CP_AND_CIN").body().contains("Child protection and child in need together"));

        WebClient.Page saved = manager.post("/participation/targets", "_csrf", csrf, "measure", "ATTENDED", "reviewTypes", "CP_AND_CIN",
                "baseline", "", "target", "60", "tolerance", "5");
        assertEquals(303, saved.status(), saved.body());
        assertEquals(1, ReviewFixtures.count(context, "select count(*) from participation_target where review_types = 'CP_AND_CIN'"));
    }

    /** The May 2025 cell of the row whose first cell starts with {@code label}. */
    private static String mayCell(String csv, String label) {
        List<String> lines = csv.lines().toList();
        List<String> header = List.of(lines.get(0).split(","));
        int may = header.indexOf(header.stream().filter(h -> h.equals("2025-05")).findFirst().orElseThrow(() -> new AssertionError(lines.get(0))));
        String row = lines.stream().filter(l -> l.startsWith(label + ",")).findFirst()
                .orElseThrow(() -> new AssertionError(label + " not in " + csv));
        return row.split(",")[may];
    }
}
