package org.myview.demo;

import io.micronaut.core.order.Ordered;
import org.myview.system.BulkSql;

import java.time.LocalDate;

/**
 * One feature's share of the demo data set. Implementations exist in the dev environment only
 * and are run in order, once, on an empty database, in one transaction. They write through
 * {@link BulkSql} with named placeholders, like the other set-based work.
 */
interface DemoData extends Ordered {

    /** Adds this part of the demo, anchored on {@code today} so that the demo never looks stale. */
    void seed(BulkSql sql, LocalDate today);
}
