package org.myview.review;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The moves of a review that a case-system extract made (review_date_change, V183). */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface ReviewMoveRepository extends GenericRepository<ReviewMoveRepository.Move, Long> {

    @Introspected
    record Move(Instant changedAt, @Nullable String changedByName, LocalDate oldDate, LocalDate newDate, String oldType, String newType) {
    }

    @Query("""
            select m.changed_at, s.display_name as changed_by_name, m.old_date, m.new_date, m.old_type, m.new_type
            from review_date_change m left join staff_account s on s.id = m.changed_by
            where m.review_id = :reviewId order by m.changed_at desc, m.id desc""")
    List<Move> moves(long reviewId);
}
