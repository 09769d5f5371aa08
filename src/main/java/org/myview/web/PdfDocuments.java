package org.myview.web;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import io.micronaut.http.HttpRequest;
import io.micronaut.views.thymeleaf.ThymeleafViewsRenderer;
import jakarta.inject.Singleton;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Every PDF the service makes: a Thymeleaf template (well-formed XHTML, in {@code views/pdf/} or a feature's
 * folder) rendered to tagged PDF (PDF/UA: structure, reading order, language and title) with the fonts
 * embedded, so a screen reader can read the file and it looks the same on every machine. One renderer,
 * openhtmltopdf on PDFBox, for the case file and anything printed later.
 */
@Singleton
public record PdfDocuments(
        ThymeleafViewsRenderer<Map<String, Object>> views, DisplayDates dates, ServiceSettings settings) {

    private static final String FONT_FAMILY = "DejaVu Sans";

    /** The template rendered with the model (plus {@code dates} and {@code organisationName}) as a PDF. */
    public byte[] render(String template, Map<String, Object> model, HttpRequest<?> request) {
        Map<String, Object> full = new java.util.HashMap<>(model);
        full.putIfAbsent("dates", dates);
        full.putIfAbsent("organisationName", settings.organisationName());
        StringWriter html = new StringWriter();
        try {
            views.render(template, full, request).writeTo(html);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.usePdfUaAccessibility(true);
            builder.withProducer(settings.organisationName() + " MyView");
            builder.useFont(() -> font("DejaVuSans.ttf"), FONT_FAMILY, 400, BaseRendererBuilder.FontStyle.NORMAL, true);
            builder.useFont(() -> font("DejaVuSans-Bold.ttf"), FONT_FAMILY, 700, BaseRendererBuilder.FontStyle.NORMAL, true);
            builder.withHtmlContent(html.toString(), null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream font(String file) {
        InputStream in = PdfDocuments.class.getResourceAsStream("/pdf/fonts/" + file);
        if (in == null) {
            throw new IllegalStateException("font missing from the jar: " + file);
        }
        return in;
    }
}
