package org.myview.support;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.inject.Singleton;
import org.myview.system.EmbeddedDatabase;
import org.myview.system.EmbeddedPostgresServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Tests share one throwaway PostgreSQL per JVM (starting one costs seconds); every application
 * context gets a fresh, empty database inside it, so test classes never see each other's rows.
 */
@Singleton
@Replaces(EmbeddedPostgresServer.class)
@Requires(missingProperty = "datasources.default.url")
public class SharedTestDatabase implements EmbeddedDatabase {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final String databaseName;

    public SharedTestDatabase() {
        this.databaseName = "test_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        try (Connection connection = server().getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("create database " + databaseName);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create test database", e);
        }
    }

    /** The JVM-wide server, started on first use and stopped when the JVM exits. */
    public static EmbeddedPostgres server() {
        return Holder.SERVER;
    }

    @Override
    public String jdbcUrl() {
        return server().getJdbcUrl("postgres", databaseName);
    }

    @Override
    public String username() {
        return "postgres";
    }

    @Override
    public String password() {
        return "postgres";
    }

    private static final class Holder {
        private static final EmbeddedPostgres SERVER = start();

        private static EmbeddedPostgres start() {
            try {
                EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        postgres.close();
                    } catch (IOException ignored) {
                        // The JVM is exiting; zonky's own hook cleans up too.
                    }
                }));
                return postgres;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
