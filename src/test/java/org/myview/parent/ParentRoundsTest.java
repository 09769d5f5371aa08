package org.myview.parent;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.myview.support.MutableClock;
import org.myview.support.ReviewFixtures;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rounds against the real database: which plans are due on the boundary days, a round's links and
 * messages written together, follow-ups for "no", the repeat 6 months on, and retention.
 */
@MicronautTest(transactional = false)
@Property(name = "test.mutable-clock", value = "true")
@Property(name = "myview.notify.sender-enabled", value = "false")
@Property(name = "myview.parent.jobs-enabled", value = "false")
@Property(name = "myview.parent.public-url", value = "https://myview.example.org/")
class ParentRoundsTest {

    /** 30 November 2026, midday in London. */
    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);

    @Inject
    ApplicationContext context;
    @Inject
    MutableClock clock;
    @Inject
    RoundService rounds;
    @Inject
    ParentFormService forms;

    @BeforeEach
    void fresh() {
        clock.set(NOW);
        ParentFixtures.clear(context);
    }

    @Test
    void plansOpenExactlyThreeAndExactlySixMonthsAreDueAndTheDaysOutsideAreNot() {
        ParentFixtures.plan(context, "THREE", LocalDate.of(2026, 8, 30), null, "Alex", "alex@example.org");
        ParentFixtures.plan(context, "THREE-MINUS-1", LocalDate.of(2026, 9, 1), null, "Bo", "bo@example.org");
        ParentFixtures.plan(context, "SIX", LocalDate.of(2026, 5, 30), null, "Cam", "cam@example.org");
        ParentFixtures.plan(context, "SIX-PLUS-1", LocalDate.of(2026, 5, 29), null, "Dee", "dee@example.org");
        ParentFixtures.plan(context, "ENDED", LocalDate.of(2026, 7, 1), LocalDate.of(2026, 11, 29), "Eve", "eve@example.org");
        ParentFixtures.plan(context, "ENDS-TODAY", LocalDate.of(2026, 7, 1), TODAY, "Fin", "fin@example.org");

        assertEquals(Set.of("THREE", "SIX", "ENDS-TODAY"), dueReferences());
    }

    @Test
    void startingARoundWritesEachLinkWithItsMessageAndAPlanIsNotAskedTwiceInARound() {
        ParentFixtures.plan(context, "P1", LocalDate.of(2026, 8, 1), null, "Alex", "alex@example.org");
        ParentFixtures.plan(context, "P1", LocalDate.of(2026, 8, 1), null, "Sam", "sam@example.org"); // second parent
        ParentFixtures.plan(context, "P2", LocalDate.of(2026, 7, 1), null, "Jo", "07700 900 982");

        long audited = ReviewFixtures.count(context, "select count(*) from audit_event where action = 'PARENT_ROUND_STARTED'");
        assertEquals(3, rounds.sendToDuePlans(ParentFixtures.lead(context)));

        assertEquals(3, ReviewFixtures.count(context, "select count(*) from parent_invitation where kind = 'FIRST'"));
        assertEquals(3, ReviewFixtures.count(context, "select count(*) from notification_outbox where template_key = 'parent-invitation'"));
        assertEquals(1, ReviewFixtures.count(context, "select count(*) from notification_outbox where channel = 'SMS' and recipient = '07700900982'"));
        assertEquals(0, ReviewFixtures.count(context, "select count(*) from notification_outbox where personalisation - 'name' - 'link' - 'subject' - 'message' <> '{}'::jsonb "
                        + "or personalisation->>'message' <> 'Hello ' || (personalisation->>'name') || '. We would like to know what you think about the help "
                        + "your family gets. It takes about 5 minutes. Open this link: ' || (personalisation->>'link')"),
                "a message carries a greeting and a link in fixed words (i18n/link.properties), nothing else");
        assertTrue(ParentFixtures.links(context, "FIRST").stream().allMatch(l -> l.matches("https://myview\\.example\\.org/parent/link/[A-Za-z0-9_-]{22}")));
        assertEquals(0, ReviewFixtures.count(context, "select count(*) from parent_invitation i join notification_outbox o on o.subject_id = i.id "
                + "where position(encode(i.token_hash, 'hex') in o.personalisation->>'link') > 0"), "only the hash is stored with the invitation");

        assertEquals(Set.of(), dueReferences(), "asked in this round: no longer due");
        assertEquals(0, rounds.sendToDuePlans(ParentFixtures.lead(context)), "pressing again sends nothing");
        assertEquals(audited + 2, ReviewFixtures.count(context, "select count(*) from audit_event where action = 'PARENT_ROUND_STARTED'"),
                "each press is audited");
    }

    @Test
    void onlyParentsWhoSaidNoGetAFollowUpAndOnlyOnceTheDelayHasPassed() {
        ParentFixtures.plan(context, "F1", LocalDate.of(2026, 8, 1), null, "No", "no@example.org");
        ParentFixtures.plan(context, "F2", LocalDate.of(2026, 8, 1), null, "Yes", "yes@example.org");
        ParentFixtures.plan(context, "F3", LocalDate.of(2026, 8, 1), null, "Partly", "partly@example.org");
        ParentFixtures.plan(context, "F4", LocalDate.of(2026, 8, 1), null, "Silent", "silent@example.org");
        rounds.sendToDuePlans(ParentFixtures.lead(context));
        answer("no@example.org", "NO");
        answer("yes@example.org", "YES");
        answer("partly@example.org", "PARTLY");

        clock.set(NOW.plus(Duration.ofDays(27)));
        assertEquals(0, rounds.sendFollowUps(), "27 days on: not yet");
        clock.set(NOW.plus(Duration.ofDays(28)));
        assertEquals(1, rounds.sendFollowUps(), "28 days on: the parent who said no");
        assertEquals(0, rounds.sendFollowUps(), "and only once");
        assertEquals(1, ReviewFixtures.count(context, "select count(*) from notification_outbox where template_key = 'parent-follow-up' "
                + "and recipient = 'no@example.org'"));
    }

    @Test
    void aRoundRepeatsSixMonthsAfterItStartedAskingTheSameParentsAgainAndNewlyDuePlans() {
        ParentFixtures.plan(context, "R1", LocalDate.of(2026, 8, 1), null, "Again", "again@example.org");
        ParentFixtures.plan(context, "R2", LocalDate.of(2026, 8, 1), LocalDate.of(2027, 1, 31), "Ended", "ended@example.org");
        rounds.sendToDuePlans(ParentFixtures.lead(context));

        clock.set(Instant.parse("2027-05-29T12:00:00Z"));
        assertEquals(-1, rounds.repeatIfDue(), "the day before 6 months");
        ParentFixtures.plan(context, "R3", LocalDate.of(2027, 2, 1), null, "New", "new@example.org");

        clock.set(Instant.parse("2027-05-30T12:00:00Z"));
        assertEquals(2, rounds.repeatIfDue(), "R1 again (still open) and R3 (newly due); not R2 (ended)");
        assertEquals(-1, rounds.repeatIfDue(), "one repeat, even when asked twice");
        assertEquals(2, ReviewFixtures.count(context, "select count(*) from parent_round"));
        assertEquals(Set.of("R1", "R3"), invitedIn(2));
    }

    @Test
    void retentionErasesContactDetailsOfPlansEndedLongEnoughAgoAndKeepsTheAnswers() {
        ParentFixtures.plan(context, "OLD", LocalDate.of(2026, 7, 1), null, "Old", "old@example.org");
        ParentFixtures.plan(context, "RECENT", LocalDate.of(2026, 7, 1), null, "Recent", "recent@example.org");
        ParentFixtures.plan(context, "OPEN", LocalDate.of(2026, 7, 1), null, "Open", "open@example.org");
        rounds.sendToDuePlans(ParentFixtures.lead(context));
        answer("old@example.org", "NO");
        // Retention is 90 days after the end (the default): OLD ended exactly 90 days before the day it runs, RECENT 89.
        clock.set(Instant.parse("2027-03-01T12:00:00Z"));
        ReviewFixtures.execute(context, "update parent_plan set end_date = date '2026-12-01' where plan_reference = 'OLD'");
        ReviewFixtures.execute(context, "update parent_plan set end_date = date '2026-12-02' where plan_reference = 'RECENT'");

        assertEquals(1, rounds.eraseExpiredContacts());

        assertEquals(Set.of("Recent", "Open"), names());
        assertEquals(1, ReviewFixtures.count(context, "select count(*) from parent_contact where erased_at is not null "
                + "and greeting_name is null and email is null and mobile is null"));
        assertEquals(1, ReviewFixtures.count(context, "select count(*) from parent_response where understand_why = 'NO'"), "answers are kept");
        assertEquals(0, rounds.sendFollowUps(), "no follow-up to an erased parent");
        assertEquals(0, rounds.eraseExpiredContacts(), "nothing more to erase");
    }

    @Test
    void aPlanWithNoEndDateKeepsItsParentsDetailsAYearAfterTheCouncilLastConfirmedItThenTheyAreErased() {
        ParentFixtures.plan(context, "STALE", LocalDate.of(2026, 8, 1), null, "Stale", "stale@example.org");
        ParentFixtures.plan(context, "CONFIRMED", LocalDate.of(2026, 8, 1), null, "Confirmed", "confirmed@example.org");
        rounds.sendToDuePlans(ParentFixtures.lead(context));
        answer("stale@example.org", "YES");
        // Two hundred days on, the council's import lists CONFIRMED again (still open); nobody mentions STALE.
        clock.set(NOW.plus(Duration.ofDays(200)));
        ParentFixtures.plan(context, "CONFIRMED", LocalDate.of(2026, 8, 1), null, "Confirmed", "confirmed@example.org");

        // The default: 365 days after the plan was last entered or imported.
        clock.set(NOW.plus(Duration.ofDays(365)).minusSeconds(60));
        assertEquals(0, rounds.eraseExpiredContacts(), "a minute before a year: kept");
        assertEquals(Set.of("Stale", "Confirmed"), names());

        clock.set(NOW.plus(Duration.ofDays(365)).plusSeconds(60));
        assertEquals(1, rounds.eraseExpiredContacts());
        assertEquals(Set.of("Confirmed"), names(), "confirmed 165 days ago: kept");
        assertEquals(0, ReviewFixtures.count(context, "select count(*) from parent_contact where email = 'stale@example.org' "
                + "or greeting_name = 'Stale'"));
        assertEquals(1, ReviewFixtures.count(context, "select count(*) from parent_response where understand_why = 'YES'"), "answers are kept");
        assertEquals(0, rounds.eraseExpiredContacts(), "each parent once");
        assertEquals(1, ReviewFixtures.count(context, "select count(*) from audit_event where action = 'RETENTION_ERASED' "
                + "and subject_type = 'parent_contact' and (detail->>'openPlans')::int = 1 and (detail->>'rows')::int = 1"));
        assertEquals(0, ReviewFixtures.count(context, "select count(*) from audit_event where action = 'RETENTION_ERASED' "
                + "and cast(detail as text) like '%stale%'"), "counts, never content");

        clock.set(NOW.plus(Duration.ofDays(200 + 365)).plusSeconds(60));
        assertEquals(1, rounds.eraseExpiredContacts(), "a year after its last confirmation, CONFIRMED goes too");
        assertEquals(Set.of(), names());
    }

    private void answer(String email, String understandWhy) {
        long id = ReviewFixtures.count(context, "select i.id from parent_invitation i join parent_contact k on k.id = i.contact_id "
                + "where k.email = '" + email + "' and i.kind = 'FIRST'");
        forms.answer(id, ParentQuestions.FIRST.get(0), List.of(understandWhy), null);
        assertTrue(forms.submit(id));
    }

    private Set<String> dueReferences() {
        return rounds.overview().due().stream().map(ParentRepository.Plan::reference).collect(Collectors.toSet());
    }

    private Set<String> invitedIn(int round) {
        return query("select p.plan_reference from parent_invitation i join parent_plan p on p.id = i.plan_id join parent_round r on r.id = i.round_id "
                + "where r.round_number = " + round);
    }

    private Set<String> names() {
        return query("select greeting_name from parent_contact where greeting_name is not null");
    }

    private Set<String> query(String sql) {
        try (var c = ReviewFixtures.connection(context); var s = c.createStatement(); var rs = s.executeQuery(sql)) {
            Set<String> values = new java.util.HashSet<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

}
