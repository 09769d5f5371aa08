package org.myview.formalerts;

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

/** Officers' choices, one row per sent form, and one digest per officer per day (V181). Callers hold the transaction. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface FormAlertRepository extends GenericRepository<FormAlertRepository.Preference, Long> {

    @MappedEntity("form_alert_preference")
    record Preference(@Id long staffAccountId, String choice, Instant updatedAt) {
    }

    /** A form waiting for its officer's digest. */
    @Introspected
    record Pending(long consultationId, long reviewId) {
    }

    @Query("select choice from form_alert_preference where staff_account_id = :officerId")
    Optional<String> choice(long officerId);

    @Query("""
            insert into form_alert_preference (staff_account_id, choice, updated_at) values (:officerId, :choice, :now)
            on conflict (staff_account_id) do update set choice = excluded.choice, updated_at = excluded.updated_at
            returning staff_account_id""")
    Long saveChoice(long officerId, String choice, Instant now);

    /** The form's one row; null when it already has one (sent twice, or the event seen twice): nothing more to do. */
    @Query("""
            insert into form_alert (consultation_id, review_id, officer_id, arrived_at, choice)
            values (:consultationId, :reviewId, :officerId, :arrivedAt, :choice)
            on conflict (consultation_id) do nothing returning consultation_id""")
    @Nullable
    Long insert(long consultationId, long reviewId, @Nullable Long officerId, Instant arrivedAt, String choice);

    @Query("""
            select distinct officer_id from form_alert
            where choice = 'DAILY' and digest_sent_at is null and arrived_at < :cutoff and officer_id is not null
            order by officer_id""")
    List<Long> officersDue(Instant cutoff);

    /** Today's digest for this officer; null when another run (on any instance) has already sent it. */
    @Query("""
            insert into form_alert_digest (officer_id, digest_day, sent_at, forms) values (:officerId, :day, :now, :forms)
            on conflict (officer_id, digest_day) do nothing returning officer_id""")
    @Nullable
    Long startDigest(long officerId, LocalDate day, Instant now, int forms);

    /** The officer's waiting forms, locked; rows another run holds are skipped (they are in that run's digest). */
    @Query("""
            select consultation_id, review_id from form_alert
            where officer_id = :officerId and choice = 'DAILY' and digest_sent_at is null and arrived_at < :cutoff
            order by arrived_at, consultation_id for update skip locked""")
    List<Pending> claim(long officerId, Instant cutoff);

    @Query("update form_alert set digest_sent_at = :now where consultation_id in (:ids)")
    int markListed(List<Long> ids, Instant now);
}
