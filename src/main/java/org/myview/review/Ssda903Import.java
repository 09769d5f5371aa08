package org.myview.review;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.myview.staff.AuditAction;
import org.myview.staff.AuditEvent;
import org.myview.staff.AuditTrail;
import org.myview.staff.Role;
import org.myview.staff.StaffAccount;
import org.myview.staff.StaffAccountService;
import org.myview.staff.StaffUser;
import org.myview.system.BulkSql;
import org.myview.web.CsvReader;

import java.io.StringReader;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Imports the DfE SSDA903 Reviews file (CHILD, DOB, REVIEW, REVIEW_CODE, and optionally REVIEW_TYPE
 * and REVIEWING_OFFICER). All or nothing: every row is checked first and one bad row means nothing
 * is written; the answer lists every problem with its line, column and rule. Importing the same file
 * twice changes nothing; a changed code updates the review's participation, with history and audit.
 * A future review with no code is a scheduled review (the DfE file never holds those, our schedule does).
 */
@Singleton
public class Ssda903Import {

    public static final int MAX_ROWS = 100_000;

    /** One problem with the file: the line (1 is the header), the column, the rule broken and what to do. */
    @Serdeable
    public record ImportError(int line, String column, String rule, String message) {
    }

    /** What an import did, or why it did nothing. */
    @Serdeable
    public record ImportResult(boolean imported, int rows, int childrenCreated, int reviewsCreated,
                               int participationRecorded, int participationChanged, List<ImportError> errors,
                               List<ImportNote> notes) {

        public static ImportResult refused(int rows, List<ImportError> errors) {
            return new ImportResult(false, rows, 0, 0, 0, 0, errors, List.of());
        }
    }

    /** Something imported as given that the person should know about: a review on the child's fourth birthday. */
    @Serdeable
    public record ImportNote(int line, String message) {
    }

    private final BulkSql sql;
    private final StaffAccountService staff;
    private final AuditTrail audit;
    private final Clock clock;

    Ssda903Import(BulkSql sql, StaffAccountService staff, AuditTrail audit, Clock clock) {
        this.sql = sql;
        this.staff = staff;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public ImportResult importFile(StaffUser user, String csv) {
        LocalDate today = LocalDate.now(clock);
        List<ImportError> errors = new ArrayList<>();
        List<CsvReader.Record> records;
        try {
            records = CsvReader.read(csv);
        } catch (CsvReader.UnterminatedQuote e) {
            return ImportResult.refused(0, List.of(new ImportError(e.line(), "FILE", "FILE", "A quote mark (\") on this line "
                    + "is never closed, so the rest of the file cannot be read. Close the quote or remove it.")));
        }
        if (records.isEmpty()) {
            return ImportResult.refused(0, List.of(new ImportError(1, "FILE", "FILE", "The file is empty. Choose a CSV file "
                    + "with the header CHILD,DOB,REVIEW,REVIEW_CODE and one row per review.")));
        }
        Map<String, Integer> columns = Ssda903ImportRows.header(records.get(0), errors);
        if (!errors.isEmpty()) {
            return ImportResult.refused(records.size() - 1, errors);
        }
        if (records.size() - 1 > MAX_ROWS) {
            return ImportResult.refused(records.size() - 1, List.of(new ImportError(1, "FILE", "FILE",
                    "The file has more than " + MAX_ROWS + " rows. Split it into smaller files.")));
        }
        Map<String, Long> officers = new HashMap<>();
        for (StaffAccount account : staff.withRole(Role.REVIEWING_OFFICER)) {
            if (!account.disabled()) {
                officers.put(account.username().toLowerCase(Locale.ROOT), account.id());
            }
        }
        List<Ssda903ImportRows.Row> rows = new ArrayList<>();
        for (CsvReader.Record record : records.subList(1, records.size())) {
            Ssda903ImportRows.parse(record, columns, officers, today, errors).ifPresent(rows::add);
        }
        checkConsistency(rows, errors);
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparingInt(ImportError::line));
            return ImportResult.refused(records.size() - 1, errors);
        }
        return write(user, rows, Ssda903ImportRows.fourthBirthdays(rows));
    }

    /** A child's date of birth must agree across the file and with what is held; a review appears once. */
    private void checkConsistency(List<Ssda903ImportRows.Row> rows, List<ImportError> errors) {
        Map<String, LocalDate> dobInFile = new HashMap<>();
        Map<String, Ssda903ImportRows.Row> reviewsInFile = new HashMap<>();
        for (Ssda903ImportRows.Row row : rows) {
            String child = row.childRef().toUpperCase(Locale.ROOT);
            LocalDate first = dobInFile.putIfAbsent(child, row.dob());
            if (first != null && !first.equals(row.dob())) {
                errors.add(new ImportError(row.line(), "DOB", "DOB", "This child has a different date of birth on an earlier "
                        + "line of the file. A child has one date of birth: correct one of the lines."));
            }
            Ssda903ImportRows.Row earlier = reviewsInFile.putIfAbsent(row.reviewKey(), row);
            if (earlier != null && earlier.code() != row.code()) {
                errors.add(new ImportError(row.line(), "REVIEW_CODE", "DUPLICATE", "The same review (child, type and date) is "
                        + "on line " + earlier.line() + " with a different code. Keep one line per review."));
            }
        }
        if (dobInFile.isEmpty()) {
            return;
        }
        Map<String, LocalDate> held = new HashMap<>();
        sql.stream("""
                select upper(case_reference), date_of_birth from child where upper(case_reference) = any(:references)
                """, Map.of("references", dobInFile.keySet()), 1000,
                rs -> Map.entry(rs.getString(1), rs.getObject(2, LocalDate.class)), e -> held.put(e.getKey(), e.getValue()));
        for (Ssda903ImportRows.Row row : rows) {
            LocalDate heldDob = held.get(row.childRef().toUpperCase(Locale.ROOT));
            if (heldDob != null && !heldDob.equals(row.dob())) {
                errors.add(new ImportError(row.line(), "DOB", "DOB", "This date of birth does not match the one MyView holds "
                        + "for this child (" + Ssda903Rules.DFE_DATE.format(heldDob) + "). Check the child ID and the date."));
            }
        }
    }

    private ImportResult write(StaffUser user, List<Ssda903ImportRows.Row> rows, List<ImportNote> notes) {
        sql.update("""
                create temporary table ssda903_import (line int, child_ref text, dob date, review_date date,
                  review_type text, officer_id bigint, pn_code text) on commit drop
                """);
        copyRows(rows);
        int children = sql.update("""
                insert into child (case_reference, date_of_birth)
                select distinct on (upper(child_ref)) child_ref, dob from ssda903_import order by upper(child_ref), line
                on conflict do nothing
                """);
        int reviews = sql.one("""
                with upserted as (
                  insert into review (child_id, review_type, review_date, reviewing_officer_id)
                  select distinct on (c.id, i.review_type, i.review_date) c.id, i.review_type, i.review_date, i.officer_id
                  from ssda903_import i join child c on upper(c.case_reference) = upper(i.child_ref)
                  order by c.id, i.review_type, i.review_date, i.line desc
                  on conflict (child_id, review_type, review_date) do update set reviewing_officer_id = excluded.reviewing_officer_id
                  where excluded.reviewing_officer_id is not null
                    and excluded.reviewing_officer_id is distinct from review.reviewing_officer_id
                  returning (xmax = 0) as inserted)
                select count(*) filter (where inserted) from upserted
                """, Map.of(), rs -> rs.getInt(1));
        // The codes that are new or changed, worked out once, before anything is written: set-based from here on.
        sql.update("""
                create temporary table ssda903_change on commit drop as
                select distinct on (r.id) r.id as review_id, c.id as child_id, p.pn_code as old_code, i.pn_code as new_code
                from ssda903_import i join child c on upper(c.case_reference) = upper(i.child_ref)
                join review r on r.child_id = c.id and r.review_type = i.review_type and r.review_date = i.review_date
                left join review_participation p on p.review_id = r.id
                where i.pn_code is not null and p.pn_code is distinct from i.pn_code order by r.id, i.line desc
                """);
        sql.update("""
                insert into review_participation (review_id, pn_code, recorded_by, updated_by)
                select review_id, new_code, :staffId, :staffId from ssda903_change
                on conflict (review_id) do update set pn_code = excluded.pn_code, updated_by = excluded.updated_by, updated_at = now()
                """, Map.of("staffId", user.accountId()));
        // The file carries codes only: an update keeps the advocate and views, so their old values are the current ones.
        sql.update("""
                insert into review_participation_change (review_id, changed_by, source, old_pn_code, new_pn_code,
                  old_advocate, new_advocate, old_views_reached_by, new_views_reached_by)
                select ch.review_id, :staffId, 'IMPORT', ch.old_code, p.pn_code, case when ch.old_code is null then null else p.advocate end,
                  p.advocate, case when ch.old_code is null then null else p.views_reached_by end, p.views_reached_by
                from ssda903_change ch join review_participation p on p.review_id = ch.review_id
                """, Map.of("staffId", user.accountId()));
        record Change(long reviewId, long childId, ParticipationMethod oldCode, ParticipationMethod newCode) {
        }
        List<Change> changes = sql.list("select review_id, child_id, old_code, new_code from ssda903_change", Map.of(),
                rs -> new Change(rs.getLong(1), rs.getLong(2), code(rs.getString(3)), code(rs.getString(4))));
        int recorded = (int) changes.stream().filter(c -> c.oldCode() == null).count();
        int changed = changes.size() - recorded;
        List<AuditEvent> events = new ArrayList<>();
        events.add(AuditEvent.of(user, AuditAction.REVIEWS_IMPORTED).detail(Map.of("rows", rows.size(),
                "childrenCreated", children, "reviewsCreated", reviews, "recorded", recorded, "changed", changed)));
        for (Change change : changes) {
            Map<String, Object> detail = new LinkedHashMap<>();
            if (change.oldCode() != null) {
                detail.put("from", change.oldCode().name());
            }
            detail.put("to", change.newCode().name());
            detail.put("source", "IMPORT");
            events.add(AuditEvent.of(user, change.oldCode() == null ? AuditAction.PARTICIPATION_RECORDED : AuditAction.PARTICIPATION_CHANGED)
                    .child(change.childId()).review(change.reviewId()).detail(detail));
        }
        audit.recordAll(events);
        return new ImportResult(true, rows.size(), children, reviews, recorded, changed, List.of(), notes);
    }

    private static ParticipationMethod code(String stored) {
        return stored == null ? null : ParticipationMethod.valueOf(stored);
    }

    /** COPY is the fastest way PostgreSQL takes many rows; the values are checked and typed already. */
    private void copyRows(List<Ssda903ImportRows.Row> rows) {
        StringBuilder data = new StringBuilder(rows.size() * 48);
        for (Ssda903ImportRows.Row row : rows) {
            Object[] values = {row.line(), row.childRef(), row.dob(), row.reviewDate(), row.type(), row.officerId(), row.code()};
            for (int i = 0; i < values.length; i++) {
                data.append(i == 0 ? "" : "\t").append(BulkSql.copyValue(values[i]));
            }
            data.append('\n');
        }
        sql.copyIn("copy ssda903_import from stdin", new StringReader(data.toString()));
    }
}
