package org.myview.web;

import io.micronaut.context.MessageSource;
import io.micronaut.context.annotation.Primary;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.i18n.ResourceBundleMessageSource;
import io.micronaut.runtime.context.CompositeMessageSource;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * All the message bundles, with plain placeholders: {0} (or {name}) is replaced by the value, and
 * nothing else is special. Micronaut's own interpolation treats apostrophes as quotes and the
 * Thymeleaf resolver applies it twice, so "Children’s Trust" passed as a value lost its apostrophe.
 */
@Singleton
@Primary
@Replaces(CompositeMessageSource.class)
class PlainMessageSource implements MessageSource {

    /** Enough for every key of every bundle in every language; beyond it, lookups are simply not remembered. */
    private static final int REMEMBERED = 20_000;

    private final List<ResourceBundleMessageSource> bundles;
    /**
     * The bundles never change while the service runs, so each key's text in each language is looked up once:
     * a page asks for dozens, and each asked every bundle in turn (docs/performance.md, "Question page").
     */
    private final Map<Key, Optional<String>> remembered = new ConcurrentHashMap<>();

    private record Key(String code, Locale locale) {
    }

    PlainMessageSource(List<ResourceBundleMessageSource> bundles) {
        this.bundles = bundles;
    }

    @Override
    public Optional<String> getRawMessage(String code, MessageContext context) {
        // Only a context with its own language (as every page's has): without one, each bundle uses its own default.
        Locale locale = context == MessageContext.DEFAULT ? null : context.getLocale(null);
        if (code == null || locale == null) {
            return lookUp(code, context);
        }
        Key key = new Key(code, locale);
        Optional<String> known = remembered.get(key);
        if (known != null) {
            return known;
        }
        Optional<String> found = lookUp(code, context);
        if (remembered.size() < REMEMBERED) {
            remembered.put(key, found);
        }
        return found;
    }

    private Optional<String> lookUp(String code, MessageContext context) {
        for (ResourceBundleMessageSource bundle : bundles) {
            Optional<String> message = bundle.getRawMessage(code, context);
            if (message.isPresent()) {
                return message;
            }
        }
        return Optional.empty();
    }

    @Override
    public Optional<String> getMessage(String code, MessageContext context) {
        return getRawMessage(code, context).map(message -> substitute(message, context.getVariables()));
    }

    /** Values are substituted once, by getMessage; a second pass must not touch the values' text. */
    @Override
    public String interpolate(String template, MessageContext context) {
        return template;
    }

    static String substitute(String message, Map<String, Object> values) {
        if (values.isEmpty() || message.indexOf('{') < 0) {
            return message;
        }
        StringBuilder out = new StringBuilder(message.length() + 32);
        int i = 0;
        while (i < message.length()) {
            char c = message.charAt(i);
            int close = c == '{' ? message.indexOf('}', i) : -1;
            if (close > i) {
                String name = message.substring(i + 1, close);
                if (values.containsKey(name)) {
                    out.append(values.get(name));
                    i = close + 1;
                    continue;
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }
}
