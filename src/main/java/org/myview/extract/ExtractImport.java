package org.myview.extract;

import io.micronaut.context.MessageSource;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import org.myview.parent.PlanService;
import org.myview.review.CaseExtractWriter;
import org.myview.staff.AuditAction;
import org.myview.staff.AuditEvent;
import org.myview.staff.AuditTrail;
import org.myview.staff.Role;
import org.myview.staff.StaffAccount;
import org.myview.staff.StaffAccountService;
import org.myview.staff.StaffUser;
import org.myview.system.Transactions;
import org.myview.web.CsvReader;

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
 * Imports a case-system extract (docs/extracts.md): children, their reviewing officer, their reviews and the parents
 * on plans, as one CSV file with a RECORD column or as JSON. All or nothing: every row is checked before anything is
 * written, and one bad row means nothing is. The same extract twice changes nothing. Children and reviews are written
 * by review/ ({@link CaseExtractWriter}), plans and parents by parent/ ({@link PlanService}), in this one transaction.
 */
@Singleton
public record ExtractImport(CaseExtractWriter writer, PlanService plans, StaffAccountService staff, AuditTrail audit,
                            MessageSource messages, Clock clock, Transactions transactions) {

    public static final int MAX_ROWS = 200_000;

    /** One problem: the CSV line (1 is the header; 0 for JSON), the JSON item ({@code reviews[3]}; null for CSV), the column, what to do. */
    @Serdeable
    public record ExtractError(int line, @Nullable String item, String column, String message) {
    }

    /** What an import did, or why it did nothing. */
    @Serdeable
    public record ExtractResult(boolean imported, int rows, int childrenAdded, int childrenChanged, int officersAssigned,
                                int reviewsAdded, int reviewsChanged, int reviewsMoved, int plansAdded, int plansChanged,
                                int parentsAdded, List<ExtractError> errors) {

        static ExtractResult refused(int rows, List<ExtractError> errors) {
            return new ExtractResult(false, rows, 0, 0, 0, 0, 0, 0, 0, 0, 0, errors);
        }

        /** Nothing added and nothing changed: the extract said what MyView already held. */
        public boolean unchanged() {
            return childrenAdded + childrenChanged + officersAssigned + reviewsAdded + reviewsChanged + plansAdded + plansChanged
                    + parentsAdded == 0;
        }
    }

    /** The CSV form: a header naming the columns (any order, any subset that includes RECORD and CASE_REFERENCE). */
    public ExtractResult importCsv(StaffUser user, String csv) {
        return transactions.write(() -> {
            List<CsvReader.Record> records;
            try {
                records = CsvReader.read(csv);
            } catch (CsvReader.UnterminatedQuote e) {
                return ExtractResult.refused(0, List.of(new ExtractError(e.line(), null, "FILE", "A quote mark (\") on this line is "
                        + "never closed, so the rest of the file cannot be read. Close the quote or remove it.")));
            }
            if (records.isEmpty()) {
                return ExtractResult.refused(0, List.of(new ExtractError(1, null, "FILE", "The file is empty. The first line names "
                        + "the columns (RECORD, CASE_REFERENCE and the others you use), then one row per child, review or parent.")));
            }
            List<ExtractError> errors = new ArrayList<>();
            List<String> header = new ArrayList<>();
            for (String field : records.get(0).fields()) {
                String name = field.strip().toUpperCase(Locale.ROOT);
                if (!ExtractRows.COLUMNS.contains(name)) {
                    errors.add(new ExtractError(1, null, name, "The column " + name + " is not one this import knows. The columns are "
                            + String.join(", ", ExtractRows.COLUMNS) + "."));
                } else if (header.contains(name)) {
                    errors.add(new ExtractError(1, null, name, "The column " + name + " appears twice. Remove one."));
                }
                header.add(name);
            }
            for (String required : List.of(ExtractRows.RECORD, "CASE_REFERENCE")) {
                if (!header.contains(required)) {
                    errors.add(new ExtractError(1, null, required, "The column " + required + " is missing. The first line must name "
                            + "the columns."));
                }
            }
            int rowCount = records.size() - 1;
            if (!errors.isEmpty()) {
                return ExtractResult.refused(rowCount, errors);
            }
            if (rowCount > MAX_ROWS) {
                return ExtractResult.refused(rowCount, List.of(new ExtractError(1, null, "FILE", "The file has more than " + MAX_ROWS
                        + " rows. Split it into smaller files.")));
            }
            List<ExtractRows.Raw> rows = new ArrayList<>(rowCount);
            for (CsvReader.Record record : records.subList(1, records.size())) {
                if (record.fields().size() != header.size()) {
                    errors.add(new ExtractError(record.line(), null, "ROW", "This row has " + record.fields().size() + " values but the "
                            + "header names " + header.size() + " columns. Check for a missing or extra comma."));
                    continue;
                }
                Map<String, String> values = new HashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    values.put(header.get(i), record.fields().get(i));
                }
                rows.add(new ExtractRows.Raw(record.line(), null, values));
            }
            return importRows(user, rows, rowCount, errors);
        });
    }

    /** The JSON form: {@code {"children": [...], "reviews": [...], "parents": [...]}}, each item's fields named as the columns. */
    public ExtractResult importJson(StaffUser user, ExtractJson body) {
        return transactions.write(() -> {
            List<ExtractError> errors = new ArrayList<>();
            List<ExtractRows.Raw> rows = new ArrayList<>();
            Map<String, List<Map<String, Object>>> parts = new LinkedHashMap<>();
            parts.put("children", body.children());
            parts.put("reviews", body.reviews());
            parts.put("parents", body.parents());
            Map<String, String> kinds = Map.of("children", "CHILD", "reviews", "REVIEW", "parents", "PARENT");
            parts.forEach((name, items) -> {
                for (int i = 0; items != null && i < items.size(); i++) {
                    String item = name + "[" + i + "]";
                    Map<String, Object> fields = items.get(i) == null ? Map.of() : items.get(i);
                    for (String key : fields.keySet()) {
                        String column = key.toUpperCase(Locale.ROOT);
                        if (!ExtractRows.COLUMNS.contains(column) || column.equals(ExtractRows.RECORD)) {
                            errors.add(new ExtractError(0, item, column, "The field " + key + " is not one this import knows "
                                    + "(docs/extracts.md lists them)."));
                        }
                    }
                    Map<String, String> values = ExtractRows.jsonItem(kinds.get(name), fields);
                    rows.add(new ExtractRows.Raw(rows.size() + 1, item, values));
                }
            });
            if (rows.size() > MAX_ROWS) {
                return ExtractResult.refused(rows.size(), List.of(new ExtractError(0, null, "FILE", "The extract has more than "
                        + MAX_ROWS + " items. Split it.")));
            }
            return importRows(user, rows, rows.size(), errors);
        });
    }

    private ExtractResult importRows(StaffUser user, List<ExtractRows.Raw> rows, int rowCount, List<ExtractError> errors) {
        LocalDate today = LocalDate.now(clock);
        Map<String, Long> officers = new HashMap<>();
        for (StaffAccount account : staff.withRole(Role.REVIEWING_OFFICER)) {
            if (!account.disabled()) {
                officers.put(account.username().toLowerCase(Locale.ROOT), account.id());
            }
        }
        ExtractRows.Parsed parsed = ExtractRows.parse(rows, officers, today,
                key -> messages.getMessage(key, Locale.UK).orElse(key), errors);
        if (errors.isEmpty() && rowCount == 0) {
            errors.add(new ExtractError(2, null, "FILE", "The extract has no rows. Add one row per child, review or parent."));
        }
        if (!errors.isEmpty()) {
            return ExtractResult.refused(rowCount, sorted(errors, rows));
        }
        CaseExtractWriter.Outcome outcome = writer.write(user, parsed.children(), parsed.reviews());
        if (!outcome.conflicts().isEmpty()) {
            Map<Integer, ExtractRows.Raw> bySequence = new HashMap<>();
            rows.forEach(r -> bySequence.put(r.line(), r));
            List<ExtractError> conflicts = new ArrayList<>();
            outcome.conflicts().forEach(c -> conflicts.add(ExtractRows.error(bySequence.get(c.line()), c.column(), c.message())));
            return ExtractResult.refused(rowCount, sorted(conflicts, rows));
        }
        PlanService.ExtractCounts planCounts = plans.saveExtract(parsed.plans());
        CaseExtractWriter.Counts counts = outcome.counts();
        ExtractResult result = new ExtractResult(true, rowCount, counts.childrenAdded(), counts.childrenChanged(),
                counts.officersAssigned(), counts.reviewsAdded(), counts.reviewsChanged(), counts.reviewsMoved(),
                planCounts.plansAdded(), planCounts.plansChanged(), planCounts.parentsAdded(), List.of());
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("rows", rowCount);
        detail.put("childrenAdded", result.childrenAdded());
        detail.put("childrenChanged", result.childrenChanged());
        detail.put("officersAssigned", result.officersAssigned());
        detail.put("reviewsAdded", result.reviewsAdded());
        detail.put("reviewsChanged", result.reviewsChanged());
        detail.put("reviewsMoved", result.reviewsMoved());
        detail.put("plansAdded", result.plansAdded());
        detail.put("plansChanged", result.plansChanged());
        detail.put("parentsAdded", result.parentsAdded());
        audit.record(AuditEvent.of(user, AuditAction.EXTRACT_IMPORTED).detail(detail));
        return result;
    }

    /** In the order of the file (or of the JSON items), so the person reads them as they fix them. */
    private static List<ExtractError> sorted(List<ExtractError> errors, List<ExtractRows.Raw> rows) {
        Map<String, Integer> itemOrder = new HashMap<>();
        rows.forEach(r -> itemOrder.put(r.item(), r.line()));
        errors.sort(Comparator.comparingInt((ExtractError e) -> e.item() == null ? e.line() : itemOrder.getOrDefault(e.item(), 0)));
        return errors;
    }
}
