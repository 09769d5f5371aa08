package org.myview.participation;

import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.myview.staff.Role;
import org.myview.support.ReviewFixtures;
import org.myview.support.StaffFixtures;

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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The My Review My View roll-up (V184, kept by triggers) must equal the direct query over the reviews after any
 * mix of writes: reviews added out of order (an earlier review takes "first of its type" from a later one), moved
 * to another date, type or child, deleted; links created and removed, forms sent and unsent, views received
 * recorded, changed and removed; corrected dates of birth.
 */
@MicronautTest(transactional = false)
class MrmvRollupConsistencyTest {

    /** The section's query before the roll-up, grouped by month and type too: the oracle. */
    static final String DIRECT = """
            with held as (
              select r.id, r.child_id, r.review_type, r.review_date, child_age(c.date_of_birth, r.review_date) as age
              from review r join child c on c.id = r.child_id
            ), linked as (
              select l.review_id, min(l.created_at) as first_link from consultation_link l
              join held h on h.id = l.review_id group by l.review_id
            ), sent as (
              select k.review_id, min(k.sent_at) as first_sent from consultation k
              join held h on h.id = k.review_id where k.sent_at is not null group by k.review_id
            ), each_review as (
              select h.id, h.child_id, h.review_type, h.review_date, h.age,
                l.first_link < (h.review_date + 1)::timestamp at time zone 'Europe/London' as form_sent,
                case when k.first_sent < (h.review_date + 1)::timestamp at time zone 'Europe/London' then 'ONLINE_FORM'
                  when v.received_on <= h.review_date then v.channel end as channel
              from held h left join linked l on l.review_id = h.id left join sent k on k.review_id = h.id
                left join views_received v on v.review_id = h.id
            )
            select date_trunc('month', x.review_date)::date as month, x.review_type, x.age,
              case when x.channel is null then false else not exists (select 1 from review e
                where e.child_id = x.child_id and e.review_type = x.review_type and e.review_date < x.review_date) end as first_of_type,
              coalesce(x.channel, '') as channel, count(*) as held, count(*) filter (where x.form_sent) as form_sent,
              count(*) filter (where x.channel is not null) as completed
            from each_review x
            group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5
            """;
    static final String ROLLUP = """
            select month, review_type, age, first_of_type, channel, sum(held), coalesce(sum(held) filter (where form_sent), 0),
              coalesce(sum(held) filter (where channel <> ''), 0)
            from mrmv_monthly_now group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5
            """;
    /** The base rows alone: equal to the above once every delta is folded (V188). */
    static final String ROLLUP_BASE = ROLLUP.replace("mrmv_monthly_now", "mrmv_monthly");

    @Inject
    ApplicationContext context;
    @Inject
    ParticipationRepository repository;
    @Inject
    FormsReadRepository formsRead;

    /** V190: the recompute a send runs is planned once per connection, not at every send (docs/performance.md). */
    @Test
    void theRecomputeKeepsItsGenericPlan() {
        assertEquals(1, ReviewFixtures.count(context, "select count(*) from pg_proc where proname = 'mrmv_refresh' "
                + "and 'plan_cache_mode=force_generic_plan' = any(proconfig)"));
    }

    /** The forms-read page's list of sent forms never opened, before V184: the oracle for the per-review state. */
    static final String UNREAD_DIRECT = """
            select r.id, s.first_sent from review r join child c on c.id = r.child_id
            join lateral (select min(k.sent_at) as first_sent, min(fr.read_at) as first_read
                  from consultation k left join consultation_first_read fr on fr.consultation_id = k.id
                  where k.review_id = r.id and k.sent_at is not null) s on s.first_sent is not null
            where s.first_sent < (r.review_date + 1)::timestamp at time zone 'Europe/London' and s.first_read is null
            order by r.review_date, r.id
            """;
    static final String UNREAD_ROLLUP = """
            select m.review_id, (select min(k.sent_at) from consultation k where k.review_id = m.review_id and k.sent_at is not null)
            from mrmv_review m where m.unread order by m.review_date, m.review_id
            """;

    @Test
    void theRollupEqualsTheDirectQueryAfterThousandsOfRandomWrites() throws SQLException {
        Random random = new Random(18);
        String[] types = {"CLA", "CP_INITIAL", "CP_REVIEW", "CIN"};
        String[] channels = {"PAPER_BOOKLET", "WITH_WORKER", "OTHER_APP", "LETTER_OR_DRAWING"};
        long officer = StaffFixtures.account(context, "mrmv.rollup.officer", Role.REVIEWING_OFFICER);
        long other = StaffFixtures.account(context, "mrmv.rollup.other", Role.REVIEWING_OFFICER);
        try (Connection c = ReviewFixtures.connection(context)) {
            List<Long> children = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                children.add(ReviewFixtures.child(context, "MRMV" + i, null, LocalDate.of(2008, 1, 1).plusDays(random.nextInt(6000))));
            }
            List<Long> reviews = new ArrayList<>();
            int token = 0;
            for (int step = 0; step < 2500; step++) {
                if (step % 97 == 96) {
                    // Part of the pending deltas folded now and then (V188): the figures must not move.
                    repository.foldRollups(1 + random.nextInt(40));
                }
                int action = random.nextInt(20);
                if (action < 4 || reviews.isEmpty()) {
                    // Dates in any order, so a new review is often earlier than the child's others.
                    try (PreparedStatement ps = c.prepareStatement("insert into review (child_id, review_type, review_date) values (?, ?, ?) "
                            + "on conflict do nothing returning id")) {
                        ps.setLong(1, children.get(random.nextInt(children.size())));
                        ps.setString(2, types[random.nextInt(4)]);
                        ps.setObject(3, LocalDate.of(2023, 4, 1).plusDays(random.nextInt(700)));
                        try (ResultSet rs = ps.executeQuery()) {
                            if (rs.next()) {
                                reviews.add(rs.getLong(1));
                            }
                        }
                    }
                    continue;
                }
                long review = reviews.get(random.nextInt(reviews.size()));
                // Around the review date, on both sides of midnight in London.
                String when = "(select review_date from review where id = " + review + ") + interval '" + (random.nextInt(96) - 60) + " hours'";
                try (Statement s = c.createStatement()) {
                    switch (action) {
                        case 4, 5 -> s.execute("insert into consultation_link (review_id, token_hash, created_at, expires_at) values ("
                                + review + ", '\\x" + String.format("%08x", ++token) + "', " + when + ", now() + interval '30 days')");
                        case 6 -> s.execute("insert into consultation (link_id, review_id, definition_id, sent_at) "
                                + "select l.id, l.review_id, 'test', " + when + " from consultation_link l where l.review_id = " + review
                                + " and not exists (select 1 from consultation k where k.link_id = l.id) limit 1");
                        case 7 -> s.execute("update consultation set sent_at = " + (random.nextBoolean() ? "null" : when)
                                + " where review_id = " + review);
                        case 8 -> s.execute("insert into views_received (review_id, channel, received_on, recorded_by) values (" + review
                                + ", '" + channels[random.nextInt(4)] + "', (select review_date from review where id = " + review + ") + "
                                + (random.nextInt(6) - 3) + ", " + officer + ") on conflict (review_id) do update set channel = excluded.channel, "
                                + "received_on = excluded.received_on");
                        case 9 -> s.execute("delete from views_received where review_id = " + review);
                        case 10 -> s.execute("update review set review_date = review_date + " + (random.nextInt(120) - 60)
                                + (random.nextBoolean() ? ", review_type = '" + types[random.nextInt(4)] + "'" : "")
                                + (random.nextInt(4) == 0 ? ", child_id = " + children.get(random.nextInt(children.size())) : "")
                                + " where id = " + review);
                        case 11 -> s.execute("update child set date_of_birth = date_of_birth + " + (random.nextInt(800) - 400)
                                + " where id = (select child_id from review where id = " + review + ")");
                        case 12 -> s.execute("delete from consultation_link l where l.review_id = " + review
                                + " and not exists (select 1 from consultation k where k.link_id = l.id)");
                        case 14, 18, 19 -> s.execute("insert into consultation_first_read (consultation_id, read_by, read_at) "
                                + "select k.id, " + officer + ", " + when + " from consultation k where k.review_id = " + review
                                + " and k.sent_at is not null on conflict do nothing");
                        case 15 -> s.execute("delete from consultation_first_read where consultation_id in "
                                + "(select id from consultation where review_id = " + review + ")");
                        case 16 -> s.execute("update review set reviewing_officer_id = "
                                + (random.nextInt(3) == 0 ? "null" : random.nextBoolean() ? officer : other) + " where id = " + review);
                        case 17 -> s.execute("insert into review_participation (review_id, pn_code, advocate) values (" + review
                                + ", 'PN" + random.nextInt(8) + "', 'NONE') on conflict (review_id) do nothing");
                        default -> {
                            s.execute("delete from views_received where review_id = " + review);
                            s.execute("delete from consultation where review_id = " + review);
                            s.execute("delete from consultation_link where review_id = " + review);
                            s.execute("delete from review where id = " + review);
                            reviews.remove(Long.valueOf(review));
                        }
                    }
                } catch (SQLException refused) {
                    // a move onto an existing review of the same child, type and date, or a row another table still
                    // needs: refused by the database, as it should be
                }
            }
            List<String> direct = rows(c, DIRECT);
            assertTrue(direct.size() > 100, "enough groups to mean something: " + direct.size());
            assertTrue(direct.stream().anyMatch(r -> r.contains("ONLINE_FORM true")), "completed first reviews by the online form");
            assertEquals(direct, rows(c, ROLLUP));
            assertEquals(pairs(c, UNREAD_DIRECT), pairs(c, UNREAD_ROLLUP));
            assertTrue(ReviewFixtures.count(context, "select count(*) from mrmv_monthly_delta") > 0, "some deltas still pending");
            assertTrue(ReviewFixtures.count(context, "select count(*) from consultation_first_read") > 3, "some forms read: " + ReviewFixtures.count(context, "select count(*) from consultation_first_read"));
            assertTrue(ReviewFixtures.count(context, "select count(*) from mrmv_review where form_read") > 0, "some read in time");
        }

        // And what the dashboard reads: the roll-up's groups per quarter equal the direct query's, for each filter.
        LocalDate today = LocalDate.of(2026, 12, 6);
        for (List<String> typeList : List.of(List.of("CLA"), List.of("CP_REVIEW", "CIN"), List.of(types))) {
            for (int[] ages : new int[][]{{0, 200}, {4, 10}, {11, 17}}) {
                for (LocalDate from : List.of(LocalDate.of(2023, 4, 1), LocalDate.of(2024, 4, 1))) {
                    ParticipationRepository.Slice slice = new ParticipationRepository.Slice(from, from.plusMonths(11),
                            typeList.toArray(String[]::new), ages[0], ages[1], null);
                    String what = typeList + " " + ages[0] + "-" + ages[1] + " " + from;
                    assertEquals(summed(repository.myReviewMyView(from, slice.lastDay(), typeList, ages[0], ages[1], null)),
                            summed(repository.myReviewMyView(slice, today)), what);
                    assertEquals(readGroups(formsRead.groups(from, slice.lastDay(), typeList, ages[0], ages[1], null)),
                            readGroups(formsRead.groups(from, slice.lastDay(), typeList, ages[0], ages[1], null, today)), what);
                    assertEquals(repository.notRecorded(from, slice.lastDay(), typeList, ages[0], ages[1], null),
                            repository.notRecorded(slice, today), what);
                }
            }
        }

        // Everything folded: the base rows alone now hold the same figures, no group is left at zero.
        while (repository.foldRollups(1000) > 0) {
            // until nothing is pending
        }
        try (Connection c = ReviewFixtures.connection(context)) {
            assertEquals(rows(c, DIRECT), rows(c, ROLLUP));
            assertEquals(rows(c, DIRECT), rows(c, ROLLUP_BASE));
            assertEquals(0, ReviewFixtures.count(context, "select count(*) from mrmv_monthly_delta")
                    + ReviewFixtures.count(context, "select count(*) from forms_read_monthly_delta"));
            assertEquals(0, ReviewFixtures.count(context, "select count(*) from mrmv_monthly where held <= 0")
                    + ReviewFixtures.count(context, "select count(*) from forms_read_monthly where sent < read or sent <= 0"));
        }
        for (List<String> typeList : List.of(List.of("CLA"), List.of(types))) {
            LocalDate from = LocalDate.of(2023, 4, 1);
            assertEquals(readGroups(formsRead.groups(from, from.plusYears(1).minusDays(1), typeList, 0, 200, null)),
                    readGroups(formsRead.groups(from, from.plusYears(1).minusDays(1), typeList, 0, 200, null, today)), typeList.toString());
        }
    }

    private static List<String> summed(List<ParticipationRepository.MrmvGroup> groups) {
        java.util.TreeMap<String, long[]> sums = new java.util.TreeMap<>();
        for (ParticipationRepository.MrmvGroup g : groups) {
            long[] s = sums.computeIfAbsent(g.quarter() + " " + g.age() + " " + g.firstOfType() + " " + g.channel(), k -> new long[3]);
            s[0] += g.held();
            s[1] += g.formSent();
            s[2] += g.completed();
        }
        List<String> rows = new ArrayList<>();
        sums.forEach((k, v) -> rows.add(k + " " + v[0] + " " + v[1] + " " + v[2]));
        return rows;
    }

    private static List<String> readGroups(List<FormsReadRepository.Group> groups) {
        java.util.TreeMap<String, long[]> sums = new java.util.TreeMap<>();
        for (FormsReadRepository.Group g : groups) {
            long[] s = sums.computeIfAbsent(g.quarter() + " " + g.officerId() + " " + g.officerName() + " " + g.age(), k -> new long[2]);
            s[0] += g.sent();
            s[1] += g.read();
        }
        List<String> rows = new ArrayList<>();
        sums.forEach((k, v) -> rows.add(k + " " + v[0] + " " + v[1]));
        return rows;
    }

    private static List<String> pairs(Connection c, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getLong(1) + " " + rs.getString(2));
            }
        }
        return rows;
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
