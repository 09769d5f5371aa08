package org.myview.system;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.util.function.Supplier;

/**
 * The one way a service marks its unit of work (docs/architecture.md, "Transactions"). Services are records,
 * and records are final, so Micronaut cannot proxy them for {@code @Transactional}; the transaction is written
 * where it is instead. Each call joins a transaction already open on this thread, as {@code @Transactional} did;
 * a {@link RuntimeException} or {@link Error} rolls back, and is thrown on unchanged.
 */
@Singleton
public record Transactions(TransactionOperations<Connection> operations) {

    private static final TransactionDefinition MANDATORY = TransactionDefinition.of(TransactionDefinition.Propagation.MANDATORY);

    /** Reads in one read-only transaction (one snapshot of the rows it reads). */
    public <R> R read(Supplier<R> work) {
        return operations.executeRead(status -> work.get());
    }

    /** Writes in one transaction and returns what the work returns. */
    public <R> R write(Supplier<R> work) {
        return operations.executeWrite(status -> work.get());
    }

    /** Writes in one transaction; nothing to return. */
    public void run(Runnable work) {
        operations.executeWrite(status -> {
            work.run();
            return null;
        });
    }

    /** Work that must be part of its caller's transaction (an outbox row, an audit line): fails when there is none. */
    public <R> R withinCaller(Supplier<R> work) {
        return operations.execute(MANDATORY, status -> work.get());
    }
}
