package org.myview.participation;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Reads consultation/'s sent forms and first reads (shared read models, docs/architecture.md) grouped in SQL.
 * A review counts once: its first form sent on or before the review date, read when any of its forms was
 * first opened by its officer on or before the review date (Europe/London).
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface FormsReadRepository extends GenericRepository<FormsReadRepository.Group, Long> {

    @Introspected
    record Group(int quarter, @Nullable Long officerId, @Nullable String officerName, int age, long sent, long read) {
    }

    @Introspected
    record UnreadRow(long reviewId, String caseReference, LocalDate reviewDate, @Nullable String officerName, Instant sentAt) {
    }

    String REVIEWS = """
            from review r join child c on c.id = r.child_id
            join lateral (select min(k.sent_at) as first_sent, min(fr.read_at) as first_read
                  from consultation k left join consultation_first_read fr on fr.consultation_id = k.id
                  where k.review_id = r.id and k.sent_at is not null) s on s.first_sent is not null
            left join staff_account o on o.id = r.reviewing_officer_id
            where r.review_type in (:types)
              and (cast(:officerId as bigint) is null or r.reviewing_officer_id = :officerId)
              and child_age(c.date_of_birth, r.review_date) between :ageFrom and :ageTo
              and s.first_sent < (r.review_date + 1)::timestamp at time zone 'Europe/London'
            """;

    @Query("""
            select (extract(month from r.review_date)::int + 8) % 12 / 3 + 1 as quarter, r.reviewing_officer_id as officer_id,
              o.display_name as officer_name, child_age(c.date_of_birth, r.review_date) as age, count(*) as sent,
              count(*) filter (where s.first_read < (r.review_date + 1)::timestamp at time zone 'Europe/London') as read
            """ + REVIEWS + """
              and r.review_date between :from and :to
            group by 1, 2, 3, 4
            """)
    List<Group> groups(LocalDate from, LocalDate to, List<String> types, int ageFrom, int ageTo, @Nullable Long officerId);

    /**
     * The groups for a slice: the whole service's complete months from the roll-up (forms_read_monthly_now: V184's base
     * rows plus V188's pending deltas, kept by triggers in the write transaction), this month up to today and an
     * officer's own reviews directly.
     */
    default List<Group> groups(LocalDate from, LocalDate to, List<String> types, int ageFrom, int ageTo, @Nullable Long officerId,
                               LocalDate today) {
        if (officerId != null) {
            return groups(from, to, types, ageFrom, ageTo, officerId);
        }
        LocalDate thisMonth = today.withDayOfMonth(1);
        List<Group> groups = new java.util.ArrayList<>();
        LocalDate lastRolledUp = to.withDayOfMonth(1).isBefore(thisMonth) ? to.withDayOfMonth(1) : thisMonth.minusMonths(1);
        if (!from.withDayOfMonth(1).isAfter(lastRolledUp)) {
            groups.addAll(rolledUp(from.withDayOfMonth(1), lastRolledUp, types, ageFrom, ageTo));
        }
        LocalDate directFrom = from.isAfter(thisMonth) ? from : thisMonth;
        if (!directFrom.isAfter(to)) {
            groups.addAll(groups(directFrom, to, types, ageFrom, ageTo, null));
        }
        return groups;
    }

    @Query("""
            select (extract(month from f.month)::int + 8) % 12 / 3 + 1 as quarter, nullif(f.officer_id, 0) as officer_id,
              o.display_name as officer_name, f.age, sum(f.sent) as sent, sum(f.read) as read
            from forms_read_monthly_now f left join staff_account o on o.id = f.officer_id
            where f.month between :from and :to and f.review_type in (:types) and f.age between :ageFrom and :ageTo
            group by 1, 2, 3, 4
            """)
    List<Group> rolledUp(LocalDate from, LocalDate to, List<String> types, int ageFrom, int ageTo);

    /**
     * Reviews between two dates whose sent form was never opened by their officer, oldest first: from the per-review
     * state the triggers keep (mrmv_review.unread, a partial index), not a scan of the year's reviews.
     */
    @Query("""
            select m.review_id, c.case_reference, m.review_date, o.display_name as officer_name,
              (select min(k.sent_at) from consultation k where k.review_id = m.review_id and k.sent_at is not null) as sent_at
            from mrmv_review m join child c on c.id = m.child_id left join staff_account o on o.id = m.officer_id
            where m.unread and m.review_date between :from and :to and m.review_type in (:types)
              and m.age between :ageFrom and :ageTo
              and (cast(:officerId as bigint) is null or m.officer_id = :officerId)
            order by m.review_date, m.review_id limit :limit
            """)
    List<UnreadRow> unread(LocalDate from, LocalDate to, List<String> types, int ageFrom, int ageTo, @Nullable Long officerId, int limit);
}
