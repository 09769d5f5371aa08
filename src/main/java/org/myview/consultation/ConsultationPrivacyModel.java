package org.myview.consultation;

import io.micronaut.http.HttpRequest;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.model.ViewModelProcessor;
import jakarta.inject.Singleton;

import java.util.HashMap;
import java.util.Map;

/**
 * The privacy notice and the child's confirmation page say who reads a child's private answer, as
 * configured, so they say what the service does.
 */
@Singleton
class ConsultationPrivacyModel implements ViewModelProcessor<Map<String, Object>> {

    private final PrivateAnswerSettings settings;

    private final ConsultationSettings consultation;
    private final TalkNowSettings talkNow;

    ConsultationPrivacyModel(PrivateAnswerSettings settings, ConsultationSettings consultation, TalkNowSettings talkNow) {
        this.settings = settings;
        this.consultation = consultation;
        this.talkNow = talkNow;
    }

    @Override
    public void process(HttpRequest<?> request, ModelAndView<Map<String, Object>> modelAndView) {
        String view = modelAndView.getView().orElse("");
        if (!view.equals("web/privacy") && !view.equals("consultation/sent")) {
            return;
        }
        Map<String, Object> model = new HashMap<>(modelAndView.getModel().orElseGet(Map::of));
        model.put("privateAnswerManagerReads", settings.serviceManagerReads());
        model.put("childAnswerRetentionDays", consultation.answerRetentionDays());
        model.put("talkNowRetentionDays", talkNow.retentionDays());
        modelAndView.setModel(model);
    }
}
