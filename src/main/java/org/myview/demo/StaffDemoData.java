package org.myview.demo;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;
import org.myview.staff.PasswordHasher;
import org.myview.system.BulkSql;

import java.time.LocalDate;
import java.util.Map;

/** One demo account per role, all with the demo password listed in README. Dev environment only. */
@Singleton
@Requires(env = Environment.DEVELOPMENT)
record StaffDemoData(PasswordHasher hasher) implements DemoData {

    static final String DEMO_PASSWORD = "myview-demo-password";

    static final String[][] ACCOUNTS = {
            {"admin", "Demo Administrator", "ADMIN"},
            {"manager", "Demo Reviewing Service Manager", "SERVICE_MANAGER"},
            {"lead", "Demo Participation Lead", "PARTICIPATION_LEAD"},
            {"forum", "Demo Reach Out! Facilitator", "FORUM"},
            {"duty", "Demo Duty Team", "DUTY"},
    };

    @Override
    public int getOrder() {
        return 10;
    }

    @Override
    public void seed(BulkSql sql, LocalDate today) {
        String hash = hasher.hash(DEMO_PASSWORD);
        for (String[] account : ACCOUNTS) {
            upsert(sql, account[0], account[1], account[2], hash);
        }
        for (String[] officer : ReviewDemoData.OFFICERS) {
            upsert(sql, officer[0], officer[1], "REVIEWING_OFFICER", hash);
        }
    }

    private static void upsert(BulkSql sql, String username, String displayName, String role, String hash) {
        long id = sql.one("""
                insert into staff_account (username, display_name, password_hash) values (:username, :displayName, :hash)
                on conflict (lower(username)) do update set password_hash = excluded.password_hash returning id""",
                Map.of("username", username, "displayName", displayName, "hash", hash), rs -> rs.getLong(1));
        sql.update("insert into staff_role (account_id, role) values (:id, :role) on conflict do nothing",
                Map.of("id", id, "role", role));
    }
}
