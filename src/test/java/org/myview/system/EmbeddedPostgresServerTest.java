package org.myview.system;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The service's own database: data survives a restart, and stopping leaves no postgres behind. */
class EmbeddedPostgresServerTest {

    @Test
    void dataSurvivesARestartAndNoPostgresProcessIsLeftBehind(@TempDir Path directory) throws SQLException {
        Path dataDirectory = directory.resolve("pgdata");

        EmbeddedPostgresServer first = new EmbeddedPostgresServer(dataDirectory.toString(), 0);
        assertTrue(postgresRunningOn(dataDirectory));
        try (Connection c = DriverManager.getConnection(first.jdbcUrl(), first.ownerUsername(), first.ownerPassword());
             Statement s = c.createStatement()) {
            s.execute("create table kept (value text)");
            s.execute("insert into kept values ('still here')");
        }
        first.stop();
        assertFalse(postgresRunningOn(dataDirectory), "no postgres process after stop");

        EmbeddedPostgresServer second = new EmbeddedPostgresServer(dataDirectory.toString(), 0);
        try (Connection c = connect(second); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select value from kept")) {
            assertTrue(rs.next());
            assertEquals("still here", rs.getString(1));
        } finally {
            second.stop();
        }
        assertFalse(postgresRunningOn(dataDirectory), "no postgres process after the second stop");
    }

    private static Connection connect(EmbeddedDatabase database) throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
    }

    private static boolean postgresRunningOn(Path dataDirectory) {
        String directory = dataDirectory.toAbsolutePath().toString();
        return ProcessHandle.allProcesses()
                .filter(ProcessHandle::isAlive)
                .map(p -> p.info().commandLine().orElse(""))
                .anyMatch(command -> command.contains("postgres") && command.contains(directory));
    }
}
