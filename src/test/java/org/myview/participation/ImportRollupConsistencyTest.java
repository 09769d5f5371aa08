package org.myview.participation;

import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.myview.review.Ssda903Import;
import org.myview.staff.Role;
import org.myview.staff.StaffUser;
import org.myview.support.ReviewFixtures;
import org.myview.support.StaffFixtures;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The roll-ups the dashboard reads (participation_monthly, V5/V187; mrmv_monthly and forms_read, V184) equal the
 * direct queries after SSDA903 imports: a first import that adds reviews earlier than ones already held (which takes
 * "first of its type" from them), then the same children again with codes changed and more reviews.
 */
@MicronautTest(transactional = false)
class ImportRollupConsistencyTest {

    private static final DateTimeFormatter DFE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @Inject
    ApplicationContext context;
    @Inject
    Ssda903Import importer;
    @Inject
    ParticipationRepository repository;

    @Test
    void afterAnImportAndAReimportWithChangesTheRollupsEqualTheDirectQueries() throws SQLException {
        long manager = StaffFixtures.account(context, "import.rollup.manager", Role.SERVICE_MANAGER);
        long officer = StaffFixtures.account(context, "import.rollup.officer", Role.REVIEWING_OFFICER);
        StaffUser user = new StaffUser(manager, "import.rollup.manager", "Manager", Set.of(Role.SERVICE_MANAGER), null);
        // Held already: a later review of each even child, completed another way (so it counts as a first review).
        for (int i = 0; i < 40; i += 2) {
            long child = ReviewFixtures.child(context, "IRC" + i, null, dob(i));
            long review = ReviewFixtures.review(context, child, "CLA", LocalDate.of(2025, 9, 1).plusDays(i), null);
            ReviewFixtures.execute(context, "insert into views_received (review_id, channel, received_on, recorded_by) values ("
                    + review + ", 'PAPER_BOOKLET', date '2025-09-01' + " + i + ", " + officer + ")");
        }
        assertTrue(importer.importFile(user, file(0)).imported());
        assertRollupsEqualDirect();

        Ssda903Import.ImportResult again = importer.importFile(user, file(1));
        assertTrue(again.imported(), String.valueOf(again.errors()));
        assertTrue(again.participationChanged() > 0, "some codes changed");
        assertTrue(again.reviewsCreated() > 0, "some reviews added");
        assertRollupsEqualDirect();
    }

    /** Three reviews a child (more in the second file), codes that shift with {@code round}. */
    private static String file(int round) {
        StringBuilder csv = new StringBuilder("CHILD,DOB,REVIEW,REVIEW_CODE\n");
        String[] codes = {"PN1", "PN2", "PN3", "PN4", "PN5", "PN6", "PN7"};
        for (int i = 0; i < 40; i++) {
            for (int k = 0; k < 3 + round; k++) {
                LocalDate review = LocalDate.of(2024, 4, 1).plusDays(i * 3L + k * 150L);
                csv.append("IRC").append(i).append(',').append(DFE.format(dob(i))).append(',').append(DFE.format(review)).append(',')
                        .append(codes[(i + k + (i % 3 == 0 ? round : 0)) % codes.length]).append('\n');
            }
        }
        return csv.toString();
    }

    private static LocalDate dob(int child) {
        return LocalDate.of(2010, 1, 1).plusDays(child * 37L);
    }

    private void assertRollupsEqualDirect() throws SQLException {
        try (Connection c = ReviewFixtures.connection(context)) {
            List<String> direct = rows(c, MrmvRollupConsistencyTest.DIRECT);
            assertTrue(direct.stream().anyMatch(r -> r.contains("PAPER_BOOKLET")), "some completed reviews: " + direct);
            assertEquals(direct, rows(c, MrmvRollupConsistencyTest.ROLLUP));
            assertEquals(rows(c, MrmvRollupConsistencyTest.UNREAD_DIRECT), rows(c, MrmvRollupConsistencyTest.UNREAD_ROLLUP));
            assertEquals(rows(c, RollupConsistencyTest.DIRECT), rows(c, RollupConsistencyTest.ROLLUP));
        }
        // And as the dashboard reads it: the roll-up's groups equal the direct query's for the year.
        LocalDate from = LocalDate.of(2024, 4, 1);
        ParticipationRepository.Slice slice = new ParticipationRepository.Slice(from, from.plusMonths(11), new String[] {"CLA"}, 0, 200, null);
        List<String> dashboard = summed(repository.myReviewMyView(slice, LocalDate.of(2026, 1, 15)));
        assertTrue(!dashboard.isEmpty());
        assertEquals(summed(repository.myReviewMyView(from, slice.lastDay(), List.of("CLA"), 0, 200, null)), dashboard);
        assertEquals(repository.notRecorded(from, slice.lastDay(), List.of("CLA"), 0, 200, null),
                repository.notRecorded(slice, LocalDate.of(2026, 1, 15)));
    }

    private static List<String> summed(List<ParticipationRepository.MrmvGroup> groups) {
        java.util.TreeMap<String, long[]> sums = new java.util.TreeMap<>();
        for (ParticipationRepository.MrmvGroup g : groups) {
            long[] s = sums.computeIfAbsent(g.quarter() + " " + g.age() + " " + g.firstOfType() + " " + g.channel(), k -> new long[3]);
            s[0] += g.held();
            s[1] += g.formSent();
            s[2] += g.completed();
        }
        return sums.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()[0] + " " + e.getValue()[1] + " " + e.getValue()[2]).toList();
    }

    private static List<String> rows(Connection c, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(rs.getString(i)).append(' ');
                }
                rows.add(row.toString().trim());
            }
        }
        return rows;
    }
}
