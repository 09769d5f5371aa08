package org.myview.system;

import io.micronaut.context.ApplicationContext;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.myview.support.SharedTestDatabase;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each test context starts on a new, empty database: the migrations must build the whole schema. */
@MicronautTest(transactional = false)
class MigrationsTest {

    @Inject
    DataSource dataSource;

    @Inject
    ApplicationContext context;

    @Test
    void everyMigrationRanSuccessfullyOnAnEmptyDatabase() throws SQLException {
        // As the owner, who ran them (the service's role may read the history too, never write it).
        try (Connection c = SharedTestDatabase.ownerConnection(context); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*), bool_and(success) from flyway_schema_history where version is not null")) {
            rs.next();
            assertTrue(rs.getInt(1) >= 1);
            assertTrue(rs.getBoolean(2));
        }
    }

    @Test
    void theDatabaseRefusesWhatTheDomainForbids() throws SQLException {
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection(); Statement s = c.createStatement()) {
            s.execute("insert into staff_account (username, display_name) values ('mig.officer', 'Officer')");
            s.execute("insert into child (case_reference, first_name, date_of_birth) values ('MIG1', 'Test', '2015-01-01')");
            s.execute("insert into review (child_id, review_type, review_date) "
                    + "select id, 'CLA', '2025-06-01' from child where case_reference = 'MIG1'");

            assertRefused(s, "insert into review (child_id, review_type, review_date) "
                    + "select id, 'CP', '2025-06-02' from child where case_reference = 'MIG1'", "review type");
            assertRefused(s, "insert into review (child_id, review_type, review_date) "
                    + "select id, 'CLA', '2025-06-01' from child where case_reference = 'MIG1'", "same review twice");
            assertRefused(s, "insert into review_participation (review_id, pn_code) "
                    + "select id, 'PN8' from review", "PN code");
            assertRefused(s, "insert into review_participation (review_id, pn_code) "
                    + "select id, 'pn1' from review", "lower-case PN code");
            s.execute("insert into review_participation (review_id, pn_code) select id, 'PN1' from review");
            assertRefused(s, "insert into review_participation (review_id, pn_code) "
                    + "select id, 'PN2' from review", "one participation per review");
            assertRefused(s, "insert into child (case_reference, first_name, date_of_birth) "
                    + "values ('mig1', 'Other', '2016-01-01')", "case reference unique regardless of case");
            try (ResultSet rs = s.executeQuery("select count(*) from review_participation")) {
                rs.next();
                assertEquals(1, rs.getInt(1));
            }
        }
    }

    private static void assertRefused(Statement s, String sql, String what) {
        assertThrows(SQLException.class, () -> s.execute(sql), "the database must refuse: " + what);
    }
}
