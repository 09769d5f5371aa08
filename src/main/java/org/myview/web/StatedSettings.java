package org.myview.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.model.ViewModelProcessor;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Configured values that pages state in words (the privacy notice's retention periods, who reads a private answer),
 * so what a page says is what the service does: a feature names its pages and values, and they join those pages' models.
 */
public interface StatedSettings extends ViewModelProcessor<Map<String, Object>> {

    /** The views that state these values. */
    Set<String> views();

    /** The values, by their names in the model. */
    Map<String, Object> values();

    @Override
    default void process(HttpRequest<?> request, ModelAndView<Map<String, Object>> modelAndView) {
        if (!views().contains(modelAndView.getView().orElse(""))) {
            return;
        }
        Map<String, Object> model = new HashMap<>(modelAndView.getModel().orElseGet(Map::of));
        model.putAll(values());
        modelAndView.setModel(model);
    }
}
