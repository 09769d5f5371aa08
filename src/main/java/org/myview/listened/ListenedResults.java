package org.myview.listened;

import org.myview.disclosure.DisclosureControl;
import org.myview.participation.FinancialYear;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The follow-up's answers for a financial year, per question: a table per quarter of the review date and one for
 * the year, rows yes / partly / no / not answered, columns children and parents, with the forum's small-number
 * rules (counts 1 to 5 hidden, secondary suppression, the quarters and the year protected together, so a hidden
 * count cannot be worked out from another table either).
 *
 * @param tables per question id ("listened", "understood"): Q1 to Q4 then the year
 */
record ListenedResults(FinancialYear year, java.util.Map<String, List<DisclosureControl.ProtectedTable>> tables) {

    static final List<String> ROWS = List.of("yes", "partly", "no", "skipped");
    static final List<String> QUESTIONS = List.of("listened", "understood");

    static ListenedResults of(FinancialYear year, List<ListenedRepository.Answered> answered) {
        java.util.Map<String, List<DisclosureControl.ProtectedTable>> tables = new java.util.LinkedHashMap<>();
        for (String question : QUESTIONS) {
            List<int[][]> quarters = new ArrayList<>();
            for (int q = 0; q < 4; q++) {
                quarters.add(new int[ROWS.size()][2]);
            }
            for (ListenedRepository.Answered a : answered) {
                if (!year.contains(a.reviewDate())) {
                    continue;
                }
                String value = question.equals("listened") ? a.listened() : a.understood();
                int row = value == null ? ROWS.indexOf("skipped") : ROWS.indexOf(value);
                int column = ListenedService.CHILD.equals(a.respondent()) ? 0 : 1;
                quarters.get(year.quarterOf(YearMonth.from(a.reviewDate())) - 1)[row][column]++;
            }
            tables.put(question, DisclosureControl.protectYear(quarters, true, Collections.nCopies(5, null),
                    DisclosureControl.DEFAULT_THRESHOLD));
        }
        return new ListenedResults(year, tables);
    }

    static final List<String> COLUMNS = List.of("Q1", "Q2", "Q3", "Q4", "YEAR");
    static final List<String> RESPONDENTS = List.of("children", "parents", "total");

    /**
     * One cell as the page shows it: {@code table} indexes {@link #COLUMNS}; {@code row} indexes {@link #ROWS}, or
     * {@code ROWS.size()} for the total; {@code respondent} indexes {@link #RESPONDENTS}. Hidden cells stay hidden.
     */
    DisclosureControl.Cell cell(String question, int table, int row, int respondent) {
        DisclosureControl.ProtectedTable t = tables.get(question).get(table);
        if (row == ROWS.size()) {
            return respondent == 2 ? t.grandTotal() : t.columnTotal(respondent);
        }
        return respondent == 2 ? t.rowTotal(row) : t.cell(row, respondent);
    }
}
