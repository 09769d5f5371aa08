package org.myview.review;

import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.myview.staff.Role;
import org.myview.support.ReviewFixtures;
import org.myview.support.StaffFixtures;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * V191: who recorded or changed a review's participation is checked once per statement instead of by foreign keys
 * row by row. The rule is the one the foreign keys kept: the account must exist, and an account still named cannot
 * be deleted or renumbered. Through the service's own datasource, as the service writes.
 */
@MicronautTest(transactional = false)
class StaffReferencesTest {

    /** PostgreSQL's foreign_key_violation, as the dropped foreign keys raised. */
    private static final String FOREIGN_KEY_VIOLATION = "23503";

    @Inject
    ApplicationContext context;

    @Test
    void participationMustNameStaffAccountsThatExist() throws SQLException {
        long officer = StaffFixtures.account(context, "refs.officer", Role.REVIEWING_OFFICER);
        long child = ReviewFixtures.child(context, "REFS-1", "Refs", LocalDate.of(2014, 3, 1));
        long first = ReviewFixtures.review(context, child, "CLA", LocalDate.of(2026, 1, 10), officer);
        long second = ReviewFixtures.review(context, child, "CLA", LocalDate.of(2026, 6, 10), officer);
        long missing = officer + 1_000_000;
        try (Connection c = ReviewFixtures.connection(context); Statement s = c.createStatement()) {
            s.execute("insert into review_participation (review_id, pn_code, recorded_by, updated_by) values (%d, 'PN1', %d, %d)"
                    .formatted(first, officer, officer));
            assertRefused(s, "insert into review_participation (review_id, pn_code, recorded_by, updated_by) values (%d, 'PN1', %d, %d)"
                    .formatted(second, missing, officer));
            assertRefused(s, "insert into review_participation (review_id, pn_code, recorded_by, updated_by) values (%d, 'PN1', %d, %d)"
                    .formatted(second, officer, missing));
            assertRefused(s, "update review_participation set updated_by = %d where review_id = %d".formatted(missing, first));
            assertRefused(s, ("insert into review_participation_change (review_id, changed_by, source, new_pn_code, new_advocate,"
                    + " new_views_reached_by) values (%d, %d, 'ENTRY', 'PN1', 'NO', '{}')").formatted(first, missing));
            s.execute(("insert into review_participation_change (review_id, changed_by, source, new_pn_code, new_advocate,"
                    + " new_views_reached_by) values (%d, null, 'IMPORT', 'PN1', 'NO', '{}')").formatted(first));
        }
        assertEquals(1, ReviewFixtures.count(context, "select count(*) from review_participation where review_id = " + second + " or review_id = " + first));
        assertEquals(officer, ReviewFixtures.count(context, "select updated_by from review_participation where review_id = " + first));
    }

    @Test
    void aStaffAccountStillNamedCannotBeDeletedOrRenumbered() throws SQLException {
        long named = StaffFixtures.account(context, "refs.named", Role.REVIEWING_OFFICER);
        long child = ReviewFixtures.child(context, "REFS-2", "Refs", LocalDate.of(2015, 3, 1));
        long review = ReviewFixtures.review(context, child, "CLA", LocalDate.of(2026, 2, 10), null);
        try (Connection c = ReviewFixtures.connection(context); Statement s = c.createStatement()) {
            s.execute("insert into review_participation (review_id, pn_code, recorded_by, updated_by) values (%d, 'PN2', null, %d)"
                    .formatted(review, named));
            assertRefused(s, "delete from staff_account where id = " + named);
            assertRefused(s, "update staff_account set id = %d where id = %d".formatted(named + 1_000_000, named));
            // Other changes to a named account go through as before.
            s.execute("update staff_account set display_name = 'Renamed' where id = " + named);
        }
        assertEquals(1, ReviewFixtures.count(context, "select count(*) from staff_account where id = " + named));
    }

    private static void assertRefused(Statement s, String sql) {
        SQLException refused = assertThrows(SQLException.class, () -> s.execute(sql), sql);
        assertEquals(FOREIGN_KEY_VIOLATION, refused.getSQLState(), refused.getMessage());
    }
}
