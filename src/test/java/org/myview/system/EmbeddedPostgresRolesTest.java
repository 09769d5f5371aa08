package org.myview.system;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
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
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 22, item 3, for the embedded default: it sets up the owner and the service's role itself, each with a
 * generated password kept in the data directory (0600), and gives the service data rights only, on tables made
 * now and later; a data directory from before the two roles is handed over to them.
 */
class EmbeddedPostgresRolesTest {

    @Test
    void theOwnerMakesTablesTheServiceFillsThem(@TempDir Path directory) throws Exception {
        Path data = directory.resolve("pgdata");
        EmbeddedPostgresServer server = new EmbeddedPostgresServer(data.toString(), 0);
        try {
            assertEquals(DatabaseRoles.SERVICE, server.username());
            assertEquals(DatabaseRoles.OWNER, server.ownerUsername());
            for (String file : new String[] {EmbeddedPostgresServer.OWNER_SECRET_FILE, EmbeddedPostgresServer.SERVICE_SECRET_FILE}) {
                assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve(file))), file);
            }
            assertEquals(server.ownerPassword(), Files.readString(data.resolve(EmbeddedPostgresServer.OWNER_SECRET_FILE)).trim());
            assertEquals(server.password(), Files.readString(data.resolve(EmbeddedPostgresServer.SERVICE_SECRET_FILE)).trim());
            assertTrue(server.password().length() >= 40);
            assertNotEquals(server.password(), server.ownerPassword());

            try (Connection owner = asOwner(server); Statement s = owner.createStatement()) {
                s.execute("create table later_table (id bigint generated always as identity, value text)");
            }
            try (Connection service = asService(server); Statement s = service.createStatement()) {
                s.execute("insert into later_table (value) values ('a row')");
                s.execute("update later_table set value = 'changed'");
                assertEquals(1, count(s, "select count(*) from later_table"));
                SQLException ddl = assertThrows(SQLException.class, () -> s.execute("create table mine (id int)"));
                assertEquals("42501", ddl.getSQLState());
                assertThrows(SQLException.class, () -> s.execute("alter table later_table add column other int"));
            }
            assertThrows(SQLException.class, () -> DriverManager.getConnection(server.jdbcUrl(), DatabaseRoles.SERVICE, "wrong").close());
        } finally {
            server.stop();
        }

        EmbeddedPostgresServer again = new EmbeddedPostgresServer(data.toString(), 0);
        try (Connection service = asService(again); Statement s = service.createStatement()) {
            assertEquals(1, count(s, "select count(*) from later_table"), "the same passwords open it after a restart");
        } finally {
            again.stop();
        }
    }

    @Test
    void aDataDirectoryFromBeforeTheRolesIsHandedToTheOwner(@TempDir Path directory) throws Exception {
        Path data = directory.resolve("pgdata");
        // What earlier versions left: everything made by postgres, trusted, in the postgres database.
        try (EmbeddedPostgres earlier = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).start();
             Connection c = earlier.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("create table kept (id bigint generated always as identity, value text)");
            s.execute("create table numbered (id serial primary key)");
            s.execute("create function kept_rule() returns trigger language plpgsql as $$ begin return new; end $$");
            s.execute("create trigger kept_rule before insert on kept for each row execute function kept_rule()");
            s.execute("insert into kept (value) values ('still here')");
        }

        EmbeddedPostgresServer server = new EmbeddedPostgresServer(data.toString(), 0);
        try {
            try (Connection owner = asOwner(server); Statement s = owner.createStatement()) {
                assertEquals(0, count(s, "select count(*) from pg_tables where schemaname = 'public' and tableowner <> current_user"));
                assertEquals(0, count(s, "select count(*) from pg_proc where pronamespace = 'public'::regnamespace "
                        + "and proowner <> current_user::regrole"));
                s.execute("alter table kept add column added_later text"); // the owner can migrate it further
            }
            try (Connection service = asService(server); Statement s = service.createStatement()) {
                s.execute("insert into kept (value) values ('new')");
                s.execute("insert into numbered default values");
                assertEquals(2, count(s, "select count(*) from kept"));
                assertEquals("42501", assertThrows(SQLException.class, () -> s.execute("drop table kept")).getSQLState());
            }
        } finally {
            server.stop();
        }
    }

    private static Connection asOwner(EmbeddedDatabase database) throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.ownerUsername(), database.ownerPassword());
    }

    private static Connection asService(EmbeddedDatabase database) throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
