package org.myview.consultation;

import io.micronaut.core.io.Writable;
import io.micronaut.http.HttpRequest;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.ViewsModelDecorator;
import io.micronaut.views.thymeleaf.ThymeleafViewsRenderer;
import jakarta.inject.Singleton;
import org.myview.web.FormErrors;
import org.unbescape.html.HtmlEscape;

import java.io.IOException;
import java.io.StringWriter;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A question page of the child's form, rendered by Thymeleaf once for everything on it that is the same for every
 * child (the question in this language, the layout, the way back and on) and then written with each child's own
 * values in their places: the session's CSRF token, the words typed so far, the form's offline name and expiry.
 * Thymeleaf walking the whole page for every request was about half of a question page's CPU (docs/performance.md,
 * "Question page"). The page is the template's, byte for byte (QuestionPagesTest compares the two).
 *
 * <p>Everything in the page's model apart from those values is the key of a rendered page, so a value added to the
 * model later changes the key, never the page of another child. A page with errors, a picture question (ticked
 * pictures and words for a grown-up), or a signed-in member of staff is rendered in full as before.
 */
@Singleton
class QuestionPages {

    static final String VIEW = "consultation/question";
    /**
     * Rendered pages kept (each the size of the page): enough for every question of every version in a few languages,
     * arriving either way, with each choice ticked; past it a page is rendered in full, as without this class.
     */
    private static final int REMEMBERED = 1_000;
    /** The child's own values, written into the rendered page; the first is HTML-escaped text, the rest attributes. */
    private static final List<String> SLOTS = List.of("value", "csrfToken", "offlineForm", "offlineUntil");
    /** In the model but read by no question page's template (checked by QuestionPagesTest with two children). */
    private static final List<String> UNREAD = List.of("journey", "officerName", "picks", "words", "errors");

    private final ThymeleafViewsRenderer<Map<String, Object>> renderer;
    private final ViewsModelDecorator decorator;
    private final Map<Map<String, Object>, Rendered> rendered = new ConcurrentHashMap<>();
    /** Marks a slot in the page as first rendered: random, so no words of a form can contain it. */
    private final String marker;
    private final Pattern markers;

    QuestionPages(ThymeleafViewsRenderer<Map<String, Object>> renderer, ViewsModelDecorator decorator) {
        this.renderer = renderer;
        this.decorator = decorator;
        byte[] random = new byte[8];
        new SecureRandom().nextBytes(random);
        this.marker = "myviewslot" + HexFormat.of().formatHex(random);
        this.markers = Pattern.compile(marker + "n([0-9])x");
    }

    /** A rendered page in parts: the page's own text, with slot numbers between, and the text's length. */
    private record Rendered(List<String> texts, int[] slots, int length) {
    }

    /** The page as the template renders it with this model, or empty when it is one for the template itself. */
    Optional<String> html(HttpRequest<?> request, Map<String, Object> controllerModel) {
        ModelAndView<Map<String, Object>> page = new ModelAndView<>(VIEW, controllerModel);
        decorator.decorate(request, page);
        Map<String, Object> model = page.getModel().orElseThrow();
        if (!fromTheRenderedPage(model)) {
            return Optional.empty();
        }
        Map<String, Object> key = new TreeMap<>(model);
        List<String> slots = slots((FormWords.ShownQuestion) model.get("question"));
        slots.forEach(key::remove);
        UNREAD.forEach(key::remove);
        Rendered known = rendered.get(key);
        if (known == null) {
            known = render(request, model, slots);
            if (rendered.size() < REMEMBERED) {
                rendered.put(key, known);
            }
        }
        return Optional.of(fill(known, model));
    }

    /** The slots of this question's page: a choice's value decides which one is ticked, so it is part of the key. */
    private static List<String> slots(FormWords.ShownQuestion question) {
        return question.isText() ? SLOTS : SLOTS.subList(1, SLOTS.size());
    }

    private static boolean fromTheRenderedPage(Map<String, Object> model) {
        return model.get("question") instanceof FormWords.ShownQuestion question && !question.isPictures()
                && model.get("errors") instanceof FormErrors errors && errors.isEmpty()
                && model.get("signedInName") == null && model.get("value") instanceof String
                && model.get("csrfToken") instanceof String;
    }

    private Rendered render(HttpRequest<?> request, Map<String, Object> model, List<String> slotsOfThePage) {
        Map<String, Object> marked = new HashMap<>(model);
        slotsOfThePage.forEach(name -> marked.put(name, marker + "n" + SLOTS.indexOf(name) + "x"));
        Writable writable = renderer.render(VIEW, marked, request);
        StringWriter out = new StringWriter(16 * 1024);
        try {
            writable.writeTo(out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        String html = out.toString();
        List<String> texts = new ArrayList<>();
        List<Integer> slots = new ArrayList<>();
        Matcher m = markers.matcher(html);
        int from = 0;
        while (m.find()) {
            texts.add(html.substring(from, m.start()));
            slots.add(Integer.parseInt(m.group(1)));
            from = m.end();
        }
        texts.add(html.substring(from));
        return new Rendered(List.copyOf(texts), slots.stream().mapToInt(Integer::intValue).toArray(),
                texts.stream().mapToInt(String::length).sum());
    }

    private static String fill(Rendered page, Map<String, Object> model) {
        String[] values = new String[SLOTS.size()];
        for (int i = 0; i < SLOTS.size(); i++) {
            Object value = model.get(SLOTS.get(i));
            // Thymeleaf escapes th:text and attribute values alike in HTML mode: HtmlEscape.escapeHtml4Xml.
            values[i] = value == null ? "" : HtmlEscape.escapeHtml4Xml(String.valueOf(value));
        }
        StringBuilder html = new StringBuilder(page.length() + 256);
        for (int i = 0; i < page.slots().length; i++) {
            html.append(page.texts().get(i)).append(values[page.slots()[i]]);
        }
        return html.append(page.texts().get(page.texts().size() - 1)).toString();
    }
}
