package org.myview.system;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 22, item 4: the service's own embedded PostgreSQL keeps real data, so it runs durable (fsync and
 * synchronous commit on), on the loopback only, with a password generated on first start and kept in the data
 * directory (0600); a second service on the same data directory fails with one plain sentence.
 */
class EmbeddedPostgresDurabilityTest {

    @Test
    void durableLoopbackOnlyPasswordRequiredAndASecondServiceIsRefusedPlainly(@TempDir Path directory) throws Exception {
        Path data = directory.resolve("pgdata");
        EmbeddedPostgresServer server = new EmbeddedPostgresServer(data.toString(), 0);
        try {
            try (Connection c = DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password());
                 Statement s = c.createStatement()) {
                assertEquals("on", show(s, "fsync"));
                assertEquals("on", show(s, "synchronous_commit"));
                assertEquals("localhost", show(s, "listen_addresses"));
            }
            assertThrows(SQLException.class, () -> DriverManager.getConnection(server.jdbcUrl(), "postgres", "postgres").close(),
                    "zonky's well-known password no longer opens it");
            assertThrows(SQLException.class, () -> DriverManager.getConnection(server.jdbcUrl() + "?user=postgres&password=").close(),
                    "nor does no password (trust is gone)");
            Path secret = data.resolve(EmbeddedPostgresServer.SECRET_FILE);
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(secret)));
            String superuserSecret = Files.readString(secret).trim();
            assertTrue(superuserSecret.length() >= 40);
            DriverManager.getConnection(server.jdbcUrl(), "postgres", superuserSecret).close();

            DataDirectoryInUseException second = assertThrows(DataDirectoryInUseException.class,
                    () -> new EmbeddedPostgresServer(data.toString(), 0));
            assertTrue(second.getMessage().startsWith("Another MyView service is already using the embedded database in "),
                    second.getMessage());
            assertEquals(1, second.getMessage().split("\\. ").length, "one sentence");
            assertEquals(0, second.getStackTrace().length, "no stack trace to print");
        } finally {
            server.stop();
        }

        // After a restart the same password still opens it.
        EmbeddedPostgresServer again = new EmbeddedPostgresServer(data.toString(), 0);
        try (Connection c = DriverManager.getConnection(again.jdbcUrl(), again.username(), again.password());
             Statement s = c.createStatement()) {
            assertEquals("on", show(s, "fsync"));
        } finally {
            again.stop();
        }
        assertFalse(Files.exists(data.resolve(EmbeddedPostgresServer.SECRET_FILE + ".new")));
    }

    private static String show(Statement s, String setting) throws SQLException {
        try (ResultSet rs = s.executeQuery("show " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
