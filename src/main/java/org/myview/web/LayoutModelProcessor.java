package org.myview.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.model.ViewModelProcessor;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Adds what every page's layout needs to the model: organisation name, language and direction, the
 * CSRF token of the session, and for signed-in staff their name, header links and when the session
 * will time out.
 */
@Singleton
class LayoutModelProcessor implements ViewModelProcessor<Map<String, Object>> {


    /** A header link as the layout shows it. */
    public record ShownItem(String href, String labelKey, boolean active) {
    }

    private final ServiceSettings settings;
    private final PageLanguage pageLanguage;
    private final CsrfTokens csrfTokens;
    private final List<NavigationItem> navigation;
    private final DisplayDates dates;
    private final PublicLanguages publicLanguages;
    private final LayoutParts layoutParts;

    LayoutModelProcessor(ServiceSettings settings, PageLanguage pageLanguage, CsrfTokens csrfTokens,
                         List<NavigationContributor> contributors, DisplayDates dates, PublicLanguages publicLanguages,
                         LayoutParts layoutParts) {
        this.layoutParts = layoutParts;
        this.dates = dates;
        this.publicLanguages = publicLanguages;
        this.settings = settings;
        this.pageLanguage = pageLanguage;
        this.csrfTokens = csrfTokens;
        List<NavigationItem> items = new ArrayList<>();
        contributors.forEach(c -> items.addAll(c.navigationItems()));
        items.sort(Comparator.comparingInt(NavigationItem::order));
        this.navigation = List.copyOf(items);
    }

    @Override
    public void process(HttpRequest<?> request, ModelAndView<Map<String, Object>> modelAndView) {
        Map<String, Object> model = new HashMap<>(modelAndView.getModel().orElseGet(Map::of));
        model.putIfAbsent("organisationName", settings.organisationName());
        model.putIfAbsent("contactEmail", settings.contactEmail());
        PageLanguage.Language language = pageLanguage.of(request);
        model.putIfAbsent("lang", language.tag());
        model.putIfAbsent("dir", language.direction());
        // A script the phone may lack gets our web font, on its own pages only (i18n/languages.json "font").
        publicLanguages.find(language.tag()).map(PublicLanguages.Language::font)
                .ifPresent(font -> model.putIfAbsent("fontStylesheet", "/static/fonts/" + font + ".css?v=1"));
        model.putIfAbsent("currentPath", request.getPath());
        model.putIfAbsent("dates", dates);
        model.putIfAbsent("layoutParts", layoutParts);
        csrfTokens.tokenFor(request).ifPresent(token -> model.putIfAbsent("csrfToken", token));
        request.getUserPrincipal(Authentication.class).ifPresent(authentication -> {
            model.putIfAbsent("signedInName", authentication.getAttributes().getOrDefault("displayName", authentication.getName()));
            model.putIfAbsent("navigation", itemsFor(authentication.getRoles(), request.getPath()));
            Object expires = authentication.getAttributes().get("sessionExpiresAt");
            if (expires instanceof Instant instant) {
                model.putIfAbsent("sessionExpiresAt", instant.toString());
                model.putIfAbsent("sessionExpiresAtTime", dates.time(instant));
            }
        });
        modelAndView.setModel(model);
    }

    private List<ShownItem> itemsFor(Collection<String> roles, String path) {
        List<ShownItem> shown = new ArrayList<>();
        for (NavigationItem item : navigation) {
            if (item.roles().stream().anyMatch(roles::contains)) {
                shown.add(new ShownItem(item.href(), item.labelKey(), path.equals(item.href()) || path.startsWith(item.href() + "/")));
            }
        }
        return shown;
    }
}
