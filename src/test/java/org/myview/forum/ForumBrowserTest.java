package org.myview.forum;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.myview.consultation.ConsultationSent;
import org.myview.staff.Role;
import org.myview.support.Browser;
import org.myview.support.Browser.Device;
import org.myview.support.BrowserTest;
import org.myview.support.Browsers;
import org.myview.support.ReviewFixtures;
import org.myview.support.StaffFixtures;

import java.sql.Connection;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The forum's pages in a real browser, checked by axe (WCAG 2.2 AA and best practices): a facilitator reads the
 * figures, what children said, "You said, we did" and the printable page; the participation lead checks a
 * child's words (including the page with an error) and records a request.
 */
@BrowserTest
@MicronautTest(transactional = false)
@Property(name = "micronaut.server.port", value = "-1")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ForumBrowserTest {

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext context;
    @Inject
    ApplicationEventPublisher<ConsultationSent> events;
    @Inject
    TransactionOperations<Connection> transactions;

    private final Browsers browsers = new Browsers();
    private int round;

    @BeforeAll
    void data() {
        StaffFixtures.account(context, "browser.forum", Role.FORUM);
        StaffFixtures.account(context, "browser.lead", Role.PARTICIPATION_LEAD);
        // Last finished quarter: big groups and small ones, so the page shows numbers, percentages and "hidden".
        List<YearMonth> quarter = ForumPeriod.latest(LocalDate.now()).year().monthsOfQuarter(ForumPeriod.latest(LocalDate.now()).quarter());
        LocalDate day = quarter.get(1).atDay(10);
        int[][] loaded = {{6, 20, 1}, {9, 30, 3}, {13, 25, 0}, {17, 12, 2}}; // age, PN1, PN7
        int n = 0;
        for (int[] row : loaded) {
            for (int code = 1; code <= 2; code++) {
                for (int i = 0; i < row[code]; i++) {
                    n++;
                    long child = ReviewFixtures.child(context, "FB" + n, "Browser" + n, day.minusYears(row[0]).minusDays(20));
                    long review = ReviewFixtures.review(context, child, "CLA", day, null);
                    ReviewFixtures.execute(context, "insert into review_participation (review_id, pn_code) values (" + review + ", '"
                            + (code == 1 ? "PN1" : "PN7") + "')");
                }
            }
        }
        ReviewFixtures.execute(context, "insert into forum_quote (consultation_id, question_id, question, published_text, status) "
                + "values (1, 'q1', 'What is going well?', 'I like my new room.', 'APPROVED')");
        ReviewFixtures.execute(context, "insert into forum_action (asked, asked_on, response, status, updated_on) "
                + "values ('More activities in the holidays', date '2026-01-10', 'A summer programme is booked.', 'DONE', date '2026-03-01')");
    }

    @AfterAll
    void close() {
        browsers.close();
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(value = Device.class, names = {"DESKTOP", "PHONE", "PHONE_WITHOUT_JAVASCRIPT"})
    void aFacilitatorReadsTheForumPages(Device device) {
        Browser browser = StaffFixtures.signIn(browsers.on(device), server.getURI(), "browser.forum");
        for (String path : List.of("/forum", "/forum/said", "/forum/you-said-we-did", "/forum/print")) {
            browser.open(server.getURI().resolve(path));
            browser.assertAccessible();
            if (device.phone()) {
                browser.assertNoHorizontalScroll();
            }
        }
        browser.open(server.getURI().resolve("/forum"));
        String text = browser.pageText();
        assertTrue(text.contains("out of 10 young people took part"), text);
        assertTrue(text.contains("hidden"), "small numbers are hidden: " + text);
    }

    /** After a form's redirect the old page can still be on screen for a moment: read until the new one shows. */
    private static boolean eventually(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (condition.getAsBoolean()) {
                    return true;
                }
            } catch (org.openqa.selenium.StaleElementReferenceException navigating) {
                // the page changed while being read: read the new one
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    @ParameterizedTest(name = "on {0}")
    @EnumSource(value = Device.class, names = {"DESKTOP", "PHONE"})
    void theLeadChecksAChildsWordsAndRecordsARequest(Device device) {
        round++;
        long consultation = 100 + round;
        transactions.executeWrite(status -> {
            events.publishEvent(new ConsultationSent(consultation, true,
                    List.of(new ConsultationSent.WrittenAnswer("q1", "What worries you?", "Words to check " + round))));
            return null;
        });
        Browser browser = StaffFixtures.signIn(browsers.on(device), server.getURI(), "browser.lead");
        browser.open(server.getURI().resolve("/forum/moderation"));
        browser.assertAccessible();
        long id = ReviewFixtures.count(context, "select id from forum_quote where consultation_id = " + consultation);
        browser.open(server.getURI().resolve("/forum/moderation/" + id));
        browser.assertAccessible();
        browser.clickButton("Save decision");
        assertTrue(eventually(() -> browser.title().startsWith("Error: ")), browser.title());
        browser.assertAccessible();
        browser.choose("Approve it for Reach Out!").clickButton("Save decision");
        assertTrue(eventually(() -> browser.title().startsWith("Children")), browser.title());
        browser.waitUntilPainted();
        browser.assertAccessible();

        browser.open(server.getURI().resolve("/forum/you-said-we-did/new"));
        browser.assertAccessible();
        browser.clickButton("Save");
        assertTrue(eventually(() -> browser.title().startsWith("Error: ")), browser.title());
        browser.assertAccessible();
        browser.waitUntilPainted();
        browser.fill("asked", "A quiet room at reviews").fill("askedOn", "1/2/2026").choose("Not started").clickButton("Save");
        assertTrue(eventually(() -> browser.pageText().contains("A quiet room at reviews")), browser.currentAddress().toString());
        browser.assertAccessible();
    }
}
