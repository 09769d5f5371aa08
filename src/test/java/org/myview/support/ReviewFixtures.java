package org.myview.support;

import io.micronaut.context.ApplicationContext;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;

/** Children and reviews written straight to the database, for tests that need them to exist. */
public final class ReviewFixtures {

    private ReviewFixtures() {
    }

    public static long child(ApplicationContext context, String reference, String firstName, LocalDate dob) {
        return insert(context, "insert into child (case_reference, first_name, date_of_birth) values (?, ?, ?) returning id",
                ps -> {
                    ps.setString(1, reference);
                    ps.setString(2, firstName);
                    ps.setDate(3, Date.valueOf(dob));
                });
    }

    public static long review(ApplicationContext context, long childId, String type, LocalDate date, Long officerId) {
        return insert(context, "insert into review (child_id, review_type, review_date, reviewing_officer_id) values (?, ?, ?, ?) returning id",
                ps -> {
                    ps.setLong(1, childId);
                    ps.setString(2, type);
                    ps.setDate(3, Date.valueOf(date));
                    if (officerId == null) {
                        ps.setNull(4, java.sql.Types.BIGINT);
                    } else {
                        ps.setLong(4, officerId);
                    }
                });
    }

    public static long count(ApplicationContext context, String sql) {
        try (Connection c = connection(context); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void execute(ApplicationContext context, String sql) {
        try (Connection c = connection(context); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Connection connection(ApplicationContext context) throws SQLException {
        return DelegatingDataSource.unwrapDataSource(context.getBean(DataSource.class)).getConnection();
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private static long insert(ApplicationContext context, String sql, Binder binder) {
        try (Connection c = connection(context); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
