package org.myview.parent;

import io.micronaut.http.HttpRequest;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.model.ViewModelProcessor;
import jakarta.inject.Singleton;

import java.util.HashMap;
import java.util.Map;

/** The privacy notice states the configured periods, so what it says is what the service does. */
@Singleton
class ParentPrivacyModel implements ViewModelProcessor<Map<String, Object>> {

    private final ParentSettings settings;

    ParentPrivacyModel(ParentSettings settings) {
        this.settings = settings;
    }

    @Override
    public void process(HttpRequest<?> request, ModelAndView<Map<String, Object>> modelAndView) {
        if (!"web/privacy".equals(modelAndView.getView().orElse(null))) {
            return;
        }
        Map<String, Object> model = new HashMap<>(modelAndView.getModel().orElseGet(Map::of));
        model.put("parentContactRetentionDays", settings.contactRetentionDays());
        model.put("parentLinkValidDays", settings.linkValidDays());
        model.put("parentOpenPlanRetentionDays", settings.openPlanRetentionDays());
        modelAndView.setModel(model);
    }
}
