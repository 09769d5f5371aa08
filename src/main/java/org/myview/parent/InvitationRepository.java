package org.myview.parent;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parents' links (invitations) with their drafts, and the answers they sent, kept apart from anything
 * that says who gave them. The draft travels as JSON text ({@link ParentFormService} reads and writes it).
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface InvitationRepository extends GenericRepository<InvitationRepository.InvitationRow, Long> {

    /** A link as the parent's form needs it. */
    @Introspected
    record InvitationRow(long id, long roundId, long planId, String kind, PlanType planType, Instant expiresAt,
                         @Nullable Instant submittedAt, String draft, @Nullable String language) {
    }

    /** A follow-up to send: a first answer of "no" to understanding why, old enough, with no follow-up yet. */
    @Introspected
    record FollowUpCandidate(long invitationId, long roundId, long planId, long contactId, LocalDate answeredOn) {
    }

    @Introspected
    record ResponseRow(int roundNumber, String kind, String planType, @Nullable String understandWhy, @Nullable String knowWhatChange,
                       @Nullable String barrierCodes, @Nullable String barriersOther, @Nullable Integer supportRating,
                       @Nullable String understoodConcerns, @Nullable String madeDifference, @Nullable String anythingElse,
                       LocalDate submittedOn) {

        List<String> barriers() {
            return ParentRepository.split(barrierCodes);
        }
    }

    @Introspected
    record SentCount(int roundNumber, String kind, int sent) {
    }

    String INVITATION = """
            select i.id, i.round_id, i.plan_id, i.kind, p.plan_type, i.expires_at, i.submitted_at, cast(i.draft as text) as draft,
                   c.language
            from parent_invitation i join parent_plan p on p.id = i.plan_id
            left join parent_contact c on c.id = i.contact_id where i.id = :id""";

    /** A new link; -1 when this parent already has one of this kind in this round. */
    default long insertInvitation(long roundId, long planId, long contactId, String kind, byte[] tokenHash, Instant now, Instant expires) {
        Long id = insertInvitationRow(roundId, planId, contactId, kind, tokenHash, now, expires);
        return id == null ? -1L : id;
    }

    @Query("""
            insert into parent_invitation (round_id, plan_id, contact_id, kind, token_hash, created_at, expires_at)
            values (:roundId, :planId, :contactId, :kind, :tokenHash, :now, :expires)
            on conflict (round_id, contact_id, kind) do nothing returning id""")
    @Nullable
    Long insertInvitationRow(long roundId, long planId, long contactId, String kind, byte[] tokenHash, Instant now, Instant expires);

    /** Follow-ups due, locked, skipped by other instances. */
    @Query("""
            select i.id as invitation_id, i.round_id, i.plan_id, i.contact_id,
                   cast(r.submitted_at at time zone 'Europe/London' as date) as answered_on
            from parent_invitation i
            join parent_response r on r.invitation_id = i.id
            join parent_contact k on k.id = i.contact_id and k.erased_at is null
            where i.kind = 'FIRST' and r.understand_why = 'NO' and r.submitted_at < :answeredBefore
            and not exists (select 1 from parent_invitation f where f.round_id = i.round_id and f.contact_id = i.contact_id and f.kind = 'FOLLOW_UP')
            order by r.submitted_at limit :limit for update of i skip locked""")
    List<FollowUpCandidate> followUpCandidatesForUpdate(Instant answeredBefore, int limit);

    @Query("select id from parent_invitation where token_hash = :hash")
    Optional<Long> invitationIdByTokenHash(byte[] hash);

    @Query(INVITATION)
    Optional<InvitationRow> invitation(long id);

    @Query(INVITATION + " for update of i")
    Optional<InvitationRow> lockInvitation(long id);

    @Query("update parent_invitation set draft = cast(:draft as jsonb) where id = :id and submitted_at is null")
    int saveDraft(long id, String draft);

    /** The answers, stored apart from anything that says who gave them; the draft is emptied. */
    default void submit(InvitationRow invitation, ParentAnswers a, Instant now) {
        insertResponse(invitation.id(), invitation.roundId(), invitation.kind(), invitation.planType().name(), a.understandWhy(),
                a.knowWhatChange(), String.join(ParentRepository.SEPARATOR, a.barriers()), a.barriersOther(), a.supportRating(),
                a.understoodConcerns(), a.madeDifference(), a.anythingElse(), now);
        markSubmitted(invitation.id(), now);
    }

    @Query("""
            insert into parent_response (invitation_id, round_id, kind, plan_type, understand_why, know_what_change, barriers,
                barriers_other, support_rating, understood_concerns, made_difference, anything_else, submitted_at)
            values (:invitationId, :roundId, :kind, :planType, :understandWhy, :knowWhatChange, string_to_array(:barriers, chr(31)),
                :barriersOther, :supportRating, :understoodConcerns, :madeDifference, :anythingElse, :now)""")
    int insertResponse(long invitationId, long roundId, String kind, String planType, @Nullable String understandWhy,
                       @Nullable String knowWhatChange, String barriers, @Nullable String barriersOther, @Nullable Integer supportRating,
                       @Nullable String understoodConcerns, @Nullable String madeDifference, @Nullable String anythingElse, Instant now);

    @Query("update parent_invitation set submitted_at = :now, draft = '{}' where id = :id")
    int markSubmitted(long id, Instant now);

    // Results

    @Query("""
            select d.round_number, r.kind, r.plan_type, r.understand_why, r.know_what_change, array_to_string(r.barriers, chr(31)) as barrier_codes,
                   r.barriers_other, r.support_rating, r.understood_concerns, r.made_difference, r.anything_else,
                   cast(r.submitted_at at time zone 'Europe/London' as date) as submitted_on
            from parent_response r join parent_round d on d.id = r.round_id
            order by d.round_number, r.kind, r.submitted_at""")
    List<ResponseRow> responses();

    /** Links sent per round and kind ("1/FIRST"): the denominators of the response rates. */
    default Map<String, Integer> invitationsSent() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        sentCounts().forEach(c -> counts.put(c.roundNumber() + "/" + c.kind(), c.sent()));
        return counts;
    }

    @Query("""
            select d.round_number, i.kind, count(*) as sent from parent_invitation i join parent_round d on d.id = i.round_id
            group by d.round_number, i.kind""")
    List<SentCount> sentCounts();
}
