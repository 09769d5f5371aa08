package org.myview.forum;

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

/** The forum's own tables: children's words in moderation, and "You said, we did". */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface ForumRepository extends GenericRepository<ForumRepository.Action, Long> {

    /** A child's answer as the participation lead sees it in the queue (never shown to the forum). */
    @Introspected
    record PendingQuote(long id, String question, String text) {
    }

    /** What the forum sees of a child's words: the question and the checked text, nothing else. */
    @Introspected
    record Quote(String question, String text) {
    }

    /** One "You said, we did" line. */
    @Introspected
    record Action(long id, String asked, LocalDate askedOn, @Nullable String response, ActionStatus status, @Nullable LocalDate updatedOn) {
    }

    /** Adds one answer to the queue; a second delivery of the same answer changes nothing. */
    @Query("""
            insert into forum_quote (consultation_id, question_id, question, original_text)
            values (:consultationId, :questionId, :question, :text) on conflict (consultation_id, question_id) do nothing""")
    void queue(long consultationId, String questionId, String question, String text);

    @Query("select id, question, original_text as text from forum_quote where status = 'PENDING' order by id")
    List<PendingQuote> pending();

    @Query("select id, question, original_text as text from forum_quote where id = :id and status = 'PENDING'")
    Optional<PendingQuote> pending(long id);

    /** Approves a pending answer with the checked text; the child's original words are removed. False if not pending. */
    default boolean approve(long id, String publishedText, long moderatorId) {
        return decide(id, "APPROVED", publishedText, moderatorId) == 1;
    }

    /** Rejects a pending (or withdraws an approved) answer: no text is kept. */
    default boolean reject(long id, long moderatorId) {
        return decide(id, "REJECTED", null, moderatorId) == 1;
    }

    /**
     * Retention: a child's words nobody checked since {@code receivedBefore} are rejected by the service itself
     * (no moderator, no text kept). One set-based statement: instances running it at once take each row once.
     */
    @Query("""
            update forum_quote set status = 'REJECTED', original_text = null, published_text = null, moderated_at = :now
            where status = 'PENDING' and received_at < :receivedBefore""")
    int expirePending(Instant receivedBefore, Instant now);

    @Query("""
            update forum_quote set status = :status, published_text = :publishedText, original_text = null,
              moderated_by = :moderatorId, moderated_at = now()
            where id = :id and status in ('PENDING', 'APPROVED') and (:status = 'REJECTED' or status = 'PENDING')""")
    int decide(long id, String status, @Nullable String publishedText, long moderatorId);

    /**
     * Approved words only, grouped by question. Within a question the order is a fixed shuffle, not the order
     * they arrived in, so the list says nothing about when a child wrote.
     */
    @Query("select question, published_text as text from forum_quote where status = 'APPROVED' order by question, md5(cast(id as text))")
    List<Quote> approved();

    /** Approved answers with their ids, for the participation lead (to take one down). */
    @Query("select id, question, published_text as text from forum_quote where status = 'APPROVED' order by id")
    List<PendingQuote> approvedForLead();

    @Query("select id, asked, asked_on, response, status, updated_on from forum_action order by asked_on desc, id desc")
    List<Action> actions();

    @Query("select id, asked, asked_on, response, status, updated_on from forum_action where id = :id")
    Optional<Action> action(long id);

    @Query("""
            with inserted as (insert into forum_action (asked, asked_on, response, status, updated_on, updated_by)
              values (:asked, :askedOn, :response, :status, :updatedOn, :by) returning id)
            select id from inserted""")
    long insertAction(String asked, LocalDate askedOn, @Nullable String response, String status, @Nullable LocalDate updatedOn, long by);

    default long insertAction(String asked, LocalDate askedOn, @Nullable String response, ActionStatus status, @Nullable LocalDate updatedOn, long by) {
        return insertAction(asked, askedOn, response, status.name(), updatedOn, by);
    }

    @Query("""
            update forum_action set asked = :asked, asked_on = :askedOn, response = :response, status = :status,
              updated_on = :updatedOn, updated_by = :by, updated_at = now()
            where id = :id""")
    int updateAction(long id, String asked, LocalDate askedOn, @Nullable String response, String status, @Nullable LocalDate updatedOn, long by);

    default boolean updateAction(long id, String asked, LocalDate askedOn, @Nullable String response, ActionStatus status,
                                 @Nullable LocalDate updatedOn, long by) {
        return updateAction(id, asked, askedOn, response, status.name(), updatedOn, by) == 1;
    }
}
