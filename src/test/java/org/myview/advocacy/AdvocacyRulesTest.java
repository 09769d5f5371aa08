package org.myview.advocacy;

import org.junit.jupiter.api.Test;
import org.myview.web.FormFields;
import org.myview.web.FormResult;

import java.time.Instant;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rules of recording a referral's progress and the lead's monthly entry, without the database. */
class AdvocacyRulesTest {

    static final LocalDate ASKED = LocalDate.of(2026, 3, 10);
    static final LocalDate TODAY = LocalDate.of(2026, 3, 12);

    private static AdvocacyRepository.Row referral(String service, LocalDate referredOn, String outcome, LocalDate outcomeOn, LocalDate closedOn) {
        return new AdvocacyRepository.Row(1, 2, 3, "REF", "Robin", "CLA", LocalDate.of(2026, 3, 20), 4L, "Officer",
                Instant.parse("2026-03-10T10:00:00Z"), service, service != null && service.equals("OTHER") ? "Local advocacy" : null,
                referredOn, outcome, outcomeOn, closedOn);
    }

    private static FormResult<ReferralProgressForm.Step> check(AdvocacyRepository.Row row, String step, String service, String other, int day) {
        return FormFields.clean(new ReferralProgressForm(step, service, other, String.valueOf(day), "3", "2026")).check(row, ASKED, TODAY);
    }

    private static String error(FormResult<?> result) {
        return result.errors().first().map(e -> e.key()).orElse("none");
    }

    @Test
    void aReferralNamesItsServiceAndADateBetweenTheRequestAndToday() {
        AdvocacyRepository.Row waiting = referral(null, null, null, null, null);
        assertTrue(check(waiting, "REFERRED", "NYAS", "", 10).isValid(), "on the day the child asked");
        assertTrue(check(waiting, "REFERRED", "NYAS", "", 12).isValid(), "today");
        assertEquals("advocacy.error.dateRange", error(check(waiting, "REFERRED", "NYAS", "", 9)), "the day before the child asked");
        assertEquals("advocacy.error.dateRange", error(check(waiting, "REFERRED", "NYAS", "", 13)), "tomorrow");
        assertEquals("advocacy.error.date", error(check(waiting, "REFERRED", "NYAS", "", 32)));
        assertEquals("advocacy.error.service", error(check(waiting, "REFERRED", "", "", 10)));
        assertEquals("advocacy.error.otherMissing", error(check(waiting, "REFERRED", "OTHER", "", 10)));
        assertEquals("advocacy.error.otherTooLong", error(check(waiting, "REFERRED", "OTHER", "x".repeat(101), 10)));
        ReferralProgressForm.Step other = check(waiting, "REFERRED", "OTHER", " Local advocacy ", 11).value();
        assertEquals("OTHER", other.service());
        assertEquals("Local advocacy", other.otherService());
        assertEquals(null, check(waiting, "REFERRED", "NYAS", "typed anyway", 11).value().otherService(), "only another service has a name");
        assertEquals("advocacy.error.step", error(check(waiting, "", "", "", 10)));
        assertEquals("advocacy.error.step", error(check(waiting, "DELETED", "", "", 10)));
    }

    @Test
    void anOutcomeNeedsAReferralAndComesOnOrAfterIt() {
        assertEquals("advocacy.error.notReferred", error(check(referral(null, null, null, null, null), "ACCEPTED", "", "", 11)));
        AdvocacyRepository.Row referred = referral("NYAS", LocalDate.of(2026, 3, 11), null, null, null);
        assertEquals("advocacy.error.beforeReferral", error(check(referred, "DECLINED", "", "", 10)));
        assertTrue(check(referred, "DECLINED", "", "", 11).isValid(), "on the day of the referral");
        assertTrue(check(referred, "ACCEPTED", "", "", 12).isValid());
        AdvocacyRepository.Row answered = referral("NYAS", LocalDate.of(2026, 3, 11), "ACCEPTED", LocalDate.of(2026, 3, 12), null);
        assertEquals("advocacy.error.hasOutcome", error(check(answered, "REFERRED", "NYAS", "", 12)));
        assertTrue(check(answered, "CLOSED", "", "", 12).isValid());
        assertTrue(check(referral(null, null, null, null, null), "CLOSED", "", "", 10).isValid(), "a child who changed their mind");
        AdvocacyRepository.Row closed = referral("NYAS", LocalDate.of(2026, 3, 11), null, null, LocalDate.of(2026, 3, 12));
        assertEquals("advocacy.error.closed", error(check(closed, "ACCEPTED", "", "", 12)));
        assertEquals("CLOSED", closed.status());
        assertEquals("ACCEPTED", answered.status());
        assertEquals("REFERRED", referred.status());
        assertEquals("WAITING", referral(null, null, null, null, null).status());
    }

    @Test
    void theMonthlyEntryTakesAMonthThatHasBegunAndWholeNumbers() {
        java.time.YearMonth march = java.time.YearMonth.of(2026, 3);
        assertTrue(FormFields.clean(new MonthEntryForm("2026-03", "12", "0")).check(march).isValid());
        assertEquals(12, FormFields.clean(new MonthEntryForm("2026-02", " 12 ", "9")).check(march).value().issueBased());
        assertEquals("advocacy.month.error.month", error(FormFields.clean(new MonthEntryForm("2026-04", "1", "1")).check(march)));
        assertEquals("advocacy.month.error.month", error(FormFields.clean(new MonthEntryForm("March", "1", "1")).check(march)));
        assertEquals("advocacy.month.error.issueBased", error(FormFields.clean(new MonthEntryForm("2026-03", "-1", "1")).check(march)));
        assertEquals("advocacy.month.error.issueBased", error(FormFields.clean(new MonthEntryForm("2026-03", "1.5", "1")).check(march)));
        assertEquals("advocacy.month.error.rightsSessions", error(FormFields.clean(new MonthEntryForm("2026-03", "1", "10001")).check(march)));
        assertTrue(FormFields.clean(new MonthEntryForm("2026-03", "10000", "0")).check(march).isValid());
        assertFalse(FormFields.clean(new MonthEntryForm(null, null, null)).check(march).isValid());
    }

    @Test
    void theSeedsNyasTableComesOutAsTheTrustReportedIt() {
        // Seed 004: issue-based advocacy 12, 11, 16 in Q1 = 39, "39%" of the annual target (25 a quarter).
        var year = new org.myview.participation.FinancialYear(2020);
        java.util.Map<AdvocacyFigures.Row, java.util.Map<java.time.YearMonth, Long>> counts = new java.util.EnumMap<>(AdvocacyFigures.Row.class);
        counts.put(AdvocacyFigures.Row.ISSUE_BASED, java.util.Map.of(java.time.YearMonth.of(2020, 4), 12L, java.time.YearMonth.of(2020, 5), 11L,
                java.time.YearMonth.of(2020, 6), 16L));
        counts.put(AdvocacyFigures.Row.RIGHTS_SESSIONS, java.util.Map.of(java.time.YearMonth.of(2020, 4), 9L, java.time.YearMonth.of(2020, 5), 8L,
                java.time.YearMonth.of(2020, 6), 1L));
        counts.put(AdvocacyFigures.Row.REFERRED_NYAS, java.util.Map.of(java.time.YearMonth.of(2020, 4), 10L, java.time.YearMonth.of(2020, 5), 10L,
                java.time.YearMonth.of(2020, 6), 5L, java.time.YearMonth.of(2020, 7), 21L));
        AdvocacyFigures f = AdvocacyFigures.of(year, java.time.YearMonth.of(2020, 11), counts, java.math.BigDecimal.valueOf(25),
                java.math.BigDecimal.valueOf(5), null);
        assertEquals(39L, f.quarters().get(AdvocacyFigures.Row.ISSUE_BASED).get(0));
        assertEquals(39L, f.totals().get(AdvocacyFigures.Row.ISSUE_BASED));
        assertEquals(39, f.percentOfAnnualTarget().get(AdvocacyFigures.Row.ISSUE_BASED).getAsInt());
        assertEquals(18L, f.totals().get(AdvocacyFigures.Row.RIGHTS_SESSIONS));
        assertTrue(f.percentOfAnnualTarget().get(AdvocacyFigures.Row.RIGHTS_SESSIONS).isEmpty(), "rights sessions: N/A");
        assertEquals(null, f.values().get(AdvocacyFigures.Row.ISSUE_BASED).get(3), "July not entered");
        assertEquals(0L, f.values().get(AdvocacyFigures.Row.REQUESTED).get(7), "November has begun: none is 0");
        assertEquals(null, f.values().get(AdvocacyFigures.Row.REQUESTED).get(8), "December has not");
        // Referrals to NYAS: Q1 25 meets the target; Q2 21 is 4 short, within 5; Q3 (so far) 0, down; Q4 not begun.
        assertEquals(java.util.List.of("GREEN", "AMBER", "RED", "GREY"), f.ratings().stream().map(r -> r.rag().name()).toList());
        assertEquals(46, f.percentOfAnnualTarget().get(AdvocacyFigures.Row.REFERRED_NYAS).getAsInt(), "46 of 100");
    }
}
