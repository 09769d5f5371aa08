package org.myview.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.model.ViewModelProcessor;
import jakarta.inject.Singleton;

import java.util.HashMap;
import java.util.Map;

/** Adds what every page's layout needs (organisation name, language, text direction) to the model. */
@Singleton
class LayoutModelProcessor implements ViewModelProcessor<Map<String, Object>> {

    private final ServiceSettings settings;
    private final PageLanguage pageLanguage;

    LayoutModelProcessor(ServiceSettings settings, PageLanguage pageLanguage) {
        this.settings = settings;
        this.pageLanguage = pageLanguage;
    }

    @Override
    public void process(HttpRequest<?> request, ModelAndView<Map<String, Object>> modelAndView) {
        Map<String, Object> model = new HashMap<>(modelAndView.getModel().orElseGet(Map::of));
        model.putIfAbsent("organisationName", settings.organisationName());
        model.putIfAbsent("contactEmail", settings.contactEmail());
        PageLanguage.Language language = pageLanguage.of(request);
        model.putIfAbsent("lang", language.tag());
        model.putIfAbsent("dir", language.direction());
        model.putIfAbsent("currentPath", request.getPath());
        modelAndView.setModel(model);
    }
}
