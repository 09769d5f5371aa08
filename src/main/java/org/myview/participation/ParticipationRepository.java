package org.myview.participation;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.myview.system.BulkSql;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures, in SQL. Service-wide figures come from the monthly roll-up (participation_monthly,
 * kept by triggers); one officer's figures come from their reviews, which are few.
 */
@Singleton
@Transactional(readOnly = true)
class ParticipationRepository {

    /** A slice of the reviews: which months, types and ages, and optionally one officer. */
    record Slice(LocalDate fromMonth, LocalDate toMonth, String[] types, int ageFrom, int ageTo, Long officerId) {
    }

    private final JdbcOperations jdbc;
    private final BulkSql sql;

    ParticipationRepository(JdbcOperations jdbc, BulkSql sql) {
        this.jdbc = jdbc;
        this.sql = sql;
    }

    /** Counts per month. */
    Map<YearMonth, Counts> byMonth(Slice slice) {
        String sql = slice.officerId() == null
                ? "select month, pn_code, advocate, sum(reviews) from participation_monthly "
                + "where month between ? and ? and review_type = any(?) and age between ? and ? group by 1, 2, 3"
                : "select date_trunc('month', r.review_date)::date, p.pn_code, p.advocate, count(*) from review r "
                + "join child c on c.id = r.child_id join review_participation p on p.review_id = r.id "
                + "where r.review_date between ? and ? and r.review_type = any(?) "
                + "and child_age(c.date_of_birth, r.review_date) between ? and ? and r.reviewing_officer_id = ? group by 1, 2, 3";
        return group(sql, slice, rs -> YearMonth.from(rs.getDate(1).toLocalDate()));
    }

    /** Counts per age in years, for the whole slice. */
    Map<Integer, Counts> byAge(Slice slice) {
        String sql = slice.officerId() == null
                ? "select age, pn_code, advocate, sum(reviews) from participation_monthly "
                + "where month between ? and ? and review_type = any(?) and age between ? and ? group by 1, 2, 3"
                : "select child_age(c.date_of_birth, r.review_date), p.pn_code, p.advocate, count(*) from review r "
                + "join child c on c.id = r.child_id join review_participation p on p.review_id = r.id "
                + "where r.review_date between ? and ? and r.review_type = any(?) "
                + "and child_age(c.date_of_birth, r.review_date) between ? and ? and r.reviewing_officer_id = ? group by 1, 2, 3";
        return group(sql, slice, rs -> rs.getInt(1));
    }

    /** Held reviews in the slice with no participation recorded yet (they are not in the figures). */
    long notRecorded(Slice slice, LocalDate today) {
        Map<String, Object> values = new HashMap<>();
        values.put("from", slice.fromMonth());
        values.put("to", slice.toMonth().plusMonths(1).minusDays(1));
        values.put("today", today);
        values.put("types", slice.types());
        values.put("ageFrom", slice.ageFrom());
        values.put("ageTo", slice.ageTo());
        values.put("officerId", slice.officerId());
        return sql.one("""
                select count(*) from review r join child c on c.id = r.child_id
                where r.review_date between :from and least(:to::date, :today::date) and r.review_type = any(:types)
                and child_age(c.date_of_birth, r.review_date) between :ageFrom and :ageTo
                and (:officerId::bigint is null or r.reviewing_officer_id = :officerId)
                and not exists (select 1 from review_participation p where p.review_id = r.id)
                """, values, rs -> rs.getLong(1));
    }

    /** One group of held reviews for My Review My View: financial quarter, age on the review date, first of its type. */
    record MrmvGroup(int quarter, int age, boolean firstOfType, long held, long formSent, long completed) {
    }

    /**
     * My Review My View in one grouped query over the held reviews of the slice (review date up to today).
     * "Before the review" means on or before the review date on the Europe/London calendar: a link or a form
     * from the day after the review onwards does not count. Each review counts once, however many links or
     * forms it had. First of its type: the child has no earlier review of the same type (as on the review page).
     */
    List<MrmvGroup> myReviewMyView(Slice slice, LocalDate today) {
        // The year's reviews once; their links and sent forms joined as per-review minima (two hash
        // joins instead of two index probes per review: about half the time at 1M reviews).
        String sql = "with held as (select r.id, r.child_id, r.review_type, r.review_date, "
                + "child_age(c.date_of_birth, r.review_date) as age from review r join child c on c.id = r.child_id "
                + "where r.review_date between ? and least(?::date, ?::date) and r.review_type = any(?) "
                + (slice.officerId() == null ? "" : "and r.reviewing_officer_id = ? ")
                + "), linked as (select l.review_id, min(l.created_at) as first_link from consultation_link l "
                + "join held h on h.id = l.review_id group by l.review_id"
                + "), sent as (select k.review_id, min(k.sent_at) as first_sent from consultation k "
                + "join held h on h.id = k.review_id where k.sent_at is not null group by k.review_id) "
                + "select (extract(month from h.review_date)::int + 8) % 12 / 3 + 1 as quarter, h.age, "
                // Only a review with a form can be a completed first review: skip the look-back for the rest.
                + "case when l.review_id is null then false else not exists (select 1 from review e "
                + "where e.child_id = h.child_id and e.review_type = h.review_type and e.review_date < h.review_date) end as first_of_type, "
                + "count(*) as held, "
                + "count(*) filter (where l.first_link < (h.review_date + 1)::timestamp at time zone 'Europe/London') as form_sent, "
                + "count(*) filter (where k.first_sent < (h.review_date + 1)::timestamp at time zone 'Europe/London') as completed "
                + "from held h left join linked l on l.review_id = h.id left join sent k on k.review_id = h.id "
                + "where h.age between ? and ? "
                + "group by 1, 2, 3";
        return jdbc.prepareStatement(sql, ps -> {
            ps.setDate(1, Date.valueOf(slice.fromMonth()));
            ps.setDate(2, Date.valueOf(slice.toMonth().plusMonths(1).minusDays(1)));
            ps.setDate(3, Date.valueOf(today));
            ps.setArray(4, ps.getConnection().createArrayOf("text", slice.types()));
            int next = 5;
            if (slice.officerId() != null) {
                ps.setLong(next++, slice.officerId());
            }
            ps.setInt(next++, slice.ageFrom());
            ps.setInt(next, slice.ageTo());
            List<MrmvGroup> groups = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    groups.add(new MrmvGroup(rs.getInt(1), rs.getInt(2), rs.getBoolean(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)));
                }
            }
            return groups;
        });
    }

    private interface Key<K> {
        K of(ResultSet rs) throws SQLException;
    }

    private <K> Map<K, Counts> group(String sql, Slice slice, Key<K> key) {
        return jdbc.prepareStatement(sql, ps -> {
            bind(ps, slice);
            Map<K, long[]> codes = new HashMap<>();
            Map<K, Long> nyas = new HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    K k = key.of(rs);
                    long reviews = rs.getLong(4);
                    codes.computeIfAbsent(k, x -> new long[8])[Integer.parseInt(rs.getString(2).substring(2))] += reviews;
                    if ("NYAS".equals(rs.getString(3))) {
                        nyas.merge(k, reviews, Long::sum);
                    }
                }
            }
            Map<K, Counts> result = new HashMap<>();
            codes.forEach((k, v) -> result.put(k, new Counts(v, nyas.getOrDefault(k, 0L))));
            return result;
        });
    }

    private static void bind(PreparedStatement ps, Slice slice) throws SQLException {
        boolean officer = slice.officerId() != null;
        ps.setDate(1, Date.valueOf(slice.fromMonth()));
        ps.setDate(2, Date.valueOf(officer ? slice.toMonth().plusMonths(1).minusDays(1) : slice.toMonth()));
        ps.setArray(3, ps.getConnection().createArrayOf("text", slice.types()));
        ps.setInt(4, slice.ageFrom());
        ps.setInt(5, slice.ageTo());
        if (officer) {
            ps.setLong(6, slice.officerId());
        }
    }

    /** A target as stored. */
    record TargetRow(long id, Measure measure, ReviewTypeFilter types, BigDecimal baseline, BigDecimal target, BigDecimal tolerance) {
    }

    List<TargetRow> targets() {
        return jdbc.prepareStatement("select id, measure, review_types, baseline, target, tolerance from participation_target order by id", ps -> {
            List<TargetRow> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new TargetRow(rs.getLong(1), Measure.valueOf(rs.getString(2)), ReviewTypeFilter.valueOf(rs.getString(3)),
                            rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getBigDecimal(6)));
                }
            }
            return rows;
        });
    }

    @Transactional
    void saveTarget(Measure measure, ReviewTypeFilter types, BigDecimal baseline, BigDecimal target, BigDecimal tolerance, long staffId) {
        jdbc.prepareStatement("insert into participation_target (measure, review_types, baseline, target, tolerance, updated_by) "
                + "values (?, ?, ?, ?, ?, ?) on conflict (measure, review_types) do update set baseline = excluded.baseline, "
                + "target = excluded.target, tolerance = excluded.tolerance, updated_by = excluded.updated_by, updated_at = now()", ps -> {
            ps.setString(1, measure.name());
            ps.setString(2, types.name());
            ps.setBigDecimal(3, baseline);
            ps.setBigDecimal(4, target);
            ps.setBigDecimal(5, tolerance);
            ps.setLong(6, staffId);
            return ps.executeUpdate();
        });
    }

    @Transactional
    void deleteTarget(long id) {
        jdbc.prepareStatement("delete from participation_target where id = ?", ps -> {
            ps.setLong(1, id);
            return ps.executeUpdate();
        });
    }
}
