package org.myview.review;

import org.myview.web.CsvReader;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Reading the SSDA903 Reviews file for {@link Ssda903Import}: the header, each row checked and typed, notes. */
final class Ssda903ImportRows {

    static final List<String> REQUIRED = List.of("CHILD", "DOB", "REVIEW", "REVIEW_CODE");
    static final List<String> OPTIONAL = List.of("REVIEW_TYPE", "REVIEWING_OFFICER");

    private Ssda903ImportRows() {
    }

    record Row(int line, String childRef, LocalDate dob, LocalDate reviewDate, ReviewType type, Long officerId,
                       ParticipationMethod code) {

        String reviewKey() {
            return childRef.toUpperCase(Locale.ROOT) + "|" + type + "|" + reviewDate;
        }
    }

    /** Either PN0 or PN1-PN7 is accepted on the fourth birthday (as in the DfE's checks); the row is counted as coded. */
    static List<Ssda903Import.ImportNote> fourthBirthdays(List<Row> rows) {
        return rows.stream().map(Ssda903ImportRows::fourthBirthday).flatMap(Optional::stream).toList();
    }

    /** The note for a row on the child's fourth birthday, if it is one. */
    static Optional<Ssda903Import.ImportNote> fourthBirthday(Row row) {
        if (row.code() == null || !Ssda903Rules.onFourthBirthday(row.dob(), row.reviewDate())) {
            return Optional.empty();
        }
        return Optional.of(new Ssda903Import.ImportNote(row.line(), "The review was on the child’s fourth birthday ("
                + Ssda903Rules.DFE_DATE.format(row.reviewDate()) + "). The DfE return accepts PN0 or PN1 to PN7 on "
                + "that day; it is counted as " + row.code().name() + ", as given."));
    }

    static Map<String, Integer> header(CsvReader.Record header, List<Ssda903Import.ImportError> errors) {
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (int i = 0; i < header.fields().size(); i++) {
            String name = header.fields().get(i).trim().toUpperCase(Locale.ROOT);
            if (!REQUIRED.contains(name) && !OPTIONAL.contains(name)) {
                errors.add(new Ssda903Import.ImportError(1, name, "HEADER", "The column " + name + " is not one this import knows. "
                        + "Use CHILD, DOB, REVIEW, REVIEW_CODE and, if you need them, REVIEW_TYPE and REVIEWING_OFFICER."));
            } else if (columns.containsKey(name)) {
                errors.add(new Ssda903Import.ImportError(1, name, "HEADER", "The column " + name + " appears twice. Remove one."));
            }
            columns.put(name, i);
        }
        for (String required : REQUIRED) {
            if (!columns.containsKey(required)) {
                errors.add(new Ssda903Import.ImportError(1, required, "HEADER", "The column " + required + " is missing. "
                        + "The first line must name the columns: CHILD,DOB,REVIEW,REVIEW_CODE."));
            }
        }
        return columns;
    }

    static Optional<Row> parse(CsvReader.Record record, Map<String, Integer> columns, Map<String, Long> officers,
                                       LocalDate today, List<Ssda903Import.ImportError> errors) {
        int before = errors.size();
        if (record.fields().size() != columns.size()) {
            errors.add(new Ssda903Import.ImportError(record.line(), "ROW", "FILE", "This row has " + record.fields().size() + " values but the "
                    + "header names " + columns.size() + " columns. Check for a missing or extra comma."));
            return Optional.empty();
        }
        Row clean = clean(record, columns, officers, today);
        if (clean != null) {
            return Optional.of(clean);
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
            errors.add(new Ssda903Import.ImportError(record.line(), violation.column(), violation.rule(), violation.message()));
        }
        ReviewType type = ReviewType.CLA;
        if (columns.containsKey("REVIEW_TYPE") && !value(record, columns, "REVIEW_TYPE").isEmpty()) {
            Optional<ReviewType> parsed = ReviewType.parse(value(record, columns, "REVIEW_TYPE"));
            if (parsed.isEmpty()) {
                errors.add(new Ssda903Import.ImportError(record.line(), "REVIEW_TYPE", "REVIEW_TYPE", "The review type must be CLA, "
                        + "CP_INITIAL, CP_REVIEW or CIN (or left empty for CLA)."));
            } else {
                type = parsed.get();
            }
        }
        Long officerId = null;
        if (columns.containsKey("REVIEWING_OFFICER") && !value(record, columns, "REVIEWING_OFFICER").isEmpty()) {
            officerId = officers.get(value(record, columns, "REVIEWING_OFFICER").toLowerCase(Locale.ROOT));
            if (officerId == null) {
                errors.add(new Ssda903Import.ImportError(record.line(), "REVIEWING_OFFICER", "REVIEWING_OFFICER", "There is no active "
                        + "reviewing officer with that username. Check the spelling, or ask an administrator to add them."));
            }
        }
        if (errors.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new Row(record.line(), child, Ssda903Rules.parseDate(dob).orElseThrow(), reviewDate.orElseThrow(),
                type, officerId, code.isEmpty() ? null : ParticipationMethod.parse(code).orElseThrow()));
    }

    /**
     * The row, typed, when every check below passes (nearly every row of a real file): the same checks, without
     * building any of their messages. Null otherwise, and the full checks then say what is wrong.
     */
    private static Row clean(CsvReader.Record record, Map<String, Integer> columns, Map<String, Long> officers,
                             LocalDate today) {
        String child = value(record, columns, "CHILD");
        LocalDate dob = Ssda903Rules.date(value(record, columns, "DOB"));
        LocalDate review = Ssda903Rules.date(value(record, columns, "REVIEW"));
        if (!Ssda903ChildId.isValid(child) || dob == null || review == null || dob.isAfter(review)) {
            return null;
        }
        String codeText = value(record, columns, "REVIEW_CODE");
        ParticipationMethod code = null;
        if (codeText.isEmpty()) {
            if (!review.isAfter(today)) {
                return null; // no code for a review held: rule 167
            }
        } else {
            code = ParticipationMethod.parse(codeText).orElse(null);
            if (code == null || review.isAfter(today) || !Ssda903Rules.codeFitsAge(dob, review, code)) {
                return null;
            }
        }
        ReviewType type = ReviewType.CLA;
        Integer typeColumn = columns.get("REVIEW_TYPE");
        if (typeColumn != null && !record.fields().get(typeColumn).isEmpty()) {
            type = ReviewType.parse(record.fields().get(typeColumn)).orElse(null);
            if (type == null) {
                return null;
            }
        }
        Long officerId = null;
        Integer officerColumn = columns.get("REVIEWING_OFFICER");
        if (officerColumn != null && !record.fields().get(officerColumn).isEmpty()) {
            officerId = officers.get(record.fields().get(officerColumn).toLowerCase(Locale.ROOT));
            if (officerId == null) {
                return null;
            }
        }
        return new Row(record.line(), child, dob, review, type, officerId, code);
    }

    private static String value(CsvReader.Record record, Map<String, Integer> columns, String column) {
        return record.fields().get(columns.get(column));
    }
}
