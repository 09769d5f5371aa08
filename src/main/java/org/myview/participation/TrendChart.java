package org.myview.participation;

import java.util.List;
import java.util.OptionalInt;

/**
 * A line chart of a percentage across the months, drawn on the server as SVG so it needs no script and
 * prints cleanly. It is drawn at its own size in pixels (never scaled down), so its words are 14 px as the
 * page's are; on a narrow screen it scrolls inside its named region. Both axes are labelled. The table
 * beside it stays the accessible source: the SVG carries a title and a description that reads the values out.
 */
public final class TrendChart {

    private static final int WIDTH = 560;
    private static final int HEIGHT = 270;
    private static final int LEFT = 76;
    private static final int RIGHT = 16;
    private static final int BOTTOM = 58;
    private static final int TOP = 12;

    private TrendChart() {
    }

    public static String svg(String id, String title, List<String> labels, List<OptionalInt> values) {
        StringBuilder description = new StringBuilder();
        StringBuilder svg = new StringBuilder();
        int plotWidth = WIDTH - LEFT - RIGHT;
        int plotHeight = HEIGHT - BOTTOM - TOP;
        double step = labels.size() > 1 ? (double) plotWidth / (labels.size() - 1) : 0;
        svg.append("<svg class=\"myview-trend\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
                .append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" role=\"img\" aria-labelledby=\"").append(id).append("-title ").append(id).append("-desc\" ")
                .append("xmlns=\"http://www.w3.org/2000/svg\">");
        svg.append("<title id=\"").append(id).append("-title\">").append(escape(title)).append("</title>");
        for (int percent = 0; percent <= 100; percent += 25) {
            double y = TOP + plotHeight - plotHeight * percent / 100.0;
            svg.append(String.format(java.util.Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" class=\"myview-chart__grid\"/>",
                    LEFT, y, WIDTH - RIGHT, y));
            svg.append(String.format(java.util.Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" class=\"myview-chart__axis\" text-anchor=\"end\">%d%%</text>",
                    LEFT - 6, y + 5, percent));
        }
        StringBuilder path = new StringBuilder();
        boolean drawing = false;
        for (int i = 0; i < labels.size(); i++) {
            double x = LEFT + step * i;
            svg.append(String.format(java.util.Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" class=\"myview-chart__axis\" text-anchor=\"middle\">%s</text>",
                    x, TOP + plotHeight + 20, escape(labels.get(i))));
            OptionalInt value = values.get(i);
            description.append(labels.get(i)).append(": ").append(value.isPresent() ? value.getAsInt() + "%" : "no data").append(". ");
            if (value.isPresent()) {
                double y = TOP + plotHeight - plotHeight * value.getAsInt() / 100.0;
                path.append(drawing ? " L" : " M").append(String.format(java.util.Locale.ROOT, "%.1f %.1f", x, y));
                drawing = true;
                svg.append(String.format(java.util.Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" class=\"myview-chart__point\"/>", x, y));
            } else {
                drawing = false; // a month with no data breaks the line rather than drawing it as 0%
            }
        }
        svg.append(String.format(java.util.Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"myview-chart__title\" text-anchor=\"middle\">Month</text>",
                LEFT + plotWidth / 2, HEIGHT - 6));
        svg.append(String.format(java.util.Locale.ROOT,
                "<text x=\"0\" y=\"0\" class=\"myview-chart__title\" text-anchor=\"middle\" transform=\"translate(16 %d) rotate(-90)\">%% of reviews</text>",
                TOP + plotHeight / 2));
        if (path.length() > 0) {
            svg.append("<path d=\"").append(path.toString().trim()).append("\" class=\"myview-chart__line\"/>");
        }
        svg.append("<desc id=\"").append(id).append("-desc\">").append(escape(description.toString().trim())).append("</desc>");
        svg.append("</svg>");
        return svg.toString();
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
