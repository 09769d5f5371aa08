package org.myview.formalerts;

import io.micronaut.context.i18n.ResourceBundleMessageSource;
import jakarta.inject.Singleton;

@Singleton
class FormAlertsMessages extends ResourceBundleMessageSource {

    FormAlertsMessages() {
        super("i18n.formalerts");
    }
}
