package org.myview.extract;

import org.myview.parent.PlanEntry;
import org.myview.review.CaseExtractWriter;
import org.myview.review.ReviewType;
import org.myview.web.FormErrors;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The extract's format (docs/extracts.md): its columns, and each row checked and typed. A row comes from a CSV line
 * or a JSON item, as column name to text, so both are checked by the same rules and named the same way.
 */
final class ExtractRows {

    static final String RECORD = "RECORD";
    static final List<String> COLUMNS = List.of(RECORD, "CASE_REFERENCE", "FIRST_NAME", "DOB", "LANGUAGE", "REVIEWING_OFFICER",
            "REVIEW_ID", "REVIEW_TYPE", "REVIEW_DATE", "PLAN_REFERENCE", "PLAN_TYPE", "PLAN_START", "PLAN_END", "CONTACT_NAME",
            "CONTACT_EMAIL", "CONTACT_MOBILE");
    /** PlanEntry's fields, named as the extract's columns. */
    private static final Map<String, String> PLAN_COLUMNS = Map.of("planReference", "PLAN_REFERENCE", "planType", "PLAN_TYPE",
            "startDate", "PLAN_START", "endDate", "PLAN_END", "childReferences", "CASE_REFERENCE", "parentName", "CONTACT_NAME",
            "email", "CONTACT_EMAIL", "mobile", "CONTACT_MOBILE", "language", "LANGUAGE");

    private static final Pattern CASE_REFERENCE = Pattern.compile("[A-Za-z0-9/_-]{1,20}");
    private static final Pattern REVIEW_ID = Pattern.compile("[A-Za-z0-9/_.:-]{1,40}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");
    private static final DateTimeFormatter UK = DateTimeFormatter.ofPattern("d/M/uuuu", Locale.UK).withResolverStyle(ResolverStyle.STRICT);

    /**
     * One row as read: its line in the CSV file (for JSON, its position among the items, from 1) and, for JSON,
     * the item it came from ({@code reviews[3]}), and its values by column.
     */
    record Raw(int line, String item, Map<String, String> values) {

        String get(String column) {
            String value = values.get(column);
            return value == null ? "" : value.strip();
        }
    }

    /** Everything checked, ready to write. */
    record Parsed(List<CaseExtractWriter.ChildRow> children, List<CaseExtractWriter.ReviewRow> reviews, List<PlanEntry.Checked> plans) {
    }

    private ExtractRows() {
    }

    /**
     * Checks every row; adds an error per problem. {@code officers} are the active reviewing officers by lower-case
     * username; {@code planMessage} turns the parent feature's message keys into words.
     */
    static Parsed parse(List<Raw> rows, Map<String, Long> officers, LocalDate today, Function<String, String> planMessage,
                        List<ExtractImport.ExtractError> errors) {
        List<CaseExtractWriter.ChildRow> children = new java.util.ArrayList<>();
        List<CaseExtractWriter.ReviewRow> reviews = new java.util.ArrayList<>();
        List<PlanEntry.Checked> plans = new java.util.ArrayList<>();
        Map<String, CaseExtractWriter.ChildRow> childByReference = new HashMap<>();
        Map<String, Raw> childLines = new HashMap<>();
        java.util.Set<String> childReferences = new java.util.HashSet<>();
        for (Raw row : rows) {
            if (row.get(RECORD).equalsIgnoreCase("CHILD")) {
                // A review of a child whose own row is wrong is not reported again as having no CHILD row.
                childReferences.add(row.get("CASE_REFERENCE").toUpperCase(Locale.ROOT));
                child(row, officers, today, errors).ifPresent(child -> {
                    String key = child.caseReference().toUpperCase(Locale.ROOT);
                    Raw earlier = childLines.putIfAbsent(key, row);
                    if (earlier != null) {
                        errors.add(error(row, "CASE_REFERENCE", "This child is already on " + where(earlier)
                                + ". Keep one CHILD row per child."));
                    } else {
                        childByReference.put(key, child);
                        children.add(child);
                    }
                });
            }
        }
        Map<String, Raw> reviewIds = new HashMap<>();
        Map<String, Raw> reviewSlots = new HashMap<>();
        Map<String, PlanEntry.Checked> planByReference = new HashMap<>();
        for (Raw row : rows) {
            String kind = row.get(RECORD).toUpperCase(Locale.ROOT);
            switch (kind) {
                case "CHILD" -> {
                }
                case "REVIEW" -> review(row, childByReference, childReferences, errors).ifPresent(review -> {
                    String child = review.caseReference().toUpperCase(Locale.ROOT);
                    Raw sameId = reviewIds.putIfAbsent(child + "|" + review.externalId(), row);
                    Raw sameSlot = reviewSlots.putIfAbsent(child + "|" + review.type() + "|" + review.date(), row);
                    if (sameId != null) {
                        errors.add(error(row, "REVIEW_ID", "This child's review " + review.externalId() + " is already on "
                                + where(sameId) + ". Keep one REVIEW row per review."));
                    } else if (sameSlot != null) {
                        errors.add(error(row, "REVIEW_DATE", "Another review of this child of the same type on the same date is on "
                                + where(sameSlot) + ". A child has one review of a type on a day: check the dates."));
                    } else {
                        reviews.add(review);
                    }
                });
                case "PARENT" -> parent(row, today, planMessage, errors).ifPresent(plan -> {
                    PlanEntry.Checked earlier = planByReference.putIfAbsent(plan.planReference(), plan);
                    if (earlier != null && (earlier.type() != plan.type() || !earlier.start().equals(plan.start())
                            || !java.util.Objects.equals(earlier.end(), plan.end()))) {
                        errors.add(error(row, "PLAN_REFERENCE", "An earlier PARENT row of this plan gives another plan type, start "
                                + "or end. A plan has one of each: make the rows agree."));
                    } else {
                        plans.add(plan);
                    }
                });
                default -> errors.add(error(row, RECORD, row.get(RECORD).isEmpty() ? "RECORD is empty. Say what the row is: "
                        + "CHILD, REVIEW or PARENT." : "RECORD must be CHILD, REVIEW or PARENT."));
            }
        }
        return new Parsed(children, reviews, plans);
    }

    private static Optional<CaseExtractWriter.ChildRow> child(Raw row, Map<String, Long> officers, LocalDate today,
                                                              List<ExtractImport.ExtractError> errors) {
        int before = errors.size();
        String reference = caseReference(row, errors);
        String firstName = row.get("FIRST_NAME");
        if (firstName.isEmpty()) {
            errors.add(error(row, "FIRST_NAME", "FIRST_NAME is empty. Give the child's first name (the name they use)."));
        } else if (firstName.length() > 100) {
            errors.add(error(row, "FIRST_NAME", "FIRST_NAME is longer than 100 characters. Give the first name only."));
        }
        Optional<LocalDate> dob = date(row, "DOB", errors);
        if (dob.isPresent() && dob.get().isAfter(today)) {
            errors.add(error(row, "DOB", "DOB is in the future. Check the date of birth."));
        }
        String language = language(row, errors);
        Long officerId = null;
        String officer = row.get("REVIEWING_OFFICER");
        if (!officer.isEmpty()) {
            officerId = officers.get(officer.toLowerCase(Locale.ROOT));
            if (officerId == null) {
                errors.add(error(row, "REVIEWING_OFFICER", "There is no active reviewing officer with that MyView username. Check "
                        + "the spelling, or ask an administrator to add them."));
            }
        }
        if (errors.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new CaseExtractWriter.ChildRow(row.line(), reference, firstName, dob.orElseThrow(), language, officerId));
    }

    private static Optional<CaseExtractWriter.ReviewRow> review(Raw row, Map<String, CaseExtractWriter.ChildRow> children,
                                                                java.util.Set<String> childReferences,
                                                                List<ExtractImport.ExtractError> errors) {
        int before = errors.size();
        String reference = caseReference(row, errors);
        CaseExtractWriter.ChildRow child = reference == null ? null : children.get(reference.toUpperCase(Locale.ROOT));
        if (reference != null && child == null && !childReferences.contains(reference.toUpperCase(Locale.ROOT))) {
            errors.add(error(row, "CASE_REFERENCE", "There is no CHILD row for this case reference in the extract. Every child "
                    + "with a review needs a CHILD row."));
        }
        String externalId = row.get("REVIEW_ID");
        if (externalId.isEmpty()) {
            errors.add(error(row, "REVIEW_ID", "REVIEW_ID is empty. Give the case system's own id of the review, so a review "
                    + "that moves is moved here, not added twice."));
        } else if (!REVIEW_ID.matcher(externalId).matches()) {
            errors.add(error(row, "REVIEW_ID", "REVIEW_ID may hold only letters, digits and / _ . : - (at most 40)."));
        }
        Optional<ReviewType> type = ReviewType.parse(row.get("REVIEW_TYPE").toUpperCase(Locale.ROOT));
        if (type.isEmpty()) {
            errors.add(error(row, "REVIEW_TYPE", "REVIEW_TYPE must be CLA, CP_INITIAL, CP_REVIEW or CIN."));
        }
        Optional<LocalDate> date = date(row, "REVIEW_DATE", errors);
        if (date.isPresent() && child != null && date.get().isBefore(child.dateOfBirth())) {
            errors.add(error(row, "REVIEW_DATE", "REVIEW_DATE is before the child's date of birth. Check the date."));
        }
        if (errors.size() > before || child == null) {
            return Optional.empty();
        }
        return Optional.of(new CaseExtractWriter.ReviewRow(row.line(), child.caseReference(), externalId, type.orElseThrow(),
                date.orElseThrow(), child.officerId()));
    }

    private static Optional<PlanEntry.Checked> parent(Raw row, LocalDate today, Function<String, String> planMessage,
                                                      List<ExtractImport.ExtractError> errors) {
        PlanEntry entry = new PlanEntry(row.get("PLAN_REFERENCE"), row.get("PLAN_TYPE").toUpperCase(Locale.ROOT), row.get("PLAN_START"),
                row.get("PLAN_END"), row.get("CASE_REFERENCE"), row.get("CONTACT_NAME"), row.get("CONTACT_EMAIL"),
                row.get("CONTACT_MOBILE"), row.get("LANGUAGE"));
        FormErrors planErrors = new FormErrors();
        Optional<PlanEntry.Checked> checked = entry.check(planErrors, today);
        planErrors.all().forEach(e -> errors.add(error(row, PLAN_COLUMNS.getOrDefault(e.field(), e.field()), planMessage.apply(e.key()))));
        return checked;
    }

    private static String caseReference(Raw row, List<ExtractImport.ExtractError> errors) {
        String reference = row.get("CASE_REFERENCE");
        if (reference.isEmpty()) {
            errors.add(error(row, "CASE_REFERENCE", "CASE_REFERENCE is empty. Give the child's case reference."));
            return null;
        }
        if (!CASE_REFERENCE.matcher(reference).matches()) {
            errors.add(error(row, "CASE_REFERENCE", "CASE_REFERENCE may hold only letters, digits and / _ - (at most 20)."));
            return null;
        }
        return reference;
    }

    private static String language(Raw row, List<ExtractImport.ExtractError> errors) {
        String language = row.get("LANGUAGE").toLowerCase(Locale.ROOT);
        if (language.isEmpty()) {
            return null;
        }
        if (!LANGUAGE.matcher(language).matches()) {
            errors.add(error(row, "LANGUAGE", "LANGUAGE must be a two- or three-letter language code, such as en, pl or ur."));
            return null;
        }
        return language;
    }

    /** 30/11/2025 (as the SSDA903 file and spreadsheets write it) or 2025-11-30 (as JSON and most reports do). */
    static Optional<LocalDate> date(Raw row, String column, List<ExtractImport.ExtractError> errors) {
        String text = row.get(column);
        if (text.isEmpty()) {
            errors.add(error(row, column, column + " is empty. Give a date as dd/mm/yyyy or yyyy-mm-dd."));
            return Optional.empty();
        }
        try {
            return Optional.of(text.contains("/") ? LocalDate.parse(text, UK) : LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            errors.add(error(row, column, column + " is not a real date. Give it as dd/mm/yyyy or yyyy-mm-dd."));
            return Optional.empty();
        }
    }

    static ExtractImport.ExtractError error(Raw row, String column, String message) {
        return new ExtractImport.ExtractError(row.item() == null ? row.line() : 0, row.item(), column, message);
    }

    static String where(Raw row) {
        return row.item() != null ? row.item() : "line " + row.line();
    }

    /** The JSON body's items as rows: {@code children}, {@code reviews} and {@code parents}, each field named as its column. */
    static Map<String, String> jsonItem(String kind, Map<String, Object> item) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put(RECORD, kind);
        item.forEach((key, value) -> values.put(key.toUpperCase(Locale.ROOT), value == null ? "" : String.valueOf(value)));
        return values;
    }
}
