package org.myview.consultation;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Talk-now concerns: the child's choices, the contacts staff record, and the escalation claims.
 * Contact ways travel as a comma-separated text (one value per {@link TalkNowChoices.Way}) so that
 * the text[] column needs no custom type. Callers hold the transaction.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface ConcernRepository extends GenericRepository<ConcernRepository.Contact, Long> {

    /** One contact (or try) recorded by a member of staff. */
    @MappedEntity("consultation_concern_contact")
    record Contact(@Id @GeneratedValue @Nullable Long id, long concernId, @Nullable String contactedBy, Instant contactedAt,
                   String how, String result, @Nullable String note, long recordedBy, Instant recordedAt) {
    }

    /** A concern as the staff pages show it: with the child's case reference and first name, and the review's officer. */
    @Introspected
    record Row(long id, long reviewId, long linkId, long childId, String caseReference, @Nullable String firstName,
               @Nullable Long officerId, @Nullable String officerName, Instant raisedAt, String contactWays,
               @Nullable String safeTime, boolean notThroughCarer, @Nullable String message, @Nullable Instant closedAt,
               int escalations, @Nullable Instant nextEscalationAt, @Nullable Instant erasedAt) {
    }

    /** A concern just claimed for escalation: its new escalation number. */
    @Introspected
    record Claimed(long id, long reviewId, int escalations) {
    }

    @Introspected
    record Escalation(long concernId, int number, Instant escalatedAt, boolean outOfHours) {
    }

    String ROW = """
            select k.id, k.review_id, k.link_id, ch.id as child_id, ch.case_reference, ch.first_name,
                   r.reviewing_officer_id as officer_id, s.display_name as officer_name, k.raised_at,
                   array_to_string(k.contact_ways, ',') as contact_ways, k.safe_time, k.not_through_carer, k.message,
                   k.closed_at, k.escalations, k.next_escalation_at, k.erased_at
            from consultation_concern k
            join review r on r.id = k.review_id
            join child ch on ch.id = r.child_id
            left join staff_account s on s.id = r.reviewing_officer_id
            """;

    @Query("""
            insert into consultation_concern (review_id, link_id, raised_at, contact_ways, safe_time, not_through_carer,
                                              message, next_escalation_at)
            values (:reviewId, :linkId, :raisedAt, string_to_array(:contactWays, ','), :safeTime, :notThroughCarer,
                    :message, :nextEscalationAt)
            returning id
            """)
    Long insert(long reviewId, long linkId, Instant raisedAt, String contactWays, @Nullable String safeTime,
                 boolean notThroughCarer, @Nullable String message, Instant nextEscalationAt);

    /** The link's open concern, if any: pressing again while one is open raises nothing new. */
    @Query(ROW + "where k.link_id = :linkId and k.closed_at is null order by k.id desc limit 1")
    Optional<Row> openForLink(long linkId);

    @Query(ROW + "where k.id = :id")
    Optional<Row> find(long id);

    /** Open concerns, oldest first: those of one officer's reviews, or all when officerId is null. */
    @Query(ROW + "where k.closed_at is null and (cast(:officerId as bigint) is null or r.reviewing_officer_id = :officerId) "
            + "order by k.raised_at, k.id")
    List<Row> open(@Nullable Long officerId);

    /** Concerns closed since a moment, newest first (the list's "recently closed"). */
    @Query(ROW + "where k.closed_at >= :since order by k.closed_at desc, k.id desc limit 50")
    List<Row> closedSince(Instant since);

    @Query(ROW + "where k.review_id = :reviewId order by k.raised_at desc, k.id desc")
    List<Row> forReview(long reviewId);

    @Query("select * from consultation_concern_contact where concern_id = :concernId order by contacted_at, id")
    List<Contact> contacts(long concernId);

    @Query("""
            insert into consultation_concern_contact (concern_id, contacted_by, contacted_at, how, result, note, recorded_by, recorded_at)
            values (:concernId, :contactedBy, :contactedAt, :how, :result, :note, :recordedBy, :recordedAt)
            returning id
            """)
    Long insertContact(long concernId, String contactedBy, Instant contactedAt, String how, String result, String note,
                        long recordedBy, Instant recordedAt);

    /** Locks the concern's row: two people recording at once take turns. */
    @Query("select id from consultation_concern where id = :id for update")
    Optional<Long> lock(long id);

    @Query("update consultation_concern set closed_at = :closedAt, next_escalation_at = null where id = :id and closed_at is null")
    int close(long id, Instant closedAt);

    /**
     * Locks the open concerns whose escalation time has come, skipping rows another instance holds (SKIP LOCKED);
     * the caller moves their time on ({@link #moveOn}) in the same transaction. Once that commits their next time
     * is in the future, so each period escalates a concern once however many instances run. Each comes with the
     * number its escalation will have.
     */
    @Query("""
            select id, review_id, escalations + 1 as escalations from consultation_concern
            where closed_at is null and next_escalation_at <= :now
            order by next_escalation_at, id limit :limit for update skip locked
            """)
    List<Claimed> claimDue(Instant now, int limit);

    @Query("update consultation_concern set escalations = escalations + 1, next_escalation_at = :next where id in (:ids)")
    int moveOn(List<Long> ids, Instant next);

    @Query("""
            insert into consultation_concern_escalation (concern_id, number, escalated_at, out_of_hours)
            values (:concernId, :number, :escalatedAt, :outOfHours) returning id
            """)
    Long insertEscalation(long concernId, int number, Instant escalatedAt, boolean outOfHours);

    // Retention (ConsultationRetention): set-based statements, safe with several instances at once.

    /** Erases what the child chose and wrote on concerns closed on or before {@code closedOnOrBefore}. Open ones never. */
    @Query("""
            update consultation_concern set erased_at = :now, message = null, safe_time = null, contact_ways = '{}',
                not_through_carer = false
            where erased_at is null and closed_at is not null and closed_at <= :closedOnOrBefore""")
    int eraseClosedBefore(Instant closedOnOrBefore, Instant now);

    /** The notes and names of the contacts of erased concerns; how, when and the result stay. */
    @Query("""
            update consultation_concern_contact k set note = null, contacted_by = null
            from consultation_concern c
            where c.id = k.concern_id and c.erased_at is not null and (k.note is not null or k.contacted_by is not null)""")
    int eraseContactsOfErased();

    @Query("select concern_id, number, escalated_at, out_of_hours from consultation_concern_escalation "
            + "where concern_id = :concernId order by number")
    List<Escalation> escalations(long concernId);
}
