package org.myview.system;

import io.micronaut.context.ApplicationContext;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.runtime.server.EmbeddedServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.myview.staff.Role;
import org.myview.support.StaffFixtures;
import org.myview.support.WebClient;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/runbook.md, "Database roles", is what a DBA runs for an external PostgreSQL: its SQL, run as written on a
 * server of its own, and its settings, given to the service as they are, must start the service with the
 * migrations as the owner and the service as a role that cannot touch the audit trail.
 */
class RunbookDatabaseRolesTest {

    @Test
    void theRunbooksStatementsAndSettingsGiveAServiceThatCannotChangeTheAuditTrail() throws Exception {
        String section = section(Files.readString(Path.of("docs/runbook.md")), "### Database roles");
        List<String> sql = blocks(section, "sql");
        List<String> settings = blocks(section, "");
        assertTrue(sql.size() >= 2, "the DBA's statements: server, then database");

        try (EmbeddedPostgres server = EmbeddedPostgres.builder().start()) {
            String postgres = "jdbc:postgresql://localhost:" + server.getPort() + "/";
            try (Connection c = DriverManager.getConnection(postgres + "postgres", "postgres", ""); Statement s = c.createStatement()) {
                executeEach(s, sql.get(0));
            }
            try (Connection c = DriverManager.getConnection(postgres + "myview", "postgres", ""); Statement s = c.createStatement()) {
                executeEach(s, sql.get(1));
            }

            Map<String, Object> properties = new HashMap<>();
            for (String line : settings.get(0).strip().split("\n")) {
                String[] setting = line.split("=", 2);
                // How Micronaut reads an environment variable: FLYWAY_DATASOURCES_DEFAULT_USER is flyway.datasources.default.user.
                properties.put(setting[0].toLowerCase().replace('_', '.'),
                        setting[1].replace("db.example:5432", "localhost:" + server.getPort()));
            }
            assertEquals("myview_app", properties.get("datasources.default.username"));
            assertEquals("myview_owner", properties.get("flyway.datasources.default.user"));

            try (ApplicationContext context = ApplicationContext.run(properties, "test")) {
                EmbeddedServer http = context.getBean(EmbeddedServer.class).start();
                StaffFixtures.account(context, "runbook.admin", Role.ADMIN);
                StaffFixtures.signIn(new WebClient(http.getURI()), "runbook.admin");

                DataSource dataSource = DelegatingDataSource.unwrapDataSource(context.getBean(DataSource.class));
                try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                    assertEquals("myview_app", c.getMetaData().getUserName());
                    assertEquals(1, count(s, "select count(*) from audit_event where action = 'SIGN_IN'"));
                    for (String refused : List.of("delete from audit_event", "update audit_event set action = 'X'",
                            "alter table audit_event disable trigger all", "create table not_allowed (id int)")) {
                        assertEquals("42501", assertThrows(SQLException.class, () -> s.execute(refused), refused).getSQLState(), refused);
                    }
                }
            }
            try (Connection c = DriverManager.getConnection(postgres + "myview", "postgres", ""); Statement s = c.createStatement()) {
                assertEquals(0, count(s, "select count(*) from pg_tables where schemaname = 'public' and tableowner <> 'myview_owner'"));
            }
        }
    }

    private static String section(String document, String heading) {
        int start = document.indexOf(heading);
        assertTrue(start >= 0, heading);
        int end = document.indexOf("\n#", start + heading.length());
        return end < 0 ? document.substring(start) : document.substring(start, end);
    }

    /** The fenced blocks of one language ("" for a plain block). */
    private static List<String> blocks(String section, String language) {
        List<String> blocks = new ArrayList<>();
        StringBuilder block = null;
        String blockLanguage = null;
        for (String line : section.split("\n")) {
            if (block == null && line.startsWith("```")) {
                block = new StringBuilder();
                blockLanguage = line.substring(3).strip();
            } else if (block != null && line.strip().equals("```")) {
                if (blockLanguage.equals(language)) {
                    blocks.add(block.toString());
                }
                block = null;
            } else if (block != null) {
                block.append(line).append('\n');
            }
        }
        return blocks;
    }

    /** One statement at a time, as psql sends them (CREATE DATABASE cannot share a round trip). */
    private static void executeEach(Statement s, String script) throws SQLException {
        String withoutComments = script.replaceAll("--[^\n]*", "");
        for (String statement : withoutComments.split(";")) {
            if (!statement.isBlank()) {
                s.execute(statement);
            }
        }
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
