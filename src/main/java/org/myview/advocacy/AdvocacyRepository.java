package org.myview.advocacy;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Advocacy referrals and the participation lead's monthly entries. Reads join the shared read models
 * (child, review, staff display name) to say whose referral a row is. Callers hold the transaction.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface AdvocacyRepository extends GenericRepository<AdvocacyRepository.Month, LocalDate> {

    /** One month of what the advocacy service reported: issue-based advocacy cases and rights sessions. */
    @MappedEntity("advocacy_month")
    record Month(@Id LocalDate month, int issueBased, int rightsSessions, @Nullable Long enteredBy, Instant enteredAt) {
    }

    /** A referral as staff pages show it. */
    @Introspected
    record Row(long id, long reviewId, long childId, String caseReference, @Nullable String firstName, String reviewType,
               LocalDate reviewDate, @Nullable Long officerId, @Nullable String officerName, Instant requestedAt,
               @Nullable String service, @Nullable String otherService, @Nullable LocalDate referredOn,
               @Nullable String outcome, @Nullable LocalDate outcomeOn, @Nullable LocalDate closedOn) {

        /** WAITING (nobody has referred it yet), REFERRED, ACCEPTED, DECLINED or CLOSED. */
        public String status() {
            if (closedOn != null) {
                return "CLOSED";
            }
            if (outcome != null) {
                return outcome;
            }
            return referredOn != null ? "REFERRED" : "WAITING";
        }
    }

    /** How many in a month (yyyy-MM), of one kind. */
    @Introspected
    record MonthCount(String month, String kind, long count) {
    }

    String ROW = """
            select a.id, a.review_id, ch.id as child_id, ch.case_reference, ch.first_name, r.review_type, r.review_date,
                   r.reviewing_officer_id as officer_id, s.display_name as officer_name, a.requested_at, a.service,
                   a.other_service, a.referred_on, a.outcome, a.outcome_on, a.closed_on
            from advocacy_referral a
            join review r on r.id = a.review_id
            join child ch on ch.id = r.child_id
            left join staff_account s on s.id = r.reviewing_officer_id
            """;

    /** One referral per sent form: a second send of the same form (which cannot happen) would raise nothing. */
    @Query("""
            insert into advocacy_referral (review_id, consultation_id, requested_at) values (:reviewId, :consultationId, :requestedAt)
            on conflict (consultation_id) do nothing returning id""")
    @Nullable
    Long insert(long reviewId, long consultationId, Instant requestedAt); // null on conflict: Micronaut Data gives no empty Optional here

    @Query(ROW + "where a.id = :id")
    Optional<Row> find(long id);

    @Query(ROW + "where a.review_id = :reviewId order by a.requested_at desc, a.id desc")
    List<Row> forReview(long reviewId);

    /**
     * Open referrals (oldest first) and those closed on or after {@code closedSince}: one officer's reviews, or all
     * when {@code officerId} is null.
     */
    @Query(ROW + """
            where (a.closed_on is null or a.closed_on >= :closedSince)
              and (cast(:officerId as bigint) is null or r.reviewing_officer_id = :officerId)
            order by (a.closed_on is not null), a.requested_at, a.id limit 500""")
    List<Row> list(@Nullable Long officerId, LocalDate closedSince);

    /** Locks the referral's row: two people recording at once take turns. */
    @Query("select id from advocacy_referral where id = :id for update")
    Optional<Long> lock(long id);

    @Query("""
            update advocacy_referral set service = :service, other_service = :otherService, referred_on = :on,
                updated_by = :by, updated_at = :at
            where id = :id and closed_on is null and outcome is null""")
    int referred(long id, String service, @Nullable String otherService, LocalDate on, long by, Instant at);

    @Query("""
            update advocacy_referral set outcome = :outcome, outcome_on = :on, updated_by = :by, updated_at = :at
            where id = :id and closed_on is null and referred_on is not null and referred_on <= :on""")
    int outcome(long id, String outcome, LocalDate on, long by, Instant at);

    @Query("update advocacy_referral set closed_on = :on, updated_by = :by, updated_at = :at where id = :id and closed_on is null")
    int close(long id, LocalDate on, long by, Instant at);

    /** Children's requests by the month (Europe/London) they sent the form. */
    @Query("""
            select to_char(requested_at at time zone 'Europe/London', 'YYYY-MM') as month, 'REQUESTED' as kind, count(*) as count
            from advocacy_referral
            where (requested_at at time zone 'Europe/London')::date between :first and :last
            group by 1""")
    List<MonthCount> requestedByMonth(LocalDate first, LocalDate last);

    /** Referrals made, by the month of the referral and the service (NYAS or OTHER). */
    @Query("""
            select to_char(referred_on, 'YYYY-MM') as month, service as kind, count(*) as count
            from advocacy_referral where referred_on between :first and :last
            group by 1, 2""")
    List<MonthCount> referredByMonth(LocalDate first, LocalDate last);

    @Query("select * from advocacy_month where month between :first and :last order by month")
    List<Month> months(LocalDate first, LocalDate last);

    @Query("""
            insert into advocacy_month (month, issue_based, rights_sessions, entered_by, entered_at)
            values (:month, :issueBased, :rightsSessions, :enteredBy, :enteredAt)
            on conflict (month) do update set issue_based = excluded.issue_based, rights_sessions = excluded.rights_sessions,
                entered_by = excluded.entered_by, entered_at = excluded.entered_at""")
    void saveMonth(LocalDate month, int issueBased, int rightsSessions, long enteredBy, Instant enteredAt);
}
