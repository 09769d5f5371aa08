package org.myview.demo;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;

/**
 * Invented plans and parents for the parent feedback pages: some due now (open 3 to 6 months), some
 * too new, one too old, one ended. Emails on example.org and mobiles in Ofcom's drama range, so
 * nothing can reach a real person. No round is started: the demo lead starts one. Dev environment only.
 */
@Singleton
@Requires(env = Environment.DEVELOPMENT)
class ParentDemoData implements DemoData {

    /** Reference, type, months open, ended (days ago, or -1), children, parent, email, mobile, language. */
    private static final Object[][] PLANS = {
            {"CP-2041", "CP", 3, -1, "DEMO101;DEMO102", "Sam", "sam.parent@example.org", null, "en"},
            {"CP-2042", "CP", 4, -1, "DEMO103", "Alex", null, "07700900101", "en"},
            {"CIN-3107", "CIN", 5, -1, "DEMO104", "Jo", "jo.parent@example.org", null, "pl"},
            {"CIN-3108", "CIN", 6, -1, "DEMO105;DEMO106;DEMO107", "Robin", "robin.parent@example.org", "07700900102", "en"},
            {"CP-2043", "CP", 2, -1, "DEMO108", "Kim", "kim.parent@example.org", null, "ur"},
            {"CIN-3109", "CIN", 8, -1, "DEMO109", "Lee", "lee.parent@example.org", null, "en"},
            {"CP-2039", "CP", 5, 10, "DEMO110", "Ash", "ash.parent@example.org", null, "en"},
    };

    @Override
    public int getOrder() {
        return 40;
    }

    @Override
    public void seed(Connection connection, LocalDate today) throws SQLException {
        for (Object[] p : PLANS) {
            long planId;
            try (PreparedStatement ps = connection.prepareStatement("insert into parent_plan (plan_reference, plan_type, start_date, end_date) "
                    + "values (?, ?, ?, ?) returning id")) {
                ps.setString(1, (String) p[0]);
                ps.setString(2, (String) p[1]);
                ps.setObject(3, today.minusMonths((Integer) p[2]).minusDays(1));
                ps.setObject(4, (Integer) p[3] < 0 ? null : today.minusDays((Integer) p[3]));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    planId = rs.getLong(1);
                }
            }
            try (PreparedStatement ps = connection.prepareStatement("insert into parent_plan_child (plan_id, case_reference) values (?, ?)")) {
                for (String child : ((String) p[4]).split(";")) {
                    ps.setLong(1, planId);
                    ps.setString(2, child);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = connection.prepareStatement("insert into parent_contact (plan_id, greeting_name, email, mobile, language) "
                    + "values (?, ?, ?, ?, ?)")) {
                ps.setLong(1, planId);
                ps.setString(2, (String) p[5]);
                ps.setString(3, (String) p[6]);
                ps.setString(4, (String) p[7]);
                ps.setString(5, (String) p[8]);
                ps.executeUpdate();
            }
        }
    }
}
