package org.myview.parent;

import jakarta.inject.Singleton;
import org.myview.staff.AuditAction;
import org.myview.staff.AuditEvent;
import org.myview.staff.AuditTrail;
import org.myview.staff.StaffUser;
import org.myview.system.Transactions;
import org.myview.web.CsvReader;
import org.myview.web.FormErrors;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Plans and parents: entered one at a time, or imported from CSV all or nothing. */
@Singleton
public record PlanService(ParentRepository repository, AuditTrail audit, Clock clock, Transactions transactions) {

    /** One problem in an imported file: the line, the column, what is wrong. */
    public record ImportError(int line, String column, String messageKey) {
    }

    public record ImportResult(boolean imported, int rows, int plansCreated, int contactsAdded, List<ImportError> errors) {
    }

    /** The import's columns, in the order of the template; the header names them, in any order. */
    public static final List<String> COLUMNS = List.of("plan_reference", "plan_type", "start_date", "end_date", "child_references",
            "parent_name", "email", "mobile", "language");

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public List<ParentRepository.Plan> plans() {
        return transactions.read(() -> repository.plans(500));
    }

    /** Checks a plan with one parent and adds it (or updates it, by its reference); the problems found, none when saved. */
    public FormErrors add(StaffUser user, PlanEntry entry) {
        return transactions.write(() -> {
            FormErrors errors = new FormErrors();
            entry.check(errors, today()).ifPresent(checked -> add(user, checked));
            return errors;
        });
    }

    /** Adds a checked plan (or updates it, by its reference) with one parent, as typed in by the lead. */
    public void add(StaffUser user, PlanEntry.Checked checked) {
        transactions.run(() -> {
            int[] counts = new int[2];
            save(checked, counts);
            audit.record(AuditEvent.of(user, AuditAction.PARENT_PLANS_IMPORTED).subject("parent_plan", checked.planReference())
                    .detail(Map.of("source", "ENTRY", "plansCreated", counts[0], "parentsAdded", counts[1])));
        });
    }

    public ImportResult importFile(StaffUser user, String text) {
        return transactions.write(() -> {
            List<CsvReader.Record> records;
            try {
                records = CsvReader.read(text);
            } catch (CsvReader.UnterminatedQuote e) {
                return new ImportResult(false, 0, 0, 0, List.of(new ImportError(e.line(), "FILE", "parent.import.error.quote")));
            }
            List<ImportError> errors = new ArrayList<>();
            if (records.isEmpty()) {
                return new ImportResult(false, 0, 0, 0, List.of(new ImportError(1, "FILE", "parent.import.error.empty")));
            }
            Map<String, Integer> columns = new HashMap<>();
            List<String> header = records.get(0).fields();
            for (int i = 0; i < header.size(); i++) {
                columns.put(header.get(i).trim().toLowerCase(Locale.ROOT), i);
            }
            for (String required : List.of("plan_reference", "plan_type", "start_date", "child_references", "parent_name")) {
                if (!columns.containsKey(required)) {
                    errors.add(new ImportError(1, required, "parent.import.error.column"));
                }
            }
            if (!errors.isEmpty()) {
                return new ImportResult(false, 0, 0, 0, errors);
            }
            LocalDate today = today();
            List<PlanEntry.Checked> rows = new ArrayList<>();
            for (CsvReader.Record record : records.subList(1, records.size())) {
                PlanEntry entry = new PlanEntry(value(record, columns, "plan_reference"), value(record, columns, "plan_type"),
                        value(record, columns, "start_date"), value(record, columns, "end_date"), value(record, columns, "child_references"),
                        value(record, columns, "parent_name"), value(record, columns, "email"), value(record, columns, "mobile"),
                        value(record, columns, "language"));
                FormErrors rowErrors = new FormErrors();
                entry.check(rowErrors, today).ifPresent(rows::add);
                rowErrors.all().forEach(e -> errors.add(new ImportError(record.line(), COLUMNS.get(PlanEntry.FIELDS.indexOf(e.field())), e.key())));
            }
            if (!errors.isEmpty() || rows.isEmpty()) {
                if (errors.isEmpty()) {
                    errors.add(new ImportError(2, "FILE", "parent.import.error.noRows"));
                }
                return new ImportResult(false, rows.size(), 0, 0, errors);
            }
            int[] counts = new int[2];
            rows.forEach(row -> save(row, counts));
            audit.record(AuditEvent.of(user, AuditAction.PARENT_PLANS_IMPORTED)
                    .detail(Map.of("source", "IMPORT", "rows", rows.size(), "plansCreated", counts[0], "parentsAdded", counts[1])));
            return new ImportResult(true, rows.size(), counts[0], counts[1], List.of());
        });
    }

    /** What {@link #saveExtract} did. */
    public record ExtractCounts(int plansAdded, int plansChanged, int parentsAdded) {
    }

    /**
     * Plans and parents from a case-system extract (extract/), checked already, in the caller's transaction.
     * A plan named again is confirmed (the open-plan retention counts from it) but counts as changed only when
     * its type or dates differ or it gains a child, so the same extract twice reports nothing changed.
     * Row by row: a trust has hundreds of open plans, not tens of thousands.
     */
    public ExtractCounts saveExtract(List<PlanEntry.Checked> rows) {
        int added = 0;
        int parents = 0;
        java.util.Set<Long> changed = new java.util.HashSet<>();
        for (PlanEntry.Checked row : rows) {
            Optional<Long> existing = repository.planIdByReference(row.planReference());
            long planId;
            if (existing.isPresent()) {
                planId = existing.get();
                ParentRepository.PlanFields before = repository.planFields(planId).orElseThrow();
                if (!before.equals(new ParentRepository.PlanFields(row.type().name(), row.start(), row.end()))) {
                    changed.add(planId);
                }
                repository.updatePlan(planId, row.type(), row.start(), row.end(), clock.instant());
            } else {
                planId = repository.insertPlan(row.planReference(), row.type(), row.start(), row.end(), clock.instant());
                added++;
            }
            for (String child : row.children()) {
                if (repository.addChild(planId, child) == 1 && existing.isPresent()) {
                    changed.add(planId);
                }
            }
            parents += repository.addContact(planId, row.parentName(), row.email(), row.mobile(), row.language());
        }
        return new ExtractCounts(added, changed.size(), parents);
    }

    private void save(PlanEntry.Checked row, int[] counts) {
        Optional<Long> existing = repository.planIdByReference(row.planReference());
        long planId;
        if (existing.isPresent()) {
            planId = existing.get();
            repository.updatePlan(planId, row.type(), row.start(), row.end(), clock.instant());
        } else {
            planId = repository.insertPlan(row.planReference(), row.type(), row.start(), row.end(), clock.instant());
            counts[0]++;
        }
        repository.addChildren(planId, row.children());
        if (repository.addContact(planId, row.parentName(), row.email(), row.mobile(), row.language()) == 1) {
            counts[1]++;
        }
    }

    private static String value(CsvReader.Record record, Map<String, Integer> columns, String name) {
        Integer i = columns.get(name);
        return i == null || i >= record.fields().size() ? null : record.fields().get(i);
    }
}
