package org.myview.system;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.myview.staff.Role;
import org.myview.support.ReviewFixtures;
import org.myview.support.SharedTestDatabase;
import org.myview.support.StaffFixtures;
import org.myview.support.WebClient;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 22, item 3: the service connects as a role with data rights only. Through its own datasource it can
 * add to the audit trail and read it, but not change, empty or unprotect it, and it cannot create or drop
 * tables; the migrations ran as the owner.
 */
@MicronautTest(transactional = false)
class LeastPrivilegeTest {

    /** PostgreSQL's insufficient_privilege: refused by the rights, not by a trigger. */
    private static final String INSUFFICIENT_PRIVILEGE = "42501";

    @Inject
    ApplicationContext context;
    @Inject
    EmbeddedServer server;

    @Test
    void theServicesRoleCanAddToTheAuditTrailAndReadItButNotChangeEmptyOrUnprotectIt() throws SQLException {
        StaffFixtures.account(context, "least.admin", Role.ADMIN);
        StaffFixtures.signIn(new WebClient(server.getURI()), "least.admin");
        long signIns = ReviewFixtures.count(context, "select count(*) from audit_event where action = 'SIGN_IN'");
        assertTrue(signIns >= 1, "the service wrote the sign-in to the audit trail as usual");

        try (Connection c = ReviewFixtures.connection(context); Statement s = c.createStatement()) {
            assertEquals(DatabaseRoles.SERVICE, c.getMetaData().getUserName(), "the service's own datasource");
            s.execute("insert into audit_event (action) values ('LEAST_PRIVILEGE_TEST')");

            assertRefused(s, "delete from audit_event");
            assertRefused(s, "update audit_event set action = 'CHANGED'");
            assertRefused(s, "truncate audit_event");
            assertRefused(s, "alter table audit_event disable trigger all");
            assertRefused(s, "drop trigger audit_event_no_update on audit_event");
            assertRefused(s, "create table not_allowed (id int)");
            assertRefused(s, "drop table review");
            assertRefused(s, "alter table review add column not_allowed int");
            assertRefused(s, "delete from flyway_schema_history");
            assertRefused(s, "update flyway_schema_history set success = false");
        }
        assertEquals(signIns, ReviewFixtures.count(context, "select count(*) from audit_event where action = 'SIGN_IN'"),
                "nothing was taken from the audit trail");
    }

    @Test
    void theOwnerRanTheMigrationsAndOwnsEveryTable() throws SQLException {
        try (Connection c = SharedTestDatabase.ownerConnection(context); Statement s = c.createStatement();
             var rs = s.executeQuery("""
                     select count(*) filter (where tableowner <> current_user), count(*) from pg_tables where schemaname = 'public'
                     """)) {
            rs.next();
            assertEquals(0, rs.getInt(1), "every table belongs to the owner");
            assertTrue(rs.getInt(2) > 20);
        }
        try (Connection c = SharedTestDatabase.ownerConnection(context); Statement s = c.createStatement();
             var rs = s.executeQuery("select count(*) from flyway_schema_history where installed_by <> current_user")) {
            rs.next();
            assertEquals(0, rs.getInt(1), "every migration ran as the owner");
        }
        // And the trigger still holds for the owner itself.
        try (Connection c = SharedTestDatabase.ownerConnection(context); Statement s = c.createStatement()) {
            s.execute("insert into audit_event (action) values ('LEAST_PRIVILEGE_TEST')"); // a row for the row trigger
            SQLException refused = assertThrows(SQLException.class, () -> s.execute("delete from audit_event"));
            assertTrue(String.valueOf(refused.getMessage()).contains("append-only"), refused.getMessage());
        }
    }

    @Test
    void anInstanceGivenOnlyTheServicesRoleStillStartsOnAnUpToDateSchema() throws SQLException {
        EmbeddedDatabase database = context.getBean(EmbeddedDatabase.class);
        try (ApplicationContext second = ApplicationContext.run(Map.of(
                "datasources.default.url", database.jdbcUrl(),
                "datasources.default.username", database.username(),
                "datasources.default.password", database.password(),
                "myview.notify.sender-enabled", "false",
                "myview.talk-now.escalation-enabled", "false",
                "myview.parent.jobs-enabled", "false"), "test");
             Connection c = ReviewFixtures.connection(second); Statement s = c.createStatement()) {
            assertEquals(DatabaseRoles.SERVICE, c.getMetaData().getUserName());
            assertRefused(s, "delete from audit_event");
        }
    }

    private static void assertRefused(Statement s, String sql) {
        SQLException refused = assertThrows(SQLException.class, () -> s.execute(sql), sql);
        assertEquals(INSUFFICIENT_PRIVILEGE, refused.getSQLState(), sql + ": " + refused.getMessage());
    }
}
