package org.myview.web;

import jakarta.inject.Singleton;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Parts of a page that are the same for everyone reading it in one language (the header of a page nobody is
 * signed in to, the footer, the child's safety bar), rendered once per language and then written as they are:
 * Thymeleaf processing them on every request was a large part of a question page's CPU (docs/performance.md,
 * "Question page"). Such a part reads only the language, the organisation's name and the languages offered.
 */
@Singleton
public class LayoutParts {

    /** Languages times parts stay far below this; a stranger locale is rendered each time rather than kept. */
    private static final int REMEMBERED = 500;

    private final TemplateEngine engine;
    private final ServiceSettings settings;
    private final PublicLanguages languages;
    private final Map<Key, String> rendered = new ConcurrentHashMap<>();

    private record Key(String template, String fragment, Locale locale, String lang) {
    }

    LayoutParts(TemplateEngine engine, ServiceSettings settings, PublicLanguages languages) {
        this.engine = engine;
        this.settings = settings;
        this.languages = languages;
    }

    /** The fragment of the template as the page would render it in this locale (messages) and language (lang). */
    public String html(String template, String fragment, Locale locale, String lang) {
        Key key = new Key(template, fragment, locale, lang);
        String known = rendered.get(key);
        if (known != null) {
            return known;
        }
        Map<String, Object> model = new HashMap<>();
        model.put("lang", lang);
        model.put("organisationName", settings.organisationName());
        model.put("languages", languages.offered().stream().map(PublicLanguages.Language::tag).toList());
        String html = engine.process(template, Set.of(fragment), new Context(locale, model));
        if (rendered.size() < REMEMBERED) {
            rendered.put(key, html);
        }
        return html;
    }
}
