package org.myview.listened;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Follow-up links and their answers. Callers hold the transaction. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface ListenedRepository extends GenericRepository<ListenedRepository.Link, Long> {

    @MappedEntity("listened_link")
    record Link(@Id @GeneratedValue @Nullable Long id, long reviewId, String respondent, @Nullable Instant createdAt,
                Instant expiresAt, @Nullable Instant replacedAt, @Nullable String listened, @Nullable String understood,
                @Nullable String anythingElse, @Nullable Instant sentAt) {
    }

    /** One sent answer, for the figures: the respondent, the review's date and the two choices. */
    @Introspected
    record Answered(String respondent, LocalDate reviewDate, @Nullable String listened, @Nullable String understood) {
    }

    String LINK = "select id, review_id, respondent, created_at, expires_at, replaced_at, listened, understood, anything_else, sent_at from listened_link ";

    @Query("""
            insert into listened_link (review_id, respondent, token_hash, created_by, created_at, expires_at)
            values (:reviewId, :respondent, :tokenHash, :createdBy, :createdAt, :expiresAt) returning id""")
    Long insert(long reviewId, String respondent, byte[] tokenHash, long createdBy, Instant createdAt, Instant expiresAt);

    /** A new child's link replaces the review's earlier unsent child links (a parent's links stand: one per parent). */
    @Query("update listened_link set replaced_at = :now where review_id = :reviewId and respondent = 'CHILD' and sent_at is null and replaced_at is null")
    int replaceChildLinks(long reviewId, Instant now);

    @Query(LINK + "where token_hash = :tokenHash")
    Optional<Link> byHash(byte[] tokenHash);

    @Query(LINK + "where token_hash = :tokenHash for update")
    Optional<Link> lockByHash(byte[] tokenHash);

    @Query(LINK + "where id = :id")
    Optional<Link> byId(long id);

    @Query(LINK + "where review_id = :reviewId order by created_at, id")
    List<Link> forReview(long reviewId);

    @Query("select count(*) > 0 from listened_link where review_id = :reviewId and respondent = 'CHILD' and sent_at is not null")
    boolean childAnswered(long reviewId);

    @Query("update listened_link set listened = :value where id = :id and sent_at is null")
    int saveListened(long id, @Nullable String value);

    @Query("update listened_link set understood = :value where id = :id and sent_at is null")
    int saveUnderstood(long id, @Nullable String value);

    @Query("update listened_link set anything_else = :value where id = :id and sent_at is null")
    int saveAnythingElse(long id, @Nullable String value);

    /** Sends once; a child's second answer to the same review (another link) is refused by the unique index's twin here. */
    @Query("""
            update listened_link l set sent_at = :now where l.id = :id and l.sent_at is null
              and not (l.respondent = 'CHILD' and exists (select 1 from listened_link o where o.review_id = l.review_id
                   and o.respondent = 'CHILD' and o.sent_at is not null))""")
    int markSent(long id, Instant now);

    @Query("""
            select l.respondent, r.review_date, l.listened, l.understood
            from listened_link l join review r on r.id = l.review_id
            where l.sent_at is not null and r.review_date between :first and :last""")
    List<Answered> answered(LocalDate first, LocalDate last);

    @Query("select r.review_date from review r where r.id = :reviewId")
    Optional<LocalDate> reviewDate(long reviewId);

    /**
     * Retention of the words: "anything else" goes {@code sentBefore} (sent answers) or once an unsent link stops
     * working (expired or replaced: nobody will ever read the draft). The choices stay for the figures.
     */
    @Query("""
            update listened_link set anything_else = null
            where anything_else is not null
              and ((sent_at is not null and sent_at < :sentBefore)
                   or (sent_at is null and (expires_at < :now or replaced_at is not null)))""")
    int eraseWords(Instant sentBefore, Instant now);
}
