package org.myview.staff;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;

/**
 * The active administrators, under a transaction-level advisory lock: two administrators taking the role from
 * (or disabling) each other at the same moment take turns, and the second sees that only one is left.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface ActiveAdministrators extends GenericRepository<ActiveAdministrators.Row, Long> {

    @MappedEntity("staff_account")
    record Row(@Id Long id) {
    }

    /** Waits for any other change to the administrators to commit (released when this transaction ends). */
    @Query("select count(*) from (select pg_advisory_xact_lock(7221001)) l")
    long waitForTurn();

    @Query("""
            select a.id from staff_account a join staff_role r on r.account_id = a.id
            where r.role = 'ADMIN' and not a.disabled order by a.id""")
    List<Long> list();

    /**
     * The active administrators, once no other change to them is under way. Two statements on purpose: the
     * second takes a fresh snapshot, so it sees what the change it waited for committed (a row lock alone
     * would re-check the account row but not the role rows another transaction had just deleted).
     */
    default List<Long> lock() {
        waitForTurn();
        return list();
    }
}
