package org.myview.support;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.inject.Singleton;
import org.myview.system.DatabaseRoles;
import org.myview.system.EmbeddedDatabase;
import org.myview.system.EmbeddedPostgresServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Tests share one throwaway PostgreSQL per JVM (starting one costs seconds); every application
 * context gets a fresh, empty database inside it, so test classes never see each other's rows.
 *
 * <p>As in production, the database belongs to the owner role, which runs the migrations, and the service
 * connects as its data-only role ({@link DatabaseRoles}). A test that must do what the service cannot (read
 * the migration history, for example) asks for {@link #ownerConnection(ApplicationContext)}.
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
            statement.execute("create database " + databaseName + " owner " + DatabaseRoles.OWNER);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create test database", e);
        }
        try (Connection connection = server().getDatabase("postgres", databaseName).getConnection();
             Statement statement = connection.createStatement()) {
            for (String grant : DatabaseRoles.defaultPrivileges(DatabaseRoles.OWNER, DatabaseRoles.SERVICE)) {
                statement.execute(grant);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not grant the service's rights in the test database", e);
        }
    }

    /** The JVM-wide server, started on first use and stopped when the JVM exits. */
    public static EmbeddedPostgres server() {
        return Holder.SERVER;
    }

    /** A connection as the owner of the context's test database, for what the service itself may not do. */
    public static Connection ownerConnection(ApplicationContext context) throws SQLException {
        EmbeddedDatabase database = context.getBean(EmbeddedDatabase.class);
        return DriverManager.getConnection(database.jdbcUrl(), database.ownerUsername(), database.ownerPassword());
    }

    /**
     * This database as an external one, for a second instance started beside the test's own: the service's
     * datasource with its data-only role, the migrations with the owner's (docs/runbook.md, "Database roles").
     */
    public static Map<String, Object> asExternalDatabase(EmbeddedDatabase database) {
        return Map.of(
                "datasources.default.url", database.jdbcUrl(),
                "datasources.default.username", database.username(),
                "datasources.default.password", database.password(),
                "flyway.datasources.default.url", database.jdbcUrl(),
                "flyway.datasources.default.user", database.ownerUsername(),
                "flyway.datasources.default.password", database.ownerPassword());
    }

    @Override
    public String jdbcUrl() {
        // No user in the URL: the driver would prefer it to the datasource's username.
        return "jdbc:postgresql://localhost:" + server().getPort() + "/" + databaseName;
    }

    @Override
    public String username() {
        return DatabaseRoles.SERVICE;
    }

    @Override
    public String password() {
        return "test-service-role";
    }

    @Override
    public String ownerUsername() {
        return DatabaseRoles.OWNER;
    }

    @Override
    public String ownerPassword() {
        return "test-owner-role";
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
                try (Connection connection = postgres.getPostgresDatabase().getConnection();
                     Statement statement = connection.createStatement()) {
                    statement.execute("create role " + DatabaseRoles.OWNER + " login password 'test-owner-role'");
                    statement.execute("create role " + DatabaseRoles.SERVICE + " login password 'test-service-role'");
                } catch (SQLException e) {
                    throw new IllegalStateException("Could not create the test roles", e);
                }
                return postgres;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
