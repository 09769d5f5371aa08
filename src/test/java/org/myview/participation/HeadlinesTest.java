package org.myview.participation;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.myview.consultation.ConcernCounts;
import org.myview.staff.Role;
import org.myview.support.HtmlChecker;
import org.myview.support.MutableClock;
import org.myview.support.ReviewFixtures;
import org.myview.support.StaffFixtures;
import org.myview.support.WebClient;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dashboard's headline cards (issue 18) from hand-built CLA reviews of one officer in 2019-20, today 15 January 2020:
 * the latest complete month is December 2019 and the latest complete quarter Q3.
 *
 * <p>April: PN1 (form sent, read). August: PN1 (form sent and read). November: PN1 (form sent and read), PN1, PN5, PN0.
 * December: PN1 (form sent, not read), PN7, PN7, PN0.
 * December: took part 1 of 3 = 33% (November 3 of 3 = 100%: down 67); under 4 1 of 4 = 25% (no change);
 * attended 1 of 3 = 33% (November 2 of 3 = 67%: down 34). Targets (CLA): took part 80 (tolerance 5): 33 is outside and
 * no better than 100, RED; attended 30: GREEN; under 4 has none.
 * Q3: My Review My View 2 of 8 held = 25% (Q2 1 of 1 = 100%: down 75); read before the review 1 of 2 = 50% (Q2 100%: down 50).
 * Beside the month, the quarter Q3 (October to December): took part 4 of 6 = 67%; under 4 2 of 8 = 25%; attended 3 of 6 = 50%.
 * Targets on the other cards: My Review My View (CLA) 50, tolerance 5: 25 is outside and no better than 100, RED; forms read
 * (CLA) 40: GREEN; concerns open (every type) at most 3: none open, GREEN.
 */
@MicronautTest(transactional = false)
@Property(name = "test.mutable-clock", value = "true")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HeadlinesTest {

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext context;
    @Inject
    MutableClock clock;
    @Inject
    ConcernCounts concerns;

    private long officer;
    private int children;

    @BeforeAll
    void load() {
        clock.set(Instant.parse("2020-01-15T09:00:00Z"));
        officer = StaffFixtures.account(context, "head.officer", Role.REVIEWING_OFFICER);
        StaffFixtures.account(context, "head.manager", Role.SERVICE_MANAGER);
        read(sent(review(LocalDate.of(2019, 4, 10), "PN1"), "2019-04-05T10:00:00Z"), "2019-04-06T10:00:00Z");
        read(sent(review(LocalDate.of(2019, 8, 10), "PN1"), "2019-08-05T10:00:00Z"), "2019-08-06T10:00:00Z");
        read(sent(review(LocalDate.of(2019, 11, 10), "PN1"), "2019-11-05T10:00:00Z"), "2019-11-06T10:00:00Z");
        review(LocalDate.of(2019, 11, 11), "PN1");
        review(LocalDate.of(2019, 11, 12), "PN5");
        review(LocalDate.of(2019, 11, 13), "PN0");
        sent(review(LocalDate.of(2019, 12, 10), "PN1"), "2019-12-05T10:00:00Z");
        review(LocalDate.of(2019, 12, 11), "PN7");
        review(LocalDate.of(2019, 12, 12), "PN7");
        review(LocalDate.of(2019, 12, 13), "PN0");
        ReviewFixtures.execute(context, "insert into participation_target (measure, review_types, baseline, target, tolerance) "
                + "values ('PARTICIPATED', 'CLA', null, 80, 5), ('ATTENDED', 'CLA', null, 30, 0), ('MRMV_COMPLETED', 'CLA', null, 50, 5), "
                + "('FORMS_READ', 'CLA', null, 40, 0), ('CONCERNS_OPEN', 'ALL', null, 3, 0)");
    }

    @AfterAll
    void removeTargets() {
        ReviewFixtures.execute(context, "delete from participation_target where (review_types = 'CLA' and target in (80, 30, 50, 40)"
                + " and measure in ('PARTICIPATED', 'ATTENDED', 'MRMV_COMPLETED', 'FORMS_READ')) or measure = 'CONCERNS_OPEN'");
    }

    @Test
    void eachCardHasItsFigureChangeTargetAndTrend() {
        String page = page("head.manager", "/participation?year=2019-20&type=CLA&officer=head.officer");
        String took = card(page, "participated");
        assertTrue(took.contains("In December 2019"), took);
        assertTrue(took.contains("33% (1 of 3)"), took);
        assertTrue(took.contains("Down 67 points since the period before (−67)"), took);
        assertTrue(took.contains("Target 80%"), took);
        assertTrue(took.contains("RED"), took);
        assertTrue(took.contains("Nov 100%, Dec 33%"), took);
        assertTrue(took.contains("In Q3: 67% (4 of 6)"), took);
        assertTrue(took.startsWith("Participation") || took.contains("Participation, aged 4 and over"), took);

        String under = card(page, "underFour");
        assertTrue(under.contains("25% (1 of 4)"), under);
        assertTrue(under.contains("No change since the period before (0)"), under);
        assertTrue(under.contains("No target set"), under);
        assertTrue(under.contains("In Q3: 25% (2 of 8)"), under);

        String attended = card(page, "attended");
        assertTrue(attended.contains("33% (1 of 3)"), attended);
        assertTrue(attended.contains("Down 34 points since the period before (−34)"), attended);
        assertTrue(attended.contains("Target 30%"), attended);
        assertTrue(attended.contains("GREEN"), attended);
        assertTrue(attended.contains("Nov 67%, Dec 33%"), attended);
        assertTrue(attended.contains("In Q3: 50% (3 of 6)"), attended);

        String mrmv = card(page, "mrmv");
        assertTrue(mrmv.contains("In Q3"), mrmv);
        assertTrue(mrmv.contains("25% (2 of 8)"), mrmv);
        assertTrue(mrmv.contains("Down 75 points since the period before (−75)"), mrmv);
        assertTrue(mrmv.contains("Target 50%"), mrmv);
        assertTrue(mrmv.contains("RED"), mrmv);
        assertTrue(!mrmv.contains("In Q3:"), "a quarterly card has no second quarter figure: " + mrmv);

        String read = card(page, "formsRead");
        assertTrue(read.contains("50% (1 of 2)"), read);
        assertTrue(read.contains("Down 50 points since the period before (−50)"), read);
        assertTrue(read.contains("Target 40%"), read);
        assertTrue(read.contains("GREEN"), read);

        String open = card(page, "concerns");
        long now = concerns.of(YearMonth.of(2020, 1)).openAtEnd();
        assertTrue(open.contains("Now " + now + " "), open);
        assertTrue(open.contains("Whole service"), open);
        assertEquals(0, now, "no concerns in this test's database");
        assertTrue(open.contains("Target at most 3"), open);
        assertTrue(open.contains("GREEN"), open);

        assertEquals(List.of(), HtmlChecker.errors(page));
        assertTrue(page.indexOf("id=\"headlines\"") > page.indexOf("</form>"), "right after the filters");
        assertTrue(page.indexOf("id=\"headlines\"") < page.indexOf("id=\"table-heading\""), "before the detail");
    }

    @Test
    void theTargetsTableRatesTheNewMeasuresByQuarter() {
        String page = page("head.manager", "/participation?year=2019-20&type=CLA");
        // Every officer's CLA reviews (only head.officer's here): Q4 has begun but has no reviews, so Q3 is the latest.
        String mrmv = targetRow(page, "My Review My View completed, of reviews held");
        assertTrue(mrmv.contains("Q3: 25%"), mrmv);
        assertTrue(mrmv.contains("RED"), mrmv);
        String read = targetRow(page, "Forms read before the review, of forms sent");
        assertTrue(read.contains("Q3: 50%"), read);
        assertTrue(read.contains("GREEN"), read);
        // Concerns open at the end of the current quarter so far (January 2020): none, at most 3.
        String open = targetRow(page, "Talk-now concerns open");
        assertTrue(open.contains("Q4: 0 "), open);
        assertTrue(open.contains("GREEN"), open);
    }

    private static String targetRow(String body, String measure) {
        int start = body.indexOf(measure, body.indexOf("id=\"targets-heading\""));
        assertTrue(start >= 0, measure);
        return body.substring(start, body.indexOf("</tr>", start)).replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").trim();
    }

    @Test
    void anOfficerSeesTheSameCardsForTheirOwnReviews() {
        String page = page("head.officer", "/participation?year=2019-20&type=CLA");
        assertTrue(card(page, "participated").contains("33% (1 of 3)"));
        assertTrue(card(page, "mrmv").contains("25% (2 of 8)"));
    }

    @Test
    void atTheStartOfAYearThereIsNoEarlierFigure() {
        clock.set(Instant.parse("2019-05-10T09:00:00Z"));
        try {
            String page = page("head.manager", "/participation?year=2019-20&type=CLA&officer=head.officer");
            String took = card(page, "participated");
            assertTrue(took.contains("In April 2019"), took);
            assertTrue(took.contains("100% (1 of 1)"), took);
            assertTrue(took.contains("No earlier figure"), took);
            assertTrue(card(page, "mrmv").contains("No complete quarter yet"), card(page, "mrmv"));
        } finally {
            clock.set(Instant.parse("2020-01-15T09:00:00Z"));
        }
    }

    private String page(String user, String path) {
        WebClient client = new WebClient(server.getURI());
        StaffFixtures.signIn(client, user);
        WebClient.Page page = client.get(path);
        assertEquals(200, page.status(), page.body());
        return page.body();
    }

    /** A card's text, tags removed and whitespace collapsed. */
    private static String card(String body, String key) {
        int start = body.indexOf("data-headline=\"" + key + "\"");
        assertTrue(start >= 0, key);
        return body.substring(start, body.indexOf("</li>", start)).replaceAll("^[^>]*>", "").replaceAll("<[^>]+>", " ")
                .replace("&minus;", "−").replace("&#x2212;", "−").replaceAll("\\s+", " ").trim();
    }

    private long review(LocalDate date, String code) {
        children++;
        LocalDate dob = code.equals("PN0") ? date.minusYears(2) : date.minusYears(9);
        long child = ReviewFixtures.child(context, "HEAD" + children, "Head" + children, dob);
        long review = ReviewFixtures.review(context, child, "CLA", date, officer);
        ReviewFixtures.execute(context, "insert into review_participation (review_id, pn_code, advocate) values ("
                + review + ", '" + code + "', 'NONE')");
        return review;
    }

    private long sent(long review, String at) {
        Instant sentAt = Instant.parse(at);
        long link = ReviewFixtures.count(context, "insert into consultation_link (review_id, token_hash, created_at, expires_at) values ("
                + review + ", decode(md5(random()::text || clock_timestamp()::text), 'hex'), '" + sentAt.minusSeconds(86_400) + "', '"
                + sentAt.plusSeconds(60L * 24 * 3600) + "') returning id");
        return ReviewFixtures.count(context, "insert into consultation (link_id, review_id, definition_id, started_at, sent_at) values ("
                + link + ", " + review + ", 'consultation-8-11', '" + sentAt + "', '" + sentAt + "') returning id");
    }

    private void read(long form, String at) {
        ReviewFixtures.execute(context, "insert into consultation_first_read (consultation_id, read_by, read_at) values ("
                + form + ", " + officer + ", '" + at + "')");
    }
}
