package org.myview.consultation;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** SQL for links, forms and answers, and the concerns a review page lists. Callers hold the transaction. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface ConsultationRepository extends GenericRepository<ConsultationRepository.Form, Long> {

    /** A link as the child's pages need it: its review, and whether its form was sent. */
    @Introspected
    record LinkRow(long id, long reviewId, Instant createdAt, Instant expiresAt, @Nullable Instant replacedAt, @Nullable Instant sentAt) {
    }

    /** What the child's pages say about the review: its date, the child's age on it, the officer. */
    @Introspected
    record ReviewFacts(long reviewId, long childId, LocalDate reviewDate, LocalDate dateOfBirth, @Nullable Long officerId,
                       @Nullable String officerName) {
    }

    /**
     * Everything a page of the child's form says about its link, in one row: the link, its review's facts,
     * and the form when the child has begun it (form columns null until then).
     */
    @Introspected
    record JourneyRow(long linkId, long reviewId, Instant expiresAt, LocalDate reviewDate, LocalDate dateOfBirth,
                      @Nullable Long officerId, @Nullable String officerName, @Nullable Long formId,
                      @Nullable String definitionId, @Nullable Instant sentAt, @Nullable Boolean shareWithForum) {
    }

    @Introspected
    record Form(long id, long linkId, long reviewId, String definitionId, @Nullable Instant sentAt, boolean shareWithForum,
                @Nullable Instant answersErasedAt) {
    }

    @Introspected
    record Answer(String definitionId, int definitionVersion, String questionId, @Nullable String answer, boolean declined) {
    }

    @Introspected
    record Concern(long id, long reviewId, Instant raisedAt, @Nullable Instant seenAt, String caseReference) {
    }

    String LINK = """
            select l.id, l.review_id, l.created_at, l.expires_at, l.replaced_at, c.sent_at
            from consultation_link l left join consultation c on c.link_id = l.id
            """;

    String FORM = "select id, link_id, review_id, definition_id, sent_at, share_with_forum, answers_erased_at from consultation ";

    /** A new link for the review; the review's earlier links stop working. */
    default long insertLink(long reviewId, byte[] tokenHash, @Nullable Long createdBy, Instant now, Instant expiresAt) {
        replaceLinks(reviewId, now);
        return insertLinkRow(reviewId, tokenHash, createdBy, now, expiresAt);
    }

    @Query("update consultation_link set replaced_at = :now where review_id = :reviewId and replaced_at is null")
    int replaceLinks(long reviewId, Instant now);

    @Query("""
            insert into consultation_link (review_id, token_hash, created_by, created_at, expires_at)
            values (:reviewId, :tokenHash, :createdBy, :now, :expiresAt) returning id""")
    Long insertLinkRow(long reviewId, byte[] tokenHash, @Nullable Long createdBy, Instant now, Instant expiresAt);

    @Query(LINK + "where l.token_hash = :hash")
    Optional<LinkRow> linkByHash(byte[] hash);

    @Query(LINK + "where l.id = :id")
    Optional<LinkRow> linkById(long id);

    /** The review's newest link. */
    @Query(LINK + "where l.review_id = :reviewId order by l.id desc limit 1")
    Optional<LinkRow> latestLink(long reviewId);

    /** Locks the link's row until the transaction ends: concerns and sends of one link take turns. */
    @Query(LINK + "where l.id = :id for update of l")
    Optional<LinkRow> lockLinkById(long id);

    @Query(LINK + "where l.token_hash = :hash for update of l")
    Optional<LinkRow> lockLinkByHash(byte[] hash);

    @Query("""
            select r.id as review_id, r.review_date, ch.id as child_id, ch.date_of_birth, r.reviewing_officer_id as officer_id,
                   s.display_name as officer_name
            from review r join child ch on ch.id = r.child_id left join staff_account s on s.id = r.reviewing_officer_id
            where r.id = :reviewId""")
    Optional<ReviewFacts> reviewFacts(long reviewId);

    @Query(FORM + "where link_id = :linkId")
    Optional<Form> formForLink(long linkId);

    /** The link, its review's facts and its form in one statement (the pages' link, reviewFacts and formForLink). */
    @Query("""
            select l.id as link_id, l.review_id, l.expires_at, r.review_date, ch.date_of_birth, r.reviewing_officer_id as officer_id,
                   s.display_name as officer_name, c.id as form_id, c.definition_id, c.sent_at, c.share_with_forum
            from consultation_link l join review r on r.id = l.review_id join child ch on ch.id = r.child_id
            left join staff_account s on s.id = r.reviewing_officer_id left join consultation c on c.link_id = l.id
            where l.id = :linkId""")
    Optional<JourneyRow> journeyRow(long linkId);

    /** The review's sent form, the newest if a later link was sent too. */
    @Query(FORM + "where review_id = :reviewId and sent_at is not null order by sent_at desc limit 1")
    Optional<Form> sentForm(long reviewId);

    /** The form of a link, created with the given version if it does not exist yet (at most one per link). */
    default Form formCreatingIfAbsent(long linkId, long reviewId, String definitionId) {
        insertFormIfAbsent(linkId, reviewId, definitionId);
        return formForLink(linkId).orElseThrow();
    }

    @Query("insert into consultation (link_id, review_id, definition_id) values (:linkId, :reviewId, :definitionId) on conflict (link_id) do nothing")
    int insertFormIfAbsent(long linkId, long reviewId, String definitionId);

    @Query("update consultation set definition_id = :definitionId where id = :formId and sent_at is null")
    int setDefinition(long formId, String definitionId);

    default void saveAnswer(long formId, Answer answer, Instant now) {
        upsertAnswer(formId, answer.definitionId(), answer.definitionVersion(), answer.questionId(), answer.answer(), answer.declined(), now);
    }

    @Query("""
            insert into consultation_answer (consultation_id, definition_id, definition_version, question_id, answer, declined, answered_at)
            values (:formId, :definitionId, :definitionVersion, :questionId, :answer, :declined, :now)
            on conflict (consultation_id, definition_id, question_id) do update set definition_version = excluded.definition_version,
                answer = excluded.answer, declined = excluded.declined, answered_at = excluded.answered_at""")
    int upsertAnswer(long formId, String definitionId, int definitionVersion, String questionId, @Nullable String answer,
                     boolean declined, Instant now);

    @Query("""
            select definition_id, definition_version, question_id, answer, declined from consultation_answer
            where consultation_id = :formId and definition_id = :definitionId""")
    List<Answer> answers(long formId, String definitionId);

    /**
     * Marks the form sent, once: a second send (a double tap, a retry, two at the same moment) waits for the
     * first's row lock, then finds it sent and changes nothing. 1 for the one call that sent it.
     */
    @Query("update consultation set sent_at = :now, share_with_forum = :share where id = :formId and sent_at is null")
    int markSent(long formId, boolean share, Instant now);

    // Retention (ConsultationRetention): set-based statements, so instances running them at once erase each row once.

    /**
     * Marks erased the forms whose answers are no longer needed, once their link no longer works (expired or
     * replaced): a sent form when its review was on or before {@code reviewedOnOrBefore} (the review's record is
     * kept by then), a form never sent at once. Concurrent runs wait on each other's row locks and then find
     * {@code answers_erased_at} set, so each form is counted once.
     */
    @Query("""
            update consultation c set answers_erased_at = :now
            from consultation_link l, review r
            where l.id = c.link_id and r.id = c.review_id and c.answers_erased_at is null
              and (l.expires_at <= :now or l.replaced_at is not null)
              and (c.sent_at is null or r.review_date <= :reviewedOnOrBefore)""")
    int markAnswersErased(LocalDate reviewedOnOrBefore, Instant now);

    /** Deletes the answers of erased forms (also any written late, from a link at its last moment). */
    @Query("delete from consultation_answer a using consultation c where c.id = a.consultation_id and c.answers_erased_at is not null")
    int deleteErasedAnswers();

    @Query("""
            select k.id, k.review_id, k.raised_at, k.seen_at, ch.case_reference
            from consultation_concern k join review rv on rv.id = k.review_id join child ch on ch.id = rv.child_id
            where k.review_id = :reviewId order by k.raised_at desc""")
    List<Concern> concerns(long reviewId);

    @Query("update consultation_concern set seen_at = :now, seen_by = :staffId where review_id = :reviewId and seen_at is null")
    int markConcernsSeen(long reviewId, long staffId, Instant now);

    /**
     * Records a request key from the child's phone (an answer or a send made offline and sent later): 1 for the
     * first use, 0 when this link already used it. A second request with the key waits here for the first to
     * commit, then finds it.
     */
    @Query("""
            insert into consultation_request_key (link_id, request_key, location, used_at)
            values (:linkId, :requestKey, :location, :now) on conflict do nothing""")
    int useRequestKey(long linkId, String requestKey, String location, Instant now);

    @Query("select location from consultation_request_key where link_id = :linkId and request_key = :requestKey")
    Optional<String> requestKeyLocation(long linkId, String requestKey);

    /** The first time the child's own officer opened the sent answers; later reads change nothing. */
    @Query("insert into consultation_first_read (consultation_id, read_by, read_at) values (:formId, :staffId, :now) on conflict do nothing")
    void recordFirstRead(long formId, long staffId, Instant now);

    /** The language the case system records the child prefers (V183), for the link message's words. */
    @Query("select preferred_language from child where id = :childId and preferred_language is not null")
    Optional<String> preferredLanguage(long childId);
}
