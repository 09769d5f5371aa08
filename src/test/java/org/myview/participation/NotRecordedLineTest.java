package org.myview.participation;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.myview.staff.Role;
import org.myview.support.MutableClock;
import org.myview.support.ReviewFixtures;
import org.myview.support.StaffFixtures;
import org.myview.support.WebClient;

import java.time.Instant;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * "N reviews held in this year are not recorded yet" on the dashboard, with the officer, type and age band
 * filters together. It once counted 0 for every officer (the officer's id was bound where the age went).
 */
@MicronautTest(transactional = false)
@Property(name = "test.mutable-clock", value = "true")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotRecordedLineTest {

    private static final Pattern LINE = Pattern.compile("(\\d+) reviews held in this year are not recorded yet");

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext context;
    @Inject
    MutableClock clock;

    long one;
    long two;

    @BeforeAll
    void load() {
        clock.set(Instant.parse("2025-11-20T10:00:00Z")); // 2025-26, part way through
        one = StaffFixtures.account(context, "unrec.one", Role.REVIEWING_OFFICER);
        two = StaffFixtures.account(context, "unrec.two", Role.REVIEWING_OFFICER);
        StaffFixtures.account(context, "unrec.manager", Role.SERVICE_MANAGER);
        // Officer one, held and not recorded: CLA aged 9, CLA aged 9, CLA aged 14, CP review aged 9.
        held("UR1", 9, "CLA", LocalDate.of(2025, 5, 12), one);
        held("UR2", 10, "CLA", LocalDate.of(2025, 9, 3), one);
        held("UR3", 14, "CLA", LocalDate.of(2025, 6, 1), one);
        held("UR4", 9, "CP_REVIEW", LocalDate.of(2025, 7, 7), one);
        // Officer one, not counted: recorded, not held yet (after today), or in the year before.
        long recorded = held("UR5", 9, "CLA", LocalDate.of(2025, 6, 2), one);
        ReviewFixtures.execute(context, "insert into review_participation (review_id, pn_code) values (" + recorded + ", 'PN1')");
        held("UR6", 9, "CLA", LocalDate.of(2025, 12, 1), one);
        held("UR7", 9, "CLA", LocalDate.of(2025, 3, 31), one);
        // Officer two: one CLA aged 9; and one review nobody holds, aged 9.
        held("UR8", 9, "CLA", LocalDate.of(2025, 8, 8), two);
        held("UR9", 9, "CLA", LocalDate.of(2025, 8, 9), null);
    }

    private long held(String reference, int age, String type, LocalDate date, Long officer) {
        long child = ReviewFixtures.child(context, reference, "Child", date.minusYears(age).minusDays(40));
        return ReviewFixtures.review(context, child, type, date, officer);
    }

    @Test
    void anOfficerSeesTheirOwnHeldReviewsNotRecordedByTypeAndBand() {
        WebClient officer = signedIn("unrec.one");

        assertEquals(3, notRecorded(officer, "/participation?year=2025-26&type=CLA"), "CLA aged 9, 10 and 14");
        assertEquals(2, notRecorded(officer, "/participation?year=2025-26&type=CLA&band=8-11"), "CLA aged 9 and 10");
        assertEquals(1, notRecorded(officer, "/participation?year=2025-26&type=CLA&band=12-15"), "CLA aged 14");
        assertEquals(4, notRecorded(officer, "/participation?year=2025-26&type=ALL"), "with the CP review");
        assertEquals(3, notRecorded(officer, "/participation?year=2025-26&type=ALL&band=8-11"), "aged 9 and 10, CLA and CP");
        assertEquals(0, notRecorded(officer, "/participation?year=2025-26&type=CLA&band=4-7"), "no child of 4 to 7");
        assertEquals(1, notRecorded(officer, "/participation?year=2024-25&type=CLA"), "31 March 2025 belongs to 2024-25");
    }

    @Test
    void anOfficerNeverCountsAnotherOfficersReviews() {
        assertEquals(1, notRecorded(signedIn("unrec.two"), "/participation?year=2025-26&type=CLA&band=8-11"));
        // An officer asking for someone else's figures still gets their own.
        assertEquals(1, notRecorded(signedIn("unrec.two"), "/participation?year=2025-26&type=CLA&officer=unrec.one"));
    }

    @Test
    void theManagerSeesEveryOfficerOrOneOfficerWithTheSameFilters() {
        WebClient manager = signedIn("unrec.manager");

        assertEquals(5, notRecorded(manager, "/participation?year=2025-26&type=CLA"), "3 + 1 + 1 nobody holds");
        assertEquals(4, notRecorded(manager, "/participation?year=2025-26&type=CLA&band=8-11"));
        assertEquals(3, notRecorded(manager, "/participation?year=2025-26&type=CLA&officer=unrec.one"));
        assertEquals(2, notRecorded(manager, "/participation?year=2025-26&type=CLA&band=8-11&officer=unrec.one"));
        assertEquals(3, notRecorded(manager, "/participation?year=2025-26&type=ALL&band=8-11&officer=unrec.one"));
        assertEquals(1, notRecorded(manager, "/participation?year=2025-26&type=CLA&band=8-11&officer=unrec.two"));
        assertEquals(0, notRecorded(manager, "/participation?year=2025-26&type=CP_REVIEW&officer=unrec.two"));
    }

    private WebClient signedIn(String username) {
        WebClient client = new WebClient(server.getURI());
        StaffFixtures.signIn(client, username);
        return client;
    }

    /** The number in the line, or 0 when the page has no line (it shows none for 0). */
    private static long notRecorded(WebClient client, String path) {
        WebClient.Page page = client.get(path);
        assertEquals(200, page.status(), path);
        Matcher matcher = LINE.matcher(page.body());
        if (!matcher.find()) {
            assertFalse(page.body().contains("not recorded yet"), path);
            return 0;
        }
        return Long.parseLong(matcher.group(1));
    }
}
