package org.myview.review;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.Optional;

/** Which children are in an officer's caseload, and the manager's assignments. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface CaseloadRepository extends GenericRepository<CaseloadRepository.Assignment, Long> {

    /** A row of {@code child_assignment}: this child is in this officer's caseload. */
    @MappedEntity("child_assignment")
    record Assignment(@Id Long childId, Long officerId, Long assignedBy) {
    }

    /** The child with this case reference, only if the officer holds a review for them or was assigned them. */
    @Query("""
            select c.id from child c
            where upper(c.case_reference) = upper(:caseReference)
              and (exists (select 1 from review r where r.child_id = c.id and r.reviewing_officer_id = :officerId)
                   or exists (select 1 from child_assignment a where a.child_id = c.id and a.officer_id = :officerId))""")
    Optional<Long> childInCaseload(String caseReference, long officerId);

    /** Any child with this case reference (for the manager, who sees every child). */
    @Query("select c.id from child c where upper(c.case_reference) = upper(:caseReference)")
    Optional<Long> childByReference(String caseReference);

    @Query("""
            insert into child_assignment (child_id, officer_id, assigned_by) values (:childId, :officerId, :assignedBy)
            on conflict (child_id, officer_id) do nothing""")
    void assign(long childId, long officerId, long assignedBy);
}
