package org.myview.advocacy;

import org.myview.web.CsvWriter;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The advocacy figures as CSV (a row per figure, the page's columns) and as JSON (the same, by row and column
 * key), with the quarters' ratings. A value not entered or not begun is empty in CSV and null in JSON.
 */
final class AdvocacyExport {

    static final String PERCENT = "PERCENT_OF_ANNUAL_TARGET";

    private AdvocacyExport() {
    }

    static String csv(AdvocacyFigures figures) {
        CsvWriter csv = new CsvWriter();
        List<Object> header = new ArrayList<>(List.of("Figure"));
        figures.year().months().forEach(m -> header.add(m.toString()));
        header.addAll(List.of("Q1", "Q2", "Q3", "Q4", "TOTAL", PERCENT));
        csv.row(header);
        for (AdvocacyFigures.Row row : AdvocacyFigures.Row.values()) {
            List<Object> cells = new ArrayList<>(List.of(row.name()));
            figures.values().get(row).forEach(v -> cells.add(v == null ? "" : v));
            figures.quarters().get(row).forEach(v -> cells.add(v == null ? "" : v));
            cells.add(figures.totals().get(row) == null ? "" : figures.totals().get(row));
            cells.add(figures.percentOfAnnualTarget().get(row).isPresent() ? figures.percentOfAnnualTarget().get(row).getAsInt() : "");
            csv.row(cells);
        }
        List<Object> rag = new ArrayList<>(List.of("RAG_REFERRED_NYAS"));
        figures.year().months().forEach(m -> rag.add(""));
        figures.ratings().forEach(r -> rag.add(r.rag().name()));
        csv.row(rag);
        return csv.toString();
    }

    static Map<String, Object> json(AdvocacyFigures figures) {
        Map<String, Object> rows = new LinkedHashMap<>();
        for (AdvocacyFigures.Row row : AdvocacyFigures.Row.values()) {
            Map<String, Object> value = new LinkedHashMap<>();
            Map<String, Object> months = new LinkedHashMap<>();
            List<YearMonth> keys = figures.year().months();
            for (int i = 0; i < keys.size(); i++) {
                months.put(keys.get(i).toString(), figures.values().get(row).get(i));
            }
            Map<String, Object> quarters = new LinkedHashMap<>();
            for (int q = 0; q < 4; q++) {
                quarters.put("Q" + (q + 1), figures.quarters().get(row).get(q));
            }
            value.put("months", months);
            value.put("quarters", quarters);
            value.put("total", figures.totals().get(row));
            value.put("percentOfAnnualTarget", figures.percentOfAnnualTarget().get(row).isPresent()
                    ? figures.percentOfAnnualTarget().get(row).getAsInt() : null);
            rows.put(row.name(), value);
        }
        List<Map<String, Object>> ratings = new ArrayList<>();
        for (int q = 0; q < 4; q++) {
            ratings.add(Map.of("quarter", "Q" + (q + 1), "rag", figures.ratings().get(q).rag().name(),
                    "reason", figures.ratings().get(q).reason()));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("year", figures.year().label());
        body.put("referralsTargetPerQuarter", figures.quarterlyTarget());
        body.put("definitions", Map.of(
                "REQUESTED", "children who asked for an advocate in their My Review My View form and said yes to passing it on, by the day they sent it (Europe/London)",
                "REFERRED_NYAS", "referrals made to NYAS, by the date of the referral; the target is rated on this row",
                "REFERRED_OTHER", "referrals made to another advocacy service, by the date of the referral",
                "ISSUE_BASED", "issue-based advocacy cases from the advocacy service's report, entered by the participation lead; null when not entered",
                "RIGHTS_SESSIONS", "rights sessions from the same report; null when not entered",
                "REVIEWS_WITH_NYAS", "reviews whose participation record names a NYAS advocate, by review month (the earlier proxy for referrals)",
                "percentOfAnnualTarget", "the year's total over four quarters' target, whole percentage rounded half up"));
        body.put("rows", rows);
        body.put("referralRatings", ratings);
        return body;
    }
}
