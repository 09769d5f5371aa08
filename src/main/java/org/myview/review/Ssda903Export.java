package org.myview.review;

import jakarta.inject.Singleton;
import org.myview.staff.AuditAction;
import org.myview.staff.AuditEvent;
import org.myview.staff.AuditTrail;
import org.myview.staff.StaffUser;
import org.myview.system.BulkSql;
import org.myview.system.Transactions;
import org.myview.web.CsvWriter;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The SSDA903 Reviews file for a date range: CLA reviews with their participation code, the four
 * DfE columns, dates as dd/mm/yyyy. Every row is checked with the same rules the import uses before
 * it is written, so the file the service produces is one the service (and the DfE) would accept.
 */
@Singleton
public record Ssda903Export(BulkSql sql, AuditTrail audit, Clock clock, Transactions transactions) {

    /** The file, or the rows that would break a rule, and how many reviews in the range are not recorded yet. */
    public record Export(String csv, int rows, int notRecorded, List<String> problems) {
    }

    /**
     * Which reviews: CLA (the SSDA903 Reviews file, its four columns), or child protection and child in need
     * together (for the CIN census team and the local performance report: the same codes, with a REVIEW_TYPE
     * column, since the DfE return has no file for them).
     */
    public enum Reviews {
        CLA, CP_CIN;

        public static Reviews parse(String value) {
            return "CP_CIN".equals(value) ? CP_CIN : CLA;
        }
    }

    public Export export(StaffUser user, LocalDate from, LocalDate to) {
        return transactions.write(() -> export(user, from, to, Reviews.CLA));
    }

    public Export export(StaffUser user, LocalDate from, LocalDate to, Reviews which) {
        return transactions.write(() -> {
            LocalDate today = LocalDate.now(clock);
            boolean cla = which == Reviews.CLA;
            CsvWriter csv = cla ? new CsvWriter().row("CHILD", "DOB", "REVIEW", "REVIEW_CODE")
                    : new CsvWriter().row("CHILD", "DOB", "REVIEW_TYPE", "REVIEW", "REVIEW_CODE");
            List<String> problems = new ArrayList<>();
            int[] rows = {0};
            Map<String, Object> range = Map.of("from", from, "to", to, "cla", cla);
            sql.stream("""
                    select c.case_reference, c.date_of_birth, r.review_date, p.pn_code, r.review_type from review r
                    join child c on c.id = r.child_id join review_participation p on p.review_id = r.id
                    where (r.review_type = 'CLA') = :cla and r.review_date between :from and :to
                    order by r.review_date, c.case_reference, r.review_type
                    """, range, 1000, rs -> new Exported(new Ssda903Rules.Row(rs.getString(1), Ssda903Rules.DFE_DATE.format(rs.getObject(2, LocalDate.class)),
                    Ssda903Rules.DFE_DATE.format(rs.getObject(3, LocalDate.class)), rs.getString(4)), rs.getString(5)), exported -> {
                Ssda903Rules.Row row = exported.row();
                for (RuleViolation violation : Ssda903Rules.checkRow(row, today)) {
                    problems.add("Review on " + row.review() + ": rule " + violation.rule() + ": " + violation.message());
                }
                if (cla) {
                    csv.row(row.child(), row.dob(), row.review(), row.reviewCode());
                } else {
                    csv.row(row.child(), row.dob(), exported.type(), row.review(), row.reviewCode());
                }
                rows[0]++;
            });
            int notRecorded = sql.one("""
                    select count(*) from review r where (r.review_type = 'CLA') = :cla
                    and r.review_date between :from and least(:to::date, :today::date)
                    and not exists (select 1 from review_participation p where p.review_id = r.id)
                    """, Map.of("from", from, "to", to, "today", today, "cla", cla), rs -> rs.getInt(1));
            audit.record(AuditEvent.of(user, AuditAction.REVIEWS_EXPORTED).detail(Map.of("from", from.toString(), "to", to.toString(),
                    "rows", rows[0], "refused", !problems.isEmpty(), "reviews", which.name())));
            return new Export(problems.isEmpty() ? csv.toString() : null, rows[0], notRecorded, problems);
        });
    }

    private record Exported(Ssda903Rules.Row row, String type) {
    }
}
