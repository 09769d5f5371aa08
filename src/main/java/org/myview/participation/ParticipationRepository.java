package org.myview.participation;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import org.myview.review.ParticipationMethod;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The figures, in SQL. Service-wide figures come from the monthly roll-up (participation_monthly, kept by
 * triggers: a read model shared with the forum, docs/architecture.md); one officer's figures come from their
 * reviews, which are few.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface ParticipationRepository extends GenericRepository<ParticipationRepository.TargetRow, Long> {

    /** A slice of the reviews: which months, types and ages, and optionally one officer. */
    record Slice(LocalDate fromMonth, LocalDate toMonth, String[] types, int ageFrom, int ageTo, Long officerId) {

        LocalDate lastDay() {
            return toMonth.plusMonths(1).minusDays(1);
        }

        List<String> typeList() {
            return List.of(types);
        }
    }

    /** Reviews of one month (or one age) with one code and advocate. */
    @Introspected
    record CodeCount(int key, LocalDate month, ParticipationMethod pnCode, String advocate, long reviews) {
    }

    /**
     * One group of held reviews for My Review My View: financial quarter, age on the review date, first of its type,
     * and the channel the completed ones came by ({@link #ONLINE_FORM} or a {@code views_received.channel}; null for
     * the reviews not completed).
     */
    @Introspected
    record MrmvGroup(int quarter, int age, boolean firstOfType, @Nullable String channel, long held, long formSent, long completed) {
    }

    /** The channel of a review whose child sent the online form before it (it wins over any other channel). */
    String ONLINE_FORM = "ONLINE_FORM";

    /** A target as stored. */
    @MappedEntity("participation_target")
    record TargetRow(@Id @GeneratedValue Long id, Measure measure, @MappedProperty("review_types") ReviewTypeFilter types,
                     @Nullable BigDecimal baseline, BigDecimal target, BigDecimal tolerance) {
    }

    /** Counts per month. */
    default Map<YearMonth, Counts> byMonth(Slice slice) {
        List<CodeCount> rows = slice.officerId() == null
                ? serviceCounts(slice.fromMonth(), slice.toMonth(), slice.typeList(), slice.ageFrom(), slice.ageTo())
                : officerCounts(slice.fromMonth(), slice.lastDay(), slice.typeList(), slice.ageFrom(), slice.ageTo(), slice.officerId());
        return group(rows, row -> YearMonth.from(row.month()));
    }

    /** Counts per age in years, for the whole slice. */
    default Map<Integer, Counts> byAge(Slice slice) {
        List<CodeCount> rows = slice.officerId() == null
                ? serviceCounts(slice.fromMonth(), slice.toMonth(), slice.typeList(), slice.ageFrom(), slice.ageTo())
                : officerCounts(slice.fromMonth(), slice.lastDay(), slice.typeList(), slice.ageFrom(), slice.ageTo(), slice.officerId());
        return group(rows, CodeCount::key);
    }

    private static <K> Map<K, Counts> group(List<CodeCount> rows, Function<CodeCount, K> key) {
        Map<K, long[]> codes = new HashMap<>();
        Map<K, Long> nyas = new HashMap<>();
        for (CodeCount row : rows) {
            K k = key.apply(row);
            codes.computeIfAbsent(k, x -> new long[ParticipationMethod.values().length])[row.pnCode().ordinal()] += row.reviews();
            if ("NYAS".equals(row.advocate())) {
                nyas.merge(k, row.reviews(), Long::sum);
            }
        }
        Map<K, Counts> result = new HashMap<>();
        codes.forEach((k, v) -> result.put(k, new Counts(v, nyas.getOrDefault(k, 0L))));
        return result;
    }

    /** The roll-up by month and age (key: the age), for every officer. */
    @Query("""
            select age as key, month, pn_code, advocate, sum(reviews) as reviews from participation_monthly
            where month between :from and :to and review_type in (:types) and age between :ageFrom and :ageTo
            group by age, month, pn_code, advocate
            """)
    List<CodeCount> serviceCounts(LocalDate from, LocalDate to, List<String> types, int ageFrom, int ageTo);

    /** One officer's recorded reviews by month and age (key: the age). */
    @Query("""
            select child_age(c.date_of_birth, r.review_date) as key, date_trunc('month', r.review_date)::date as month,
              p.pn_code, p.advocate, count(*) as reviews
            from review r join child c on c.id = r.child_id join review_participation p on p.review_id = r.id
            where r.review_date between :from and :to and r.review_type in (:types)
              and child_age(c.date_of_birth, r.review_date) between :ageFrom and :ageTo and r.reviewing_officer_id = :officerId
            group by 1, 2, 3, 4
            """)
    List<CodeCount> officerCounts(LocalDate from, LocalDate to, List<String> types, int ageFrom, int ageTo, long officerId);

    /** Held reviews in the slice with no participation recorded yet (they are not in the figures). */
    default long notRecorded(Slice slice, LocalDate today) {
        LocalDate to = slice.lastDay().isBefore(today) ? slice.lastDay() : today;
        if (slice.officerId() != null) {
            return notRecorded(slice.fromMonth(), to, slice.typeList(), slice.ageFrom(), slice.ageTo(), slice.officerId());
        }
        // The whole service's complete months: reviews held (the My Review My View roll-up counts every review) less
        // those recorded (participation_monthly), both kept by triggers; this month up to today directly.
        LocalDate thisMonth = today.withDayOfMonth(1);
        long count = 0;
        LocalDate lastRolledUp = slice.toMonth().isBefore(thisMonth) ? slice.toMonth() : thisMonth.minusMonths(1);
        if (!slice.fromMonth().isAfter(lastRolledUp)) {
            count += notRecordedRollup(slice.fromMonth(), lastRolledUp, slice.typeList(), slice.ageFrom(), slice.ageTo());
        }
        LocalDate directFrom = slice.fromMonth().isAfter(thisMonth) ? slice.fromMonth() : thisMonth;
        if (!directFrom.isAfter(to)) {
            count += notRecorded(directFrom, to, slice.typeList(), slice.ageFrom(), slice.ageTo(), null);
        }
        return count;
    }

    @Query("""
            select coalesce((select sum(held) from mrmv_monthly_now where month between :from and :to and review_type in (:types)
                               and age between :ageFrom and :ageTo), 0)
                 - coalesce((select sum(reviews) from participation_monthly where month between :from and :to
                               and review_type in (:types) and age between :ageFrom and :ageTo), 0)
            """)
    long notRecordedRollup(LocalDate from, LocalDate to, List<String> types, int ageFrom, int ageTo);

    @Query("""
            select count(*) from review r join child c on c.id = r.child_id
            where r.review_date between :from and :to and r.review_type in (:types)
              and child_age(c.date_of_birth, r.review_date) between :ageFrom and :ageTo
              and (cast(:officerId as bigint) is null or r.reviewing_officer_id = :officerId)
              and not exists (select 1 from review_participation p where p.review_id = r.id)
            """)
    long notRecorded(LocalDate from, LocalDate to, List<String> types, int ageFrom, int ageTo, @Nullable Long officerId);

    /**
     * My Review My View in one grouped query over the held reviews of the slice (review date up to today).
     * "Before the review" means on or before the review date on the Europe/London calendar: a link or a form
     * from the day after the review onwards does not count. Each review counts once, however many links or
     * forms it had. First of its type: the child has no earlier review of the same type (as on the review page).
     * Views received another way (views_received, received/'s shared read model) on or before the review date
     * complete a review too, by their channel; a review whose child also sent the online form counts once, as
     * the online form.
     */
    default List<MrmvGroup> myReviewMyView(Slice slice, LocalDate today) {
        LocalDate to = slice.lastDay().isBefore(today) ? slice.lastDay() : today;
        if (slice.officerId() != null) {
            return myReviewMyView(slice.fromMonth(), to, slice.typeList(), slice.ageFrom(), slice.ageTo(), slice.officerId());
        }
        // The whole service: the months before this one from the roll-up (V184, kept by triggers); this month's
        // held reviews (up to today) directly, because the roll-up also holds reviews booked later this month.
        // The service adds the groups up, so the two lists are simply joined.
        LocalDate thisMonth = today.withDayOfMonth(1);
        List<MrmvGroup> groups = new ArrayList<>();
        LocalDate lastRolledUp = slice.toMonth().isBefore(thisMonth) ? slice.toMonth() : thisMonth.minusMonths(1);
        if (!slice.fromMonth().isAfter(lastRolledUp)) {
            groups.addAll(myReviewMyViewRollup(slice.fromMonth(), lastRolledUp, slice.typeList(), slice.ageFrom(), slice.ageTo()));
        }
        LocalDate directFrom = slice.fromMonth().isAfter(thisMonth) ? slice.fromMonth() : thisMonth;
        if (!directFrom.isAfter(to)) {
            groups.addAll(myReviewMyView(directFrom, to, slice.typeList(), slice.ageFrom(), slice.ageTo(), null));
        }
        return groups;
    }

    /**
     * My Review My View from the monthly roll-up, whole months, every officer (same groups as the direct query). The
     * roll-up is its base rows plus the deltas not folded yet (mrmv_monthly_now, V188), summed in this snapshot.
     */
    @Query("""
            select (extract(month from month)::int + 8) % 12 / 3 + 1 as quarter, age, first_of_type,
              nullif(channel, '') as channel, sum(held) as held, coalesce(sum(held) filter (where form_sent), 0) as form_sent,
              coalesce(sum(held) filter (where channel <> ''), 0) as completed
            from mrmv_monthly_now
            where month between :from and :to and review_type in (:types) and age between :ageFrom and :ageTo
            group by 1, 2, 3, 4
            """)
    List<MrmvGroup> myReviewMyViewRollup(LocalDate from, LocalDate to, List<String> types, int ageFrom, int ageTo);

    // The year's reviews once; their links and sent forms joined as per-review minima (two hash joins instead
    // of two index probes per review: about half the time at 1M reviews). Only a completed review can be a
    // completed first review: the look-back is skipped for the rest.
    @Query("""
            with held as (
              select r.id, r.child_id, r.review_type, r.review_date, child_age(c.date_of_birth, r.review_date) as age
              from review r join child c on c.id = r.child_id
              where r.review_date between :from and :to and r.review_type in (:types)
                and (cast(:officerId as bigint) is null or r.reviewing_officer_id = :officerId)
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
              where h.age between :ageFrom and :ageTo
            )
            select (extract(month from x.review_date)::int + 8) % 12 / 3 + 1 as quarter, x.age,
              case when x.channel is null then false else not exists (select 1 from review e
                where e.child_id = x.child_id and e.review_type = x.review_type and e.review_date < x.review_date) end as first_of_type,
              x.channel, count(*) as held, count(*) filter (where x.form_sent) as form_sent,
              count(*) filter (where x.channel is not null) as completed
            from each_review x
            group by 1, 2, 3, 4
            """)
    List<MrmvGroup> myReviewMyView(LocalDate from, LocalDate to, List<String> types, int ageFrom, int ageTo, @Nullable Long officerId);

    @Query("select * from participation_target order by id")
    List<TargetRow> targets();

    @Query("""
            insert into participation_target (measure, review_types, baseline, target, tolerance, updated_by)
            values (:measure, :types, :baseline, :target, :tolerance, :staffId)
            on conflict (measure, review_types) do update set baseline = excluded.baseline, target = excluded.target,
              tolerance = excluded.tolerance, updated_by = excluded.updated_by, updated_at = now()
            """)
    void saveTarget(String measure, String types, @Nullable BigDecimal baseline, BigDecimal target, BigDecimal tolerance, long staffId);

    @Query("delete from participation_target where id = :id")
    void deleteTarget(long id);

    /**
     * Moves up to {@code limit} pending deltas of each roll-up (mrmv_monthly_delta, forms_read_monthly_delta, V188) into
     * the base rows, claimed with FOR UPDATE SKIP LOCKED so every instance may run it; returns how many it moved.
     */
    @Query("select rollup_fold(:limit)")
    int foldRollups(int limit);
}
