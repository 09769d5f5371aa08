package org.myview.participation;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.myview.staff.Role;
import org.myview.support.ReviewFixtures;
import org.myview.support.StaffFixtures;
import org.myview.support.WebClient;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Review timeliness cell by cell against hand-built reviews of 2025-26 (issue 18), on the page and in the CSV. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TimelinessTest {

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext context;

    private WebClient manager;
    private WebClient officerX;

    @BeforeAll
    void reviews() {
        long x = StaffFixtures.account(context, "timely.x", Role.REVIEWING_OFFICER);
        long y = StaffFixtures.account(context, "timely.y", Role.REVIEWING_OFFICER);
        StaffFixtures.account(context, "timely.manager", Role.SERVICE_MANAGER);
        long a = ReviewFixtures.child(context, "TIMEA", "Ash", LocalDate.of(2012, 1, 1));
        ReviewFixtures.review(context, a, "CLA", LocalDate.of(2025, 4, 10), x);   // first recorded: not assessed
        ReviewFixtures.review(context, a, "CLA", LocalDate.of(2025, 7, 10), x);   // second, due 10 July: on time
        ReviewFixtures.review(context, a, "CLA", LocalDate.of(2026, 1, 11), x);   // due 10 January: 1 day late
        long b = ReviewFixtures.child(context, "TIMEB", "Bea", LocalDate.of(2013, 1, 1));
        ReviewFixtures.review(context, b, "CLA", LocalDate.of(2024, 12, 1), y);
        ReviewFixtures.review(context, b, "CLA", LocalDate.of(2025, 3, 1), y);
        ReviewFixtures.review(context, b, "CLA", LocalDate.of(2025, 9, 2), y);    // due 1 September: 1 day late
        long c = ReviewFixtures.child(context, "TIMEC", "Cal", LocalDate.of(2014, 1, 1));
        ReviewFixtures.review(context, c, "CP_INITIAL", LocalDate.of(2025, 5, 5), y);
        ReviewFixtures.review(context, c, "CP_REVIEW", LocalDate.of(2025, 8, 5), y);   // due 5 August: on time
        ReviewFixtures.review(context, c, "CP_REVIEW", LocalDate.of(2026, 2, 6), y);   // due 5 February: late
        ReviewFixtures.review(context, c, "CIN", LocalDate.of(2025, 6, 1), y);          // never assessed
        long d = ReviewFixtures.child(context, "TIMED", "Dee", LocalDate.of(2015, 1, 1));
        LocalDate today = LocalDate.now();
        ReviewFixtures.review(context, d, "CLA", today.minusMonths(8), x);
        ReviewFixtures.review(context, d, "CLA", today.minusMonths(5), x);
        ReviewFixtures.review(context, d, "CLA", today.plusMonths(2), x);    // booked after its due date
        manager = new WebClient(server.getURI());
        StaffFixtures.signIn(manager, "timely.manager");
        officerX = new WebClient(server.getURI());
        StaffFixtures.signIn(officerX, "timely.x");
    }

    @Test
    void claByQuarterAndYearWithTheLateReviewsInTheCsv() {
        WebClient.Page csv = manager.get("/participation/timeliness/export.csv?year=2025-26&kind=CLA");
        assertEquals(200, csv.status());
        assertTrue(csv.header("content-type").startsWith("text/csv"));
        List<String> lines = csv.body().lines().toList();
        assertEquals("PERIOD,HELD,ASSESSED,ON_TIME,LATE,PERCENT_ON_TIME", lines.get(0));
        assertTrue(lines.contains("2025-04,1,0,0,0,"), csv.body());
        assertTrue(lines.contains("2025-07,1,1,1,0,100.0"), csv.body());
        assertTrue(lines.contains("2025-09,1,1,0,1,0.0"), csv.body());
        assertTrue(lines.contains("Q1,1,0,0,0,"), csv.body());
        assertTrue(lines.contains("Q2,2,2,1,1,50.0"), csv.body());
        assertTrue(lines.contains("Q3,0,0,0,0,"), csv.body());
        assertTrue(lines.contains("Q4,1,1,0,1,0.0"), csv.body());
        assertTrue(lines.contains("2025-26,4,3,1,2,33.3"), csv.body());
        assertTrue(lines.contains("TIMEB,CLA,2025-09-02,2025-09-01,1,CLA_LATER,Test timely.y"), csv.body());
        assertTrue(lines.contains("TIMEA,CLA,2026-01-11,2026-01-10,1,CLA_LATER,Test timely.x"), csv.body());
        assertFalse(csv.body().contains("TIMEC"), "child protection is its own choice");
    }

    @Test
    void childProtectionConferencesAndTheOfficersOwnReviews() {
        List<String> cp = manager.get("/participation/timeliness/export.csv?year=2025-26&kind=CP").body().lines().toList();
        assertTrue(cp.contains("2025-26,3,2,1,1,50.0"), String.join("\n", cp));
        assertTrue(cp.contains("TIMEC,CP_REVIEW,2026-02-06,2026-02-05,1,CP_LATER,Test timely.y"), String.join("\n", cp));

        List<String> own = officerX.get("/participation/timeliness/export.csv?year=2025-26&kind=CLA").body().lines().toList();
        assertTrue(own.contains("2025-26,3,2,1,1,50.0"), String.join("\n", own));
        assertFalse(String.join("\n", own).contains("TIMEB"), "another officer's child is not listed");
    }

    @Test
    void thePageShowsTheHeadlineTheTablesAndTheBookedLateReviews() {
        WebClient.Page page = manager.get("/participation/timeliness?year=2025-26&kind=CLA");
        assertEquals(200, page.status());
        assertTrue(page.header("cache-control").contains("no-store"));
        assertTrue(page.body().contains("33.3% of assessed reviews in 2025-26 were on time (1 of 3)."), page.body());
        assertTrue(page.body().contains("Late reviews (2)"));
        assertTrue(page.body().contains("TIMEB"));

        WebClient.Page now = manager.get("/participation/timeliness?kind=CLA");
        assertTrue(now.body().contains("Booked after their due date (1)"), "TIMED's next review is booked a month late");
        assertTrue(now.body().contains("TIMED"));
    }

    /** The late tables are shown only when something is late (th:unless beside th:replace used to be ignored). */
    @Test
    void theLateTablesAppearOnlyWhenSomethingIsLate() {
        WebClient.Page nothingLate = officerX.get("/participation/timeliness?year=2025-26&kind=CP");
        assertEquals(200, nothingLate.status());
        assertTrue(nothingLate.body().contains("Late reviews (0)"), nothingLate.body());
        assertFalse(nothingLate.body().contains("Reviews held after their due date"), "no empty table of late reviews");
        assertFalse(nothingLate.body().contains("Upcoming reviews booked after their due date"), "no empty table of booked-late reviews");

        WebClient.Page late = manager.get("/participation/timeliness?year=2025-26&kind=CLA");
        assertTrue(late.body().contains("Reviews held after their due date"), late.body());
        WebClient.Page bookedLate = officerX.get("/participation/timeliness?kind=CLA");
        assertTrue(bookedLate.body().contains("Upcoming reviews booked after their due date"), bookedLate.body());
    }

    @Test
    void badChoicesAreBadRequests() {
        assertEquals(400, manager.get("/participation/timeliness?year=0999-00").status());
        assertEquals(400, manager.get("/participation/timeliness?kind=EVERYTHING").status());
    }
}
