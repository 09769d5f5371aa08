package org.myview.received;

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
import java.time.LocalDate;
import java.util.Optional;

/** Views received another way, one per review. Reads join staff_account.display_name (a shared read model). Callers hold the transaction. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface ViewsReceivedRepository extends GenericRepository<ViewsReceivedRepository.ViewsReceived, Long> {

    /** The row as stored. */
    @MappedEntity("views_received")
    record ViewsReceived(@Id @GeneratedValue Long id, long reviewId, String channel, LocalDate receivedOn, long recordedBy,
                         Instant recordedAt) {
    }

    /** What the review page shows. */
    @Introspected
    record Row(long id, long reviewId, String channel, LocalDate receivedOn, @Nullable String recordedByName, Instant recordedAt) {
    }

    @Query("""
            select v.id, v.review_id, v.channel, v.received_on, s.display_name as recorded_by_name, v.recorded_at
            from views_received v left join staff_account s on s.id = v.recorded_by
            where v.review_id = :reviewId
            """)
    Optional<Row> find(long reviewId);

    /** Records the review's views, or replaces what was recorded (one per review). */
    @Query("""
            insert into views_received (review_id, channel, received_on, recorded_by, recorded_at)
            values (:reviewId, :channel, :receivedOn, :staffId, :now)
            on conflict (review_id) do update set channel = excluded.channel, received_on = excluded.received_on,
              recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at
            returning id""")
    long save(long reviewId, String channel, LocalDate receivedOn, long staffId, Instant now);

    @Query("delete from views_received where review_id = :reviewId")
    void remove(long reviewId);
}
