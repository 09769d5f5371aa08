package org.myview.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An embedded PostgreSQL of its own that a test can stop and start again on the same port and data
 * directory, as a database restart or a fail-over looks to the service.
 */
public final class RestartableDatabase implements AutoCloseable {

    private final Path dataDirectory;
    private final int port;
    private EmbeddedPostgres postgres;

    public RestartableDatabase() {
        try {
            dataDirectory = Files.createTempDirectory("myview-restartable-pg");
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        start();
    }

    public synchronized void start() {
        try {
            postgres = EmbeddedPostgres.builder().setDataDirectory(dataDirectory).setCleanDataDirectory(false)
                    .setPort(port).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public synchronized void stop() {
        try {
            if (postgres != null) {
                postgres.close();
                postgres = null;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/postgres";
    }

    @Override
    public void close() {
        stop();
    }
}
