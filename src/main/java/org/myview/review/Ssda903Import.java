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
import java.util.Optional;

/**
 * Imports the DfE SSDA903 Reviews file (CHILD, DOB, REVIEW, REVIEW_CODE, and optionally REVIEW_TYPE
 * and REVIEWING_OFFICER). All or nothing: every row is checked first and one bad row means nothing
 * is written; the answer lists every problem with its line, column and rule. Importing the same file
 * twice changes nothing; a changed code updates the review's participation, with history and audit.
 * A future review with no code is a scheduled review (the DfE file never holds those, our schedule does).
 */
@Singleton
public class Ssda903Import {

    static final List<String> REQUIRED = List.of("CHILD", "DOB", "REVIEW", "REVIEW_CODE");
    static final List<String> OPTIONAL = List.of("REVIEW_TYPE", "REVIEWING_OFFICER");
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

    private record Row(int line, String childRef, LocalDate dob, LocalDate reviewDate, ReviewType type, Long officerId,
                       ParticipationMethod code) {

        String reviewKey() {
            return childRef.toUpperCase(Locale.ROOT) + "|" + type + "|" + reviewDate;
        }
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
        Map<String, Integer> columns = header(records.get(0), errors);
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
        List<Row> rows = new ArrayList<>();
        for (CsvReader.Record record : records.subList(1, records.size())) {
            parse(record, columns, officers, today, errors).ifPresent(rows::add);
        }
        checkConsistency(rows, errors);
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparingInt(ImportError::line));
            return ImportResult.refused(records.size() - 1, errors);
        }
        return write(user, rows, fourthBirthdays(rows));
    }

    /** Either PN0 or PN1-PN7 is accepted on the fourth birthday (as in the DfE's checks); the row is counted as coded. */
    private static List<ImportNote> fourthBirthdays(List<Row> rows) {
        return rows.stream()
                .filter(row -> row.code() != null && Ssda903Rules.onFourthBirthday(row.dob(), row.reviewDate()))
                .map(row -> new ImportNote(row.line(), "The review was on the child’s fourth birthday ("
                        + Ssda903Rules.DFE_DATE.format(row.reviewDate()) + "). The DfE return accepts PN0 or PN1 to PN7 on "
                        + "that day; it is counted as " + row.code().name() + ", as given."))
                .toList();
    }

    private static Map<String, Integer> header(CsvReader.Record header, List<ImportError> errors) {
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (int i = 0; i < header.fields().size(); i++) {
            String name = header.fields().get(i).trim().toUpperCase(Locale.ROOT);
            if (!REQUIRED.contains(name) && !OPTIONAL.contains(name)) {
                errors.add(new ImportError(1, name, "HEADER", "The column " + name + " is not one this import knows. "
                        + "Use CHILD, DOB, REVIEW, REVIEW_CODE and, if you need them, REVIEW_TYPE and REVIEWING_OFFICER."));
            } else if (columns.containsKey(name)) {
                errors.add(new ImportError(1, name, "HEADER", "The column " + name + " appears twice. Remove one."));
            }
            columns.put(name, i);
        }
        for (String required : REQUIRED) {
            if (!columns.containsKey(required)) {
                errors.add(new ImportError(1, required, "HEADER", "The column " + required + " is missing. "
                        + "The first line must name the columns: CHILD,DOB,REVIEW,REVIEW_CODE."));
            }
        }
        return columns;
    }

    private static Optional<Row> parse(CsvReader.Record record, Map<String, Integer> columns, Map<String, Long> officers,
                                       LocalDate today, List<ImportError> errors) {
        int before = errors.size();
        if (record.fields().size() != columns.size()) {
            errors.add(new ImportError(record.line(), "ROW", "FILE", "This row has " + record.fields().size() + " values but the "
                    + "header names " + columns.size() + " columns. Check for a missing or extra comma."));
            return Optional.empty();
        }
        String child = value(record, columns, "CHILD");
        String dob = value(record, columns, "DOB");
        String review = value(record, columns, "REVIEW");
        String code = value(record, columns, "REVIEW_CODE");
        Optional<LocalDate> reviewDate = Ssda903Rules.parseDate(review);
        boolean scheduled = code.isEmpty() && reviewDate.isPresent() && reviewDate.get().isAfter(today);
        for (RuleViolation violation : Ssda903Rules.checkRow(new Ssda903Rules.Row(child, dob, review, code), today)) {
            if (scheduled && violation.rule().equals(Ssda903Rules.RULE_REVIEW_CODE)) {
                continue; // a review that has not happened yet has no code
            }
            errors.add(new ImportError(record.line(), violation.column(), violation.rule(), violation.message()));
        }
        ReviewType type = ReviewType.CLA;
        if (columns.containsKey("REVIEW_TYPE") && !value(record, columns, "REVIEW_TYPE").isEmpty()) {
            Optional<ReviewType> parsed = ReviewType.parse(value(record, columns, "REVIEW_TYPE"));
            if (parsed.isEmpty()) {
                errors.add(new ImportError(record.line(), "REVIEW_TYPE", "REVIEW_TYPE", "The review type must be CLA, "
                        + "CP_INITIAL, CP_REVIEW or CIN (or left empty for CLA)."));
            } else {
                type = parsed.get();
            }
        }
        Long officerId = null;
        if (columns.containsKey("REVIEWING_OFFICER") && !value(record, columns, "REVIEWING_OFFICER").isEmpty()) {
            officerId = officers.get(value(record, columns, "REVIEWING_OFFICER").toLowerCase(Locale.ROOT));
            if (officerId == null) {
                errors.add(new ImportError(record.line(), "REVIEWING_OFFICER", "REVIEWING_OFFICER", "There is no active "
                        + "reviewing officer with that username. Check the spelling, or ask an administrator to add them."));
            }
        }
        if (errors.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new Row(record.line(), child, Ssda903Rules.parseDate(dob).orElseThrow(), reviewDate.orElseThrow(),
                type, officerId, code.isEmpty() ? null : ParticipationMethod.parse(code).orElseThrow()));
    }

    private static String value(CsvReader.Record record, Map<String, Integer> columns, String column) {
        return record.fields().get(columns.get(column));
    }

    /** A child's date of birth must agree across the file and with what is held; a review appears once. */
    private void checkConsistency(List<Row> rows, List<ImportError> errors) {
        Map<String, LocalDate> dobInFile = new HashMap<>();
        Map<String, Row> reviewsInFile = new HashMap<>();
        for (Row row : rows) {
            String child = row.childRef().toUpperCase(Locale.ROOT);
            LocalDate first = dobInFile.putIfAbsent(child, row.dob());
            if (first != null && !first.equals(row.dob())) {
                errors.add(new ImportError(row.line(), "DOB", "DOB", "This child has a different date of birth on an earlier "
                        + "line of the file. A child has one date of birth: correct one of the lines."));
            }
            Row earlier = reviewsInFile.putIfAbsent(row.reviewKey(), row);
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
        for (Row row : rows) {
            LocalDate heldDob = held.get(row.childRef().toUpperCase(Locale.ROOT));
            if (heldDob != null && !heldDob.equals(row.dob())) {
                errors.add(new ImportError(row.line(), "DOB", "DOB", "This date of birth does not match the one MyView holds "
                        + "for this child (" + Ssda903Rules.DFE_DATE.format(heldDob) + "). Check the child ID and the date."));
            }
        }
    }

    private ImportResult write(StaffUser user, List<Row> rows, List<ImportNote> notes) {
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
    private void copyRows(List<Row> rows) {
        StringBuilder data = new StringBuilder(rows.size() * 48);
        for (Row row : rows) {
            Object[] values = {row.line(), row.childRef(), row.dob(), row.reviewDate(), row.type(), row.officerId(), row.code()};
            for (int i = 0; i < values.length; i++) {
                data.append(i == 0 ? "" : "\t").append(BulkSql.copyValue(values[i]));
            }
            data.append('\n');
        }
        sql.copyIn("copy ssda903_import from stdin", new StringReader(data.toString()));
    }
}
