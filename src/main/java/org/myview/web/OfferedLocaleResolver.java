package org.myview.web;

import io.micronaut.context.annotation.Primary;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.server.util.locale.CompositeHttpLocaleResolver;
import io.micronaut.http.server.util.locale.HttpAbstractLocaleResolver;
import io.micronaut.http.server.util.locale.HttpLocaleResolutionConfiguration;
import jakarta.inject.Singleton;

import java.util.Locale;
import java.util.Optional;

/**
 * The language of a page: only a language a translator has reviewed (i18n/languages.json), whatever the
 * language cookie or Accept-Language say, so a crafted cookie or form post cannot show a child or a parent
 * a draft (staff preview drafts at /staff/languages, languages/). Order: the language switch's cookie, the
 * language a page proposes ({@link #PROPOSED}: the parent's language from the plan), the browser's language;
 * the first that names anything decides, and English (the configured default) when it is not offered.
 */
@Singleton
@Primary
@Replaces(CompositeHttpLocaleResolver.class)
class OfferedLocaleResolver extends HttpAbstractLocaleResolver {

    /** Request attribute: the language the page would use when the person has not chosen one. */
    static final String PROPOSED = PublicLanguages.PROPOSED_ATTRIBUTE;

    private final PublicLanguages languages;
    private final String cookieName;

    OfferedLocaleResolver(HttpLocaleResolutionConfiguration configuration, PublicLanguages languages) {
        super(configuration);
        this.languages = languages;
        this.cookieName = configuration.getCookieName().orElse("myview_lang");
    }

    @Override
    public Optional<Locale> resolve(HttpRequest<?> request) {
        Optional<String> chosen = request.getCookies().findCookie(cookieName).map(Cookie::getValue)
                .or(() -> request.getAttribute(PROPOSED, String.class))
                .or(() -> request.getLocale().map(Locale::getLanguage))
                .filter(languages::isOffered);
        return Optional.of(chosen.filter(tag -> !tag.equals("en")).map(Locale::forLanguageTag)
                .orElse(httpLocaleResolutionConfiguration.getDefaultLocale()));
    }
}
