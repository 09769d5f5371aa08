package org.myview.participation;

import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.myview.support.ReviewFixtures;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two children's forms sent in the same month for the same review type change the same roll-up groups (mrmv_monthly,
 * forms_read_monthly). Before V188 the second send waited on the first one's group row until it committed; now each
 * send only appends deltas, so it completes while the first is still open, and so does a send while a fold is open.
 * The figures stay equal to the direct query throughout.
 */
@MicronautTest(transactional = false)
class RollupSendsDoNotWaitTest {

    @Inject
    ApplicationContext context;
    @Inject
    ParticipationRepository repository;

    @Test
    void aSecondSendForAnotherChildDoesNotWaitForTheFirstOrForAFold() throws Exception {
        LocalDate reviewDate = LocalDate.now().plusMonths(2).withDayOfMonth(10);
        LocalDate dob = LocalDate.of(2012, 3, 4);
        long[] forms = new long[3];
        for (int i = 0; i < forms.length; i++) {
            long child = ReviewFixtures.child(context, "WAIT" + i, null, dob);
            long review = ReviewFixtures.review(context, child, "CLA", reviewDate, null);
            forms[i] = form(review, i);
        }
        try (Connection first = ReviewFixtures.connection(context); Connection second = ReviewFixtures.connection(context)) {
            first.setAutoCommit(false);
            send(first, forms[0]); // open: holds whatever a send holds until commit

            long started = System.nanoTime();
            CompletableFuture.runAsync(() -> sendAndCommit(second, forms[1])).get(10, TimeUnit.SECONDS);
            long waitedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            first.commit();
            assertTrue(waitedMs < 2000, "the second send waited " + waitedMs + " ms");

            // A fold holding the groups' base rows (its transaction open) does not hold up a send either.
            try (Statement s = first.createStatement()) {
                s.execute("select rollup_fold(1000)");
            }
            started = System.nanoTime();
            CompletableFuture.runAsync(() -> sendAndCommit(second, forms[2])).get(10, TimeUnit.SECONDS);
            waitedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            first.commit();
            assertTrue(waitedMs < 2000, "the send behind a fold waited " + waitedMs + " ms");
        }
        try (Connection c = ReviewFixtures.connection(context)) {
            assertEquals(rows(c, MrmvRollupConsistencyTest.DIRECT), rows(c, MrmvRollupConsistencyTest.ROLLUP));
            assertEquals(3, ReviewFixtures.count(context, "select coalesce(sum(held), 0) from mrmv_monthly_now where month = '"
                    + reviewDate.withDayOfMonth(1) + "' and review_type = 'CLA' and channel = 'ONLINE_FORM'"));
            assertEquals(3, ReviewFixtures.count(context, "select coalesce(sum(sent), 0) from forms_read_monthly_now where month = '"
                    + reviewDate.withDayOfMonth(1) + "' and review_type = 'CLA'"));
            repository.foldRollups(1000);
            assertEquals(rows(c, MrmvRollupConsistencyTest.DIRECT), rows(c, MrmvRollupConsistencyTest.ROLLUP_BASE));
        }
    }

    private long form(long review, int i) {
        ReviewFixtures.execute(context, "insert into consultation_link (review_id, token_hash, expires_at) values (" + review
                + ", '\\x" + String.format("7761%04x", i) + "', now() + interval '30 days')");
        ReviewFixtures.execute(context, "insert into consultation (link_id, review_id, definition_id) select id, review_id, 'test' "
                + "from consultation_link where review_id = " + review);
        return ReviewFixtures.count(context, "select id from consultation where review_id = " + review);
    }

    private static void send(Connection c, long form) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("update consultation set sent_at = now() where id = " + form);
        }
    }

    private static void sendAndCommit(Connection c, long form) {
        try {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("set local lock_timeout = '5s'"); // a wait fails the test instead of hanging it
            }
            send(c, form);
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> rows(Connection c, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getInt(3) + " " + rs.getString(5) + " "
                        + rs.getBoolean(4) + " " + rs.getLong(6) + " " + rs.getLong(7) + " " + rs.getLong(8));
            }
        }
        return rows;
    }
}
