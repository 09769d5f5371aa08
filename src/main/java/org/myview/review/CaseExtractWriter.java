package org.myview.review;

import jakarta.inject.Singleton;
import org.myview.staff.StaffUser;
import org.myview.system.BulkSql;

import java.io.StringReader;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Writes the children and reviews of a case-system extract (extract/, docs/extracts.md) with a handful of
 * set-based statements, in the caller's transaction: review/ alone writes children and reviews. The rows come
 * checked and typed; what only the database can tell (a date of birth that differs from the one held, a review
 * moved onto a date another review of the child holds) is checked first, and then nothing is written.
 * A review is matched by the case system's id ({@code review.external_id}, unique per child); a review held
 * without one (entered, or from the SSDA903 file) is linked when child, type and date agree.
 */
@Singleton
public record CaseExtractWriter(BulkSql sql, Clock clock) {

    /** A child as the case system holds it; {@code officerId} is their reviewing officer, if given. */
    public record ChildRow(int line, String caseReference, String firstName, LocalDate dateOfBirth, String language, Long officerId) {
    }

    /** A review; {@code officerId} is the child's reviewing officer from the child's row. */
    public record ReviewRow(int line, String caseReference, String externalId, ReviewType type, LocalDate date, Long officerId) {
    }

    /** A row the database refuses: its line (or item), the column and what to do. */
    public record Conflict(int line, String column, String message) {
    }

    /** What was written. */
    public record Counts(int childrenAdded, int childrenChanged, int officersAssigned, int reviewsAdded, int reviewsChanged,
                         int reviewsMoved) {
    }

    /** Either the conflicts (nothing written) or the counts. */
    public record Outcome(List<Conflict> conflicts, Counts counts) {
    }

    /** Call inside a transaction; on conflicts nothing is written, and the caller should write nothing else. */
    public Outcome write(StaffUser user, List<ChildRow> children, List<ReviewRow> reviews) {
        sql.update("""
                create temporary table extract_child (line int, case_ref text, first_name text, dob date, language text,
                  officer_id bigint) on commit drop
                """);
        sql.update("""
                create temporary table extract_review (line int, case_ref text, external_id text, review_type text,
                  review_date date, officer_id bigint) on commit drop
                """);
        copy("copy extract_child from stdin", children.stream().map(c -> new Object[] {c.line(), c.caseReference(), c.firstName(),
                c.dateOfBirth(), c.language(), c.officerId()}).toList());
        copy("copy extract_review from stdin", reviews.stream().map(r -> new Object[] {r.line(), r.caseReference(), r.externalId(),
                r.type().name(), r.date(), r.officerId()}).toList());
        sql.update("analyze extract_child");
        sql.update("analyze extract_review");

        List<Conflict> conflicts = new ArrayList<>(sql.list("""
                select e.line, c.date_of_birth from extract_child e join child c on upper(c.case_reference) = upper(e.case_ref)
                where c.date_of_birth <> e.dob
                """, Map.of(), rs -> new Conflict(rs.getInt(1), "DOB", "This date of birth does not match the one MyView holds for "
                + "this child (" + Ssda903Rules.DFE_DATE.format(rs.getObject(2, LocalDate.class)) + "). Correct it in the case "
                + "system, or ask the MyView administrator to correct MyView's, then import again.")));
        conflicts.addAll(sql.list("""
                select e.line, ri.external_id, rx.id is not null from extract_review e
                join child c on upper(c.case_reference) = upper(e.case_ref)
                left join review rx on rx.child_id = c.id and rx.external_id = e.external_id
                join review ri on ri.child_id = c.id and ri.review_type = e.review_type and ri.review_date = e.review_date
                where ri.id is distinct from rx.id and (rx.id is not null or ri.external_id is not null)
                """, Map.of(), rs -> new Conflict(rs.getInt(1), "REVIEW_DATE", rs.getBoolean(3)
                ? "MyView already holds another review of this child of this type on this date, so this review cannot move "
                + "to it. Check the date in the case system."
                : "MyView already holds a review of this child of this type on this date under another case-system review id ("
                + rs.getString(2) + "). Check the REVIEW_ID.")));
        if (!conflicts.isEmpty()) {
            conflicts.sort(Comparator.comparingInt(Conflict::line));
            return new Outcome(conflicts, null);
        }

        long staffId = user.accountId();
        int childrenChanged = sql.update("""
                update child c set first_name = e.first_name, preferred_language = e.language from extract_child e
                where upper(c.case_reference) = upper(e.case_ref)
                  and (c.first_name is distinct from e.first_name or c.preferred_language is distinct from e.language)
                """);
        int childrenAdded = sql.update("""
                insert into child (case_reference, first_name, date_of_birth, preferred_language)
                select case_ref, first_name, dob, language from extract_child order by line
                on conflict do nothing
                """);
        // The officer has the child in their caseload even before a review of theirs is scheduled.
        int assigned = sql.update("""
                insert into child_assignment (child_id, officer_id, assigned_by)
                select c.id, e.officer_id, :staffId from extract_child e join child c on upper(c.case_reference) = upper(e.case_ref)
                where e.officer_id is not null
                on conflict do nothing
                """, Map.of("staffId", staffId));
        // Matched once, after the new children exist: by the case system's id, else by child, type and date.
        sql.update("""
                create temporary table extract_match on commit drop as
                select e.line, e.external_id, e.review_type, e.review_date, e.officer_id, c.id as child_id,
                  rx.id as by_external, rx.review_date as old_date, rx.review_type as old_type, ri.id as by_identity
                from extract_review e join child c on upper(c.case_reference) = upper(e.case_ref)
                left join review rx on rx.child_id = c.id and rx.external_id = e.external_id
                left join review ri on ri.child_id = c.id and ri.review_type = e.review_type and ri.review_date = e.review_date
                """);
        sql.update("create temporary table extract_changed (review_id bigint) on commit drop");
        sql.update("""
                with linked as (
                  update review r set external_id = m.external_id from extract_match m
                  where m.by_external is null and m.by_identity = r.id and r.external_id is null returning r.id)
                insert into extract_changed select id from linked
                """);
        int moved = sql.update("""
                insert into review_date_change (review_id, changed_by, source, old_date, new_date, old_type, new_type)
                select by_external, :staffId, 'EXTRACT', old_date, review_date, old_type, review_type from extract_match
                where by_external is not null and (old_date <> review_date or old_type <> review_type)
                """, Map.of("staffId", staffId));
        sql.update("""
                with moved as (
                  update review r set review_date = m.review_date, review_type = m.review_type from extract_match m
                  where m.by_external = r.id and (r.review_date <> m.review_date or r.review_type <> m.review_type) returning r.id)
                insert into extract_changed select id from moved
                """);
        int reviewsAdded = sql.update("""
                insert into review (child_id, review_type, review_date, reviewing_officer_id, external_id)
                select child_id, review_type, review_date, officer_id, external_id from extract_match
                where by_external is null and by_identity is null order by line
                """);
        // An upcoming review goes to the child's officer now; a held one keeps whoever chaired it, unless nobody is recorded.
        sql.update("""
                with reassigned as (
                  update review r set reviewing_officer_id = m.officer_id from extract_match m
                  where r.id = coalesce(m.by_external, m.by_identity) and m.officer_id is not null
                    and r.reviewing_officer_id is distinct from m.officer_id
                    and (m.review_date >= :today or r.reviewing_officer_id is null) returning r.id)
                insert into extract_changed select id from reassigned
                """, Map.of("today", LocalDate.now(clock)));
        int reviewsChanged = sql.one("select count(distinct review_id) from extract_changed", Map.of(), rs -> rs.getInt(1));
        return new Outcome(List.of(), new Counts(childrenAdded, childrenChanged, assigned, reviewsAdded, reviewsChanged, moved));
    }

    private void copy(String copySql, List<Object[]> rows) {
        StringBuilder data = new StringBuilder(rows.size() * 64);
        for (Object[] values : rows) {
            for (int i = 0; i < values.length; i++) {
                data.append(i == 0 ? "" : "\t").append(BulkSql.copyValue(values[i]));
            }
            data.append('\n');
        }
        sql.copyIn(copySql, new StringReader(data.toString()));
    }
}
