package org.myview.parent;

import jakarta.inject.Singleton;
import org.myview.web.StatedSettings;

import java.util.Map;
import java.util.Set;

/** The privacy notice states the configured periods, so what it says is what the service does. */
@Singleton
record ParentPrivacyModel(ParentSettings settings) implements StatedSettings {

    @Override
    public Set<String> views() {
        return Set.of("web/privacy");
    }

    @Override
    public Map<String, Object> values() {
        return Map.of("parentContactRetentionDays", settings.contactRetentionDays(),
                "parentLinkValidDays", settings.linkValidDays(),
                "parentOpenPlanRetentionDays", settings.openPlanRetentionDays());
    }
}
