package org.myview.demo;

import io.micronaut.context.ApplicationContext;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DemoDataTest {

    @Test
    void theDevEnvironmentFillsAnEmptyDatabaseWithTwoFinancialYearsOfInventedReviews() throws SQLException {
        try (ApplicationContext context = ApplicationContext.run("test", "dev")) {
            try (Connection c = connection(context); Statement s = c.createStatement()) {
                assertEquals(ReviewDemoData.CHILDREN, count(s, "select count(*) from child"));
                assertEquals(ReviewDemoData.CHILDREN, count(s, "select count(*) from child where case_reference like 'DEMO%'"));
                assertTrue(count(s, "select count(distinct review_type) from review") == 4, "every review type");
                assertTrue(count(s, "select count(*) from review where review_date < current_date - interval '12 months'") > 50,
                        "last financial year populated");
                assertTrue(count(s, "select count(*) from review where review_date > current_date") > 10, "upcoming reviews");
                assertTrue(count(s, "select count(*) from review r where review_date <= current_date and not exists "
                        + "(select 1 from review_participation p where p.review_id = r.id)") > 5, "overdue reviews to record");
                assertTrue(count(s, "select count(distinct pn_code) from review_participation") == 8, "every PN code");
                assertTrue(count(s, "select count(*) from consultation where sent_at is not null") >= 5, "children’s sent forms");
                assertTrue(count(s, "select count(*) from consultation c join review r on r.id = c.review_id "
                        + "where c.sent_at is not null and r.review_date <= current_date") >= 1, "a held review with a sent form (PN6 hint)");
                assertEquals(1, count(s, "select count(*) from consultation_concern"), "a child who asked to talk now");
                assertEquals(ReceivedDemoData.BOOKLETS, count(s, "select count(*) from views_received v join review r on r.id = v.review_id "
                        + "where v.channel = 'PAPER_BOOKLET' and r.review_date <= current_date and v.received_on <= r.review_date"),
                        "paper booklets that count on the dashboard");
            }
        }
    }

    @Test
    void anyOtherEnvironmentHasNoDemoData() throws SQLException {
        try (ApplicationContext context = ApplicationContext.run("test")) {
            try (Connection c = connection(context); Statement s = c.createStatement()) {
                assertEquals(0, count(s, "select count(*) from child"));
                assertEquals(0, count(s, "select count(*) from review"));
            }
        }
    }

    private static Connection connection(ApplicationContext context) throws SQLException {
        return DelegatingDataSource.unwrapDataSource(context.getBean(DataSource.class)).getConnection();
    }

    private static int count(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
