package org.myview.forum;

import org.myview.disclosure.DisclosureControl;
import io.micronaut.context.MessageSource;
import jakarta.inject.Singleton;
import org.myview.disclosure.DisclosureControl.Cell;
import org.myview.forum.ForumFigures.Figure;
import org.myview.participation.AgeBand;
import org.myview.review.ParticipationMethod;
import org.myview.web.CsvWriter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The forum's figures as CSV and as JSON, built only from {@link ForumFigures}, which holds no hidden value:
 * a hidden count is the word "hidden" in the CSV and null (with "hidden": true) in the JSON.
 */
@Singleton
record ForumExport(MessageSource messages) {

    static final String HIDDEN = "hidden";

    String csv(ForumFigures figures) {
        CsvWriter csv = new CsvWriter();
        List<Object> header = new ArrayList<>(List.of(msg("forum.csv.ageBand")));
        for (ParticipationMethod method : figures.methods()) {
            header.add(method.name() + " " + msg("forum.method." + method.name()));
        }
        header.addAll(List.of(msg("forum.csv.reviews"), msg("forum.csv.tookPart"), msg("forum.csv.tookPartPercent"),
                msg("forum.csv.published")));
        String published = figures.publishedOn() == null ? "" : figures.publishedOn().toString();
        csv.row(header);
        for (int r = 0; r < figures.bands().size(); r++) {
            List<Object> row = new ArrayList<>(List.of(figures.bands().get(r).label()));
            for (int m = 0; m < figures.methods().size(); m++) {
                row.add(count(figures.table().cell(r, m)));
            }
            row.add(count(figures.table().rowTotal(r)));
            row.add(count(figures.tookPartByBand().get(r).count()));
            row.add(percent(figures.tookPartByBand().get(r)));
            row.add(published);
            csv.row(row);
        }
        List<Object> totals = new ArrayList<>(List.of(msg("forum.csv.allAges")));
        for (int m = 0; m < figures.methods().size(); m++) {
            totals.add(count(figures.table().columnTotal(m)));
        }
        totals.add(count(figures.reviews()));
        totals.add(count(figures.tookPart().count()));
        totals.add(percent(figures.tookPart()));
        totals.add(published);
        csv.row(totals);
        return csv.toString();
    }

    Map<String, Object> json(ForumFigures figures) {
        Map<String, Object> body = new LinkedHashMap<>();
        Map<String, Object> period = new LinkedHashMap<>();
        period.put("key", figures.period().key());
        period.put("from", figures.period().from().toString());
        period.put("to", figures.period().to().toString());
        // Published figures never change afterwards (docs/forum.md).
        period.put("publishedOn", figures.publishedOn() == null ? null : figures.publishedOn().toString());
        body.put("period", period);
        body.put("reviewType", ForumService.REVIEWS.name());
        body.put("ages", "4 and over");
        Map<String, Object> rules = new LinkedHashMap<>();
        rules.put("countsHiddenFrom", 1);
        rules.put("countsHiddenUpTo", figures.settings().hideCountsUpTo());
        rules.put("minimumGroupForPercentage", figures.settings().minimumGroupForPercentage());
        rules.put("secondarySuppression", "more counts are hidden so that no hidden count can be worked out from totals or other cells");
        body.put("rules", rules);
        List<Map<String, Object>> methods = new ArrayList<>();
        for (int m = 0; m < figures.methods().size(); m++) {
            Map<String, Object> method = new LinkedHashMap<>();
            method.put("code", figures.methods().get(m).name());
            method.put("label", msg("forum.method." + figures.methods().get(m).name()));
            method.put("tookPart", figures.tookPart(m));
            method.putAll(figure(figures.byMethod().get(m)));
            methods.add(method);
        }
        body.put("byMethod", methods);
        List<Map<String, Object>> bands = new ArrayList<>();
        for (int r = 0; r < figures.bands().size(); r++) {
            AgeBand band = figures.bands().get(r);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("ageBand", band.label());
            row.put("reviews", cell(figures.table().rowTotal(r)));
            row.put("tookPart", figure(figures.tookPartByBand().get(r)));
            Map<String, Object> cells = new LinkedHashMap<>();
            for (int m = 0; m < figures.methods().size(); m++) {
                cells.put(figures.methods().get(m).name(), cell(figures.table().cell(r, m)));
            }
            row.put("methods", cells);
            bands.add(row);
        }
        body.put("byAgeBand", bands);
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("reviews", cell(figures.reviews()));
        all.put("tookPart", figure(figures.tookPart()));
        body.put("allAges", all);
        return body;
    }

    private static Map<String, Object> cell(Cell cell) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("count", cell.isSuppressed() ? null : cell.count().getAsInt());
        value.put("hidden", cell.isSuppressed());
        return value;
    }

    private static Map<String, Object> figure(Figure figure) {
        Map<String, Object> value = cell(figure.count());
        value.put("percent", figure.hasPercent() ? figure.percentValue() : null);
        return value;
    }

    private static String count(Cell cell) {
        return cell.isSuppressed() ? HIDDEN : String.valueOf(cell.count().getAsInt());
    }

    private static String percent(Figure figure) {
        return figure.hasPercent() ? String.valueOf(figure.percentValue()) : "";
    }

    private String msg(String key) {
        return messages.getMessage(key, MessageSource.MessageContext.of(Locale.UK)).orElse(key);
    }
}
