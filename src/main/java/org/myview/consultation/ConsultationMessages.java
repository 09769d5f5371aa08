package org.myview.consultation;

import io.micronaut.context.i18n.ResourceBundleMessageSource;
import jakarta.inject.Singleton;

@Singleton
class ConsultationMessages extends ResourceBundleMessageSource {

    ConsultationMessages() {
        super("i18n.consultation");
    }
}
