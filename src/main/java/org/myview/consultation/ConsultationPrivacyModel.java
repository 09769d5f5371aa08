package org.myview.consultation;

import jakarta.inject.Singleton;
import org.myview.web.StatedSettings;

import java.util.Map;
import java.util.Set;

/**
 * The privacy notice and the child's confirmation page say who reads a child's private answer, as
 * configured, so they say what the service does.
 */
@Singleton
record ConsultationPrivacyModel(
        PrivateAnswerSettings settings, ConsultationSettings consultation, TalkNowSettings talkNow) implements StatedSettings {

    @Override
    public Set<String> views() {
        return Set.of("web/privacy", "consultation/sent");
    }

    @Override
    public Map<String, Object> values() {
        return Map.of("privateAnswerManagerReads", settings.serviceManagerReads(),
                "childAnswerRetentionDays", consultation.answerRetentionDays(),
                "talkNowRetentionDays", talkNow.retentionDays());
    }
}
