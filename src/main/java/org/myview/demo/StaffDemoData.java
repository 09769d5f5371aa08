package org.myview.demo;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;
import org.myview.staff.PasswordHasher;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;

/** One demo account per role, all with the demo password listed in README. Dev environment only. */
@Singleton
@Requires(env = Environment.DEVELOPMENT)
class StaffDemoData implements DemoData {

    static final String DEMO_PASSWORD = "myview-demo-password";

    static final String[][] ACCOUNTS = {
            {"admin", "Demo Administrator", "ADMIN"},
            {"manager", "Demo Reviewing Service Manager", "SERVICE_MANAGER"},
            {"lead", "Demo Participation Lead", "PARTICIPATION_LEAD"},
            {"forum", "Demo Reach Out! Facilitator", "FORUM"},
            {"duty", "Demo Duty Team", "DUTY"},
    };

    private final PasswordHasher hasher;

    StaffDemoData(PasswordHasher hasher) {
        this.hasher = hasher;
    }

    @Override
    public int getOrder() {
        return 10;
    }

    @Override
    public void seed(Connection connection, LocalDate today) throws SQLException {
        String hash = hasher.hash(DEMO_PASSWORD);
        for (String[] account : ACCOUNTS) {
            upsert(connection, account[0], account[1], account[2], hash);
        }
        for (String[] officer : ReviewDemoData.OFFICERS) {
            upsert(connection, officer[0], officer[1], "REVIEWING_OFFICER", hash);
        }
    }

    private static void upsert(Connection connection, String username, String displayName, String role, String hash)
            throws SQLException {
        long id;
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into staff_account (username, display_name, password_hash) values (?, ?, ?) "
                        + "on conflict (lower(username)) do update set password_hash = excluded.password_hash returning id")) {
            insert.setString(1, username);
            insert.setString(2, displayName);
            insert.setString(3, hash);
            try (ResultSet rs = insert.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
        }
        try (PreparedStatement grant = connection.prepareStatement(
                "insert into staff_role (account_id, role) values (?, ?) on conflict do nothing")) {
            grant.setLong(1, id);
            grant.setString(2, role);
            grant.executeUpdate();
        }
    }
}
