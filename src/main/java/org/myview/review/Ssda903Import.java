package org.myview.review;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import org.myview.staff.AuditAction;
import org.myview.staff.AuditEvent;
import org.myview.staff.AuditTrail;
import org.myview.staff.Role;
import org.myview.staff.StaffAccount;
import org.myview.staff.StaffAccountService;
import org.myview.staff.StaffUser;
import org.myview.system.BulkSql;
import org.myview.system.Transactions;

import java.io.Reader;
import java.io.StringReader;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
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
public record Ssda903Import(BulkSql sql, StaffAccountService staff, AuditTrail audit, Clock clock, Transactions transactions) {

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

    public ImportResult importFile(StaffUser user, String csv) {
        return importFile(user, new StringReader(csv == null ? "" : csv));
    }

    /**
     * Streams the file: each row is checked as it is read and, if good, goes straight into a COPY to a staging
     * table, so memory does not grow with the rows (only the problems and notes to report are kept). The checks
     * across rows run as SQL on the staging table; the writes are a handful of set-based statements.
     */
    public ImportResult importFile(StaffUser user, Reader csv) {
        return transactions.write(() -> importInTransaction(user, csv));
    }

    private ImportResult importInTransaction(StaffUser user, Reader csv) {
        Ssda903Reading reading = new Ssda903Reading(LocalDate.now(clock), activeOfficers());
        // The sorts and hashes over 100,000 rows spilled to disk at the default 4 MB (issue 20); for this transaction only.
        sql.update("set local work_mem = '64MB'");
        sql.update("""
                create temporary table ssda903_import (line int, child_ref text, dob date, review_date date,
                  review_type text, officer_id bigint, pn_code text) on commit drop
                """);
        sql.copyIn("copy ssda903_import from stdin", out -> reading.readInto(csv, out));
        if (reading.unterminatedLine > 0) {
            return ImportResult.refused(0, List.of(new ImportError(reading.unterminatedLine, "FILE", "FILE", "A quote mark (\") "
                    + "on this line is never closed, so the rest of the file cannot be read. Close the quote or remove it.")));
        }
        if (reading.records == 0) {
            return ImportResult.refused(0, List.of(new ImportError(1, "FILE", "FILE", "The file is empty. Choose a CSV file "
                    + "with the header CHILD,DOB,REVIEW,REVIEW_CODE and one row per review.")));
        }
        int rows = reading.records - 1;
        if (!reading.headerErrors.isEmpty()) {
            return ImportResult.refused(rows, reading.headerErrors);
        }
        if (rows > MAX_ROWS) {
            return ImportResult.refused(rows, List.of(new ImportError(1, "FILE", "FILE",
                    "The file has more than " + MAX_ROWS + " rows. Split it into smaller files.")));
        }
        List<ImportError> errors = reading.errors;
        sql.update("analyze ssda903_import");
        // Each child of the file once, with the one held if any: the joins below use this, not all the children.
        sql.update("""
                create temporary table ssda903_child on commit drop as
                select k.ref_key, c.id as child_id, c.date_of_birth, false as created
                from (select distinct upper(child_ref) as ref_key from ssda903_import) k
                -- One probe of the upper-case index a child (a hash join read every child held); limit 1 keeps it so.
                left join lateral (select id, date_of_birth from child where upper(case_reference) = k.ref_key limit 1) c on true
                """);
        sql.update("analyze ssda903_child");
        if (reading.copied > 0) {
            checkConsistency(errors);
        }
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparingInt(ImportError::line));
            return ImportResult.refused(rows, errors);
        }
        return write(user, reading.copied, reading.notes);
    }

    private Map<String, Long> activeOfficers() {
        Map<String, Long> officers = new HashMap<>();
        for (StaffAccount account : staff.withRole(Role.REVIEWING_OFFICER)) {
            if (!account.disabled()) {
                officers.put(account.username().toLowerCase(Locale.ROOT), account.id());
            }
        }
        return officers;
    }

    /**
     * A child's date of birth must agree across the file and with what is held; a review appears once (or with the
     * same code). The good rows are in the staging table by now: one query, in line order, for all three.
     */
    private void checkConsistency(List<ImportError> errors) {
        sql.stream("""
                select line, kind, earlier_line, held_dob from (
                  select line, 1 as kind, null::int as earlier_line, null::date as held_dob from (
                    select line, dob, first_value(dob) over (partition by upper(child_ref) collate "C" order by line) as first_dob
                    from ssda903_import) d where dob <> first_dob
                  union all
                  select line, 2, first_line, null from (
                    select line, pn_code, first_value(pn_code) over w as first_code, first_value(line) over w as first_line
                    from ssda903_import window w as (partition by upper(child_ref) collate "C", review_type, review_date order by line)) r
                  where pn_code is distinct from first_code
                  union all
                  select i.line, 3, null, k.date_of_birth
                  from ssda903_import i join ssda903_child k on k.ref_key = upper(i.child_ref)
                  where k.date_of_birth <> i.dob
                ) problems order by line, kind
                """, Map.of(), 1000, rs -> switch (rs.getInt(2)) {
                    case 1 -> new ImportError(rs.getInt(1), "DOB", "DOB", "This child has a different date of birth on an "
                            + "earlier line of the file. A child has one date of birth: correct one of the lines.");
                    case 2 -> new ImportError(rs.getInt(1), "REVIEW_CODE", "DUPLICATE", "The same review (child, type and date) "
                            + "is on line " + rs.getInt(3) + " with a different code. Keep one line per review.");
                    default -> new ImportError(rs.getInt(1), "DOB", "DOB", "This date of birth does not match the one MyView "
                            + "holds for this child (" + Ssda903Rules.DFE_DATE.format(rs.getObject(4, LocalDate.class))
                            + "). Check the child ID and the date.");
                }, errors::add);
    }

    private ImportResult write(StaffUser user, int rows, List<ImportNote> notes) {
        int children = sql.update("""
                insert into child (case_reference, date_of_birth)
                select distinct on (upper(child_ref)) child_ref, dob from ssda903_import
                where upper(child_ref) in (select ref_key from ssda903_child where child_id is null)
                order by upper(child_ref), line
                on conflict do nothing
                """);
        // The new children's ids (and any another import added meanwhile): found through the upper-case index.
        sql.update("""
                update ssda903_child k set child_id = (select c.id from child c where upper(c.case_reference) = k.ref_key),
                  created = true
                where k.child_id is null
                """);
        // Each row's child, for the statements that follow.
        sql.update("""
                create temporary table ssda903_row on commit drop as
                select i.line, k.child_id, k.created, i.review_type, i.review_date, i.officer_id, i.pn_code
                from ssda903_import i join ssda903_child k on k.ref_key = upper(i.child_ref)
                """);
        sql.update("analyze ssda903_row");
        int reviews = sql.one("""
                with upserted as (
                  insert into review (child_id, review_type, review_date, reviewing_officer_id)
                  select f.child_id, f.review_type, f.review_date, f.officer_id from (
                    select distinct on (i.child_id, i.review_type, i.review_date) i.child_id, i.created, i.review_type, i.review_date,
                      i.officer_id
                    from ssda903_row i
                    order by i.child_id, i.review_type, i.review_date, i.line desc) f
                  -- A review held with the same officer (or none given) would only be locked by the upsert: left out. One
                  -- probe a row (not a join with every review), and none for a child this import created.
                  where f.created or not exists (select 1 from review r where r.child_id = f.child_id
                    and r.review_type = f.review_type and r.review_date = f.review_date
                    and (f.officer_id is null or r.reviewing_officer_id = f.officer_id))
                  order by f.child_id, f.review_type, f.review_date
                  on conflict (child_id, review_type, review_date) do update set reviewing_officer_id = excluded.reviewing_officer_id
                  where excluded.reviewing_officer_id is not null
                    and excluded.reviewing_officer_id is distinct from review.reviewing_officer_id
                  returning (xmax = 0) as inserted)
                select count(*) filter (where inserted) from upserted
                """, Map.of(), rs -> rs.getInt(1));
        // The codes that are new or changed, worked out once, before anything is written: set-based from here on.
        sql.update("""
                create temporary table ssda903_change on commit drop as
                select distinct on (r.id) r.id as review_id, i.child_id, p.pn_code as old_code, i.pn_code as new_code
                from ssda903_row i
                join review r on r.child_id = i.child_id and r.review_type = i.review_type and r.review_date = i.review_date
                left join review_participation p on p.review_id = r.id
                where i.pn_code is not null and p.pn_code is distinct from i.pn_code order by r.id, i.line desc
                """);
        // The codes written and their history in one statement: the history reads the rows the upsert returns, not
        // the table again. The file carries codes only: an update keeps the advocate and views, so their old values
        // are the current ones.
        sql.update("""
                with written as (
                  insert into review_participation (review_id, pn_code, recorded_by, updated_by)
                  select review_id, new_code, :staffId, :staffId from ssda903_change
                  on conflict (review_id) do update set pn_code = excluded.pn_code, updated_by = excluded.updated_by, updated_at = now()
                  returning review_id, pn_code, advocate, views_reached_by)
                insert into review_participation_change (review_id, changed_by, source, old_pn_code, new_pn_code,
                  old_advocate, new_advocate, old_views_reached_by, new_views_reached_by)
                select ch.review_id, :staffId, 'IMPORT', ch.old_code, p.pn_code, case when ch.old_code is null then null else p.advocate end,
                  p.advocate, case when ch.old_code is null then null else p.views_reached_by end, p.views_reached_by
                from ssda903_change ch join written p on p.review_id = ch.review_id
                """, Map.of("staffId", user.accountId()));
        int[] counts = sql.one("select count(*) filter (where old_code is null), count(*) filter (where old_code is not null) "
                + "from ssda903_change", Map.of(), rs -> new int[] {rs.getInt(1), rs.getInt(2)});
        int recorded = counts[0];
        int changed = counts[1];
        audit.record(AuditEvent.of(user, AuditAction.REVIEWS_IMPORTED).detail(Map.of("rows", rows,
                "childrenCreated", children, "reviewsCreated", reviews, "recorded", recorded, "changed", changed)));
        // One line per code recorded or changed, as AuditTrail writes them (detail: from, to, source), in one statement.
        sql.update("""
                insert into audit_event (actor_id, actor_username, action, child_id, review_id, detail)
                select :actorId::bigint, :actorUsername, case when old_code is null then :recordedAction else :changedAction end,
                  child_id, review_id, jsonb_strip_nulls(jsonb_build_object('from', old_code, 'to', new_code, 'source', 'IMPORT'))
                from ssda903_change order by review_id
                """, BulkSql.values("actorId", user.accountId(), "actorUsername", user.username(),
                "recordedAction", AuditAction.PARTICIPATION_RECORDED, "changedAction", AuditAction.PARTICIPATION_CHANGED));
        return new ImportResult(true, rows, children, reviews, recorded, changed, List.of(), notes);
    }

    private static ParticipationMethod code(String stored) {
        return stored == null ? null : ParticipationMethod.valueOf(stored);
    }
}
