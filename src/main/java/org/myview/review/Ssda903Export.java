package org.myview.review;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.myview.staff.AuditAction;
import org.myview.staff.AuditEvent;
import org.myview.staff.AuditTrail;
import org.myview.staff.StaffUser;
import org.myview.web.CsvWriter;

import java.sql.Date;
import java.sql.ResultSet;
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
public class Ssda903Export {

    /** The file, or the rows that would break a rule, and how many CLA reviews in the range are not recorded yet. */
    public record Export(String csv, int rows, int notRecorded, List<String> problems) {
    }

    private final JdbcOperations jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    Ssda903Export(JdbcOperations jdbc, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Export export(StaffUser user, LocalDate from, LocalDate to) {
        LocalDate today = LocalDate.now(clock);
        CsvWriter csv = new CsvWriter().row("CHILD", "DOB", "REVIEW", "REVIEW_CODE");
        List<String> problems = new ArrayList<>();
        int[] rows = {0};
        jdbc.prepareStatement("select c.case_reference, c.date_of_birth, r.review_date, p.pn_code from review r "
                + "join child c on c.id = r.child_id join review_participation p on p.review_id = r.id "
                + "where r.review_type = 'CLA' and r.review_date between ? and ? order by r.review_date, c.case_reference", ps -> {
            ps.setDate(1, Date.valueOf(from));
            ps.setDate(2, Date.valueOf(to));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String child = rs.getString(1);
                    String dob = Ssda903Rules.DFE_DATE.format(rs.getDate(2).toLocalDate());
                    String review = Ssda903Rules.DFE_DATE.format(rs.getDate(3).toLocalDate());
                    String code = rs.getString(4);
                    for (RuleViolation violation : Ssda903Rules.checkRow(new Ssda903Rules.Row(child, dob, review, code), today)) {
                        problems.add("Review on " + review + ": rule " + violation.rule() + ": " + violation.message());
                    }
                    csv.row(child, dob, review, code);
                    rows[0]++;
                }
            }
            return null;
        });
        int notRecorded = jdbc.prepareStatement("select count(*) from review r where r.review_type = 'CLA' and r.review_date between ? and ? "
                + "and r.review_date <= ? and not exists (select 1 from review_participation p where p.review_id = r.id)", ps -> {
            ps.setDate(1, Date.valueOf(from));
            ps.setDate(2, Date.valueOf(to));
            ps.setDate(3, Date.valueOf(today));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
        audit.record(AuditEvent.of(user, AuditAction.REVIEWS_EXPORTED).detail(Map.of("from", from.toString(), "to", to.toString(),
                "rows", rows[0], "refused", !problems.isEmpty())));
        return new Export(problems.isEmpty() ? csv.toString() : null, rows[0], notRecorded, problems);
    }
}
