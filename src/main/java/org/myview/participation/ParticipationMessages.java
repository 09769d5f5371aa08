package org.myview.participation;

import io.micronaut.context.i18n.ResourceBundleMessageSource;
import jakarta.inject.Singleton;

@Singleton
class ParticipationMessages extends ResourceBundleMessageSource {

    ParticipationMessages() {
        super("i18n.participation");
    }
}
