package org.myview.participation;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.LocalDate;
import java.util.List;

/** Reviews as the timescales need them (the shared `review` read model), every child's history up to a date. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface TimelinessRepository extends GenericRepository<TimelinessRepository.ReviewRow, Long> {

    @Introspected
    record ReviewRow(long id, long childId, String reviewType, LocalDate reviewDate, String caseReference,
                     @Nullable Long officerId, @Nullable String officerName) {
    }

    /** Every review of the given types up to {@code until}, by child then date: a chain needs the years before too. */
    @Query("""
            select r.id, r.child_id, r.review_type, r.review_date, c.case_reference,
                   r.reviewing_officer_id as officer_id, s.display_name as officer_name
            from review r
            join child c on c.id = r.child_id
            left join staff_account s on s.id = r.reviewing_officer_id
            where r.review_type in (:types) and r.review_date <= :until
            order by r.child_id, r.review_date, r.id""")
    List<ReviewRow> reviewsUntil(List<String> types, LocalDate until);
}
