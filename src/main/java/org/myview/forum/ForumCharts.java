package org.myview.forum;

import org.myview.forum.ForumFigures.Figure;

import java.util.List;
import java.util.Locale;

/**
 * Simple bar charts of percentages, drawn on the server as SVG so they need no script and print cleanly. The
 * table beside each chart is the text alternative; the SVG also carries a title and a description that reads
 * every bar out. A bar whose figure is hidden or has no percentage is not drawn, and says so in words.
 */
final class ForumCharts {

    private static final int WIDTH = 640;
    private static final int LABEL_WIDTH = 300;
    private static final int BAR_HEIGHT = 26;
    private static final int GAP = 12;

    private ForumCharts() {
    }

    /** One bar per label; a bar without a percentage says {@code hiddenText} or {@code tooFewText} instead. */
    static String bars(String id, String title, List<String> labels, List<Figure> figures, String hiddenText, String tooFewText) {
        int height = labels.size() * (BAR_HEIGHT + GAP) + GAP;
        int plot = WIDTH - LABEL_WIDTH - 60;
        StringBuilder svg = new StringBuilder();
        StringBuilder description = new StringBuilder();
        svg.append("<svg class=\"myview-chart\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
                .append("\" role=\"img\" aria-labelledby=\"").append(id).append("-title ").append(id).append("-desc\" ")
                .append("xmlns=\"http://www.w3.org/2000/svg\">");
        svg.append("<title id=\"").append(id).append("-title\">").append(escape(title)).append("</title>");
        for (int i = 0; i < labels.size(); i++) {
            Figure figure = figures.get(i);
            int y = GAP + i * (BAR_HEIGHT + GAP);
            String value = figure.hasPercent() ? figure.percentValue() + "%" : figure.isHidden() ? hiddenText : tooFewText;
            description.append(labels.get(i)).append(": ").append(value).append(". ");
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"#0b0c0c\" font-family=\"arial, sans-serif\" font-size=\"16\" text-anchor=\"end\">%s</text>",
                    LABEL_WIDTH - 8, y + BAR_HEIGHT - 8, escape(labels.get(i))));
            int barWidth = figure.hasPercent() ? Math.max(2, plot * figure.percentValue() / 100) : 0;
            if (barWidth > 0) {
                svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#1d70b8\"/>",
                        LABEL_WIDTH, y, barWidth, BAR_HEIGHT));
            }
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"#0b0c0c\" font-family=\"arial, sans-serif\" font-size=\"16\" font-weight=\"bold\">%s</text>",
                    LABEL_WIDTH + barWidth + 6, y + BAR_HEIGHT - 8, escape(value)));
        }
        svg.append("<desc id=\"").append(id).append("-desc\">").append(escape(description.toString().trim())).append("</desc>");
        svg.append("</svg>");
        return svg.toString();
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
