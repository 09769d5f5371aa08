package org.myview.participation;

import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.myview.review.ChildAge;
import org.myview.support.ReviewFixtures;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The monthly roll-up must equal a direct count of the reviews after any mix of writes: new codes,
 * changed codes and advocates, reviews moved to another date or type, corrected dates of birth and
 * deleted reviews. The database's age function must agree with ChildAge, the Java one.
 */
@MicronautTest(transactional = false)
class RollupConsistencyTest {

    static final String DIRECT = "select date_trunc('month', r.review_date)::date, r.review_type, child_age(c.date_of_birth, r.review_date), "
            + "p.pn_code, p.advocate, count(*) from review r join child c on c.id = r.child_id "
            + "join review_participation p on p.review_id = r.id group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5";
    static final String ROLLUP = "select month, review_type, age, pn_code, advocate, reviews from participation_monthly "
            + "where reviews > 0 order by 1, 2, 3, 4, 5";

    @Inject
    ApplicationContext context;

    @Test
    void theRollupEqualsADirectCountAfterThousandsOfRandomWrites() throws SQLException {
        Random random = new Random(2026);
        String[] types = {"CLA", "CP_INITIAL", "CP_REVIEW", "CIN"};
        String[] advocates = {"NONE", "NYAS", "OTHER"};
        try (Connection c = ReviewFixtures.connection(context)) {
            List<Long> children = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                children.add(ReviewFixtures.child(context, "ROLL" + i, null, LocalDate.of(2008, 1, 1).plusDays(random.nextInt(6000))));
            }
            List<Long> reviews = new ArrayList<>();
            for (int step = 0; step < 3000; step++) {
                int action = random.nextInt(10);
                if (action < 4 || reviews.isEmpty()) {
                    long child = children.get(random.nextInt(children.size()));
                    LocalDate date = LocalDate.of(2023, 4, 1).plusDays(random.nextInt(1000));
                    try (PreparedStatement ps = c.prepareStatement("insert into review (child_id, review_type, review_date) values (?, ?, ?) "
                            + "on conflict do nothing returning id")) {
                        ps.setLong(1, child);
                        ps.setString(2, types[random.nextInt(4)]);
                        ps.setObject(3, date);
                        try (ResultSet rs = ps.executeQuery()) {
                            if (rs.next()) {
                                reviews.add(rs.getLong(1));
                            }
                        }
                    }
                    continue;
                }
                long review = reviews.get(random.nextInt(reviews.size()));
                try (Statement s = c.createStatement()) {
                    switch (action) {
                        case 4, 5, 6 -> s.execute("insert into review_participation (review_id, pn_code, advocate) values (" + review
                                + ", 'PN" + random.nextInt(8) + "', '" + advocates[random.nextInt(3)] + "') on conflict (review_id) do update "
                                + "set pn_code = excluded.pn_code, advocate = excluded.advocate");
                        case 7 -> s.execute("update review set review_date = review_date + " + (random.nextInt(90) - 45)
                                + ", review_type = '" + types[random.nextInt(4)] + "' where id = " + review
                                + " and not exists (select 1 from review o where o.child_id = review.child_id and o.id <> review.id "
                                + "and o.review_date = review.review_date + " + 0 + ")");
                        case 8 -> s.execute("update child set date_of_birth = date_of_birth + " + (random.nextInt(800) - 400)
                                + " where id = (select child_id from review where id = " + review + ")");
                        default -> {
                            s.execute("delete from review where id = " + review);
                            reviews.remove(Long.valueOf(review));
                        }
                    }
                } catch (SQLException conflict) {
                    // a move onto an existing review of the same child, type and date: refused, as it should be
                }
            }
            assertEquals(rows(c, DIRECT), rows(c, ROLLUP));
        }
    }

    @Test
    void theDatabaseAndJavaAgreeOnAChildsAgeIncludingLeapDayBirthdays() throws SQLException {
        List<LocalDate[]> pairs = new ArrayList<>();
        pairs.add(new LocalDate[]{LocalDate.of(2016, 2, 29), LocalDate.of(2020, 2, 28)});
        pairs.add(new LocalDate[]{LocalDate.of(2016, 2, 29), LocalDate.of(2020, 2, 29)});
        pairs.add(new LocalDate[]{LocalDate.of(2016, 2, 29), LocalDate.of(2021, 2, 28)});
        pairs.add(new LocalDate[]{LocalDate.of(2016, 2, 29), LocalDate.of(2021, 3, 1)});
        pairs.add(new LocalDate[]{LocalDate.of(2021, 6, 1), LocalDate.of(2025, 6, 1)});
        pairs.add(new LocalDate[]{LocalDate.of(2021, 6, 1), LocalDate.of(2025, 5, 31)});
        Random random = new Random(4);
        for (int i = 0; i < 2000; i++) {
            LocalDate dob = LocalDate.of(2000, 1, 1).plusDays(random.nextInt(9000));
            pairs.add(new LocalDate[]{dob, dob.plusDays(random.nextInt(7000))});
        }
        try (Connection c = ReviewFixtures.connection(context); PreparedStatement ps = c.prepareStatement("select child_age(?, ?)")) {
            for (LocalDate[] pair : pairs) {
                ps.setObject(1, pair[0]);
                ps.setObject(2, pair[1]);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    assertEquals(ChildAge.yearsOn(pair[0], pair[1]), rs.getInt(1), pair[0] + " on " + pair[1]);
                }
            }
        }
    }

    private static List<String> rows(Connection c, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getInt(3) + " " + rs.getString(4) + " "
                        + rs.getString(5) + " " + rs.getLong(6));
            }
        }
        return rows;
    }
}
