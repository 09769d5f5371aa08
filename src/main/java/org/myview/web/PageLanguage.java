package org.myview.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.util.locale.HttpLocaleResolver;
import jakarta.inject.Singleton;

import java.util.Locale;
import java.util.Set;

/** The language a page is written in, and which way its text runs. */
@Singleton
public record PageLanguage(HttpLocaleResolver localeResolver, PublicLanguages languages) {

    private static final Set<String> RIGHT_TO_LEFT = Set.of("ar", "fa", "he", "ur", "ps", "yi");

    public record Language(String tag, String direction) {
    }

    public Language of(HttpRequest<?> request) {
        Locale locale = localeResolver.resolveOrDefault(request);
        String language = locale.getLanguage().isEmpty() ? "en" : locale.getLanguage();
        // The direction i18n/languages.json gives; the list above for a language it does not list.
        String direction = languages.find(language).map(PublicLanguages.Language::dir)
                .orElse(RIGHT_TO_LEFT.contains(language) ? "rtl" : "ltr");
        return new Language(language, direction);
    }
}
