package org.myview.demo;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;

import org.myview.system.BulkSql;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
    public void seed(BulkSql sql, LocalDate today) {
        for (Object[] p : PLANS) {
            long planId = sql.one("""
                    insert into parent_plan (plan_reference, plan_type, start_date, end_date)
                    values (:reference, :type, :startDate, :endDate) returning id""",
                    BulkSql.values("reference", p[0], "type", p[1], "startDate", today.minusMonths((Integer) p[2]).minusDays(1),
                            "endDate", (Integer) p[3] < 0 ? null : today.minusDays((Integer) p[3])), rs -> rs.getLong(1));
            List<Map<String, Object>> children = new ArrayList<>();
            for (String child : ((String) p[4]).split(";")) {
                children.add(Map.of("planId", planId, "caseReference", child));
            }
            sql.batch("insert into parent_plan_child (plan_id, case_reference) values (:planId, :caseReference)", children);
            sql.update("""
                    insert into parent_contact (plan_id, greeting_name, email, mobile, language)
                    values (:planId, :greetingName, :email, :mobile, :language)""",
                    BulkSql.values("planId", planId, "greetingName", p[5], "email", p[6], "mobile", p[7], "language", p[8]));
        }
    }
}
