package org.myview.notify;

import io.micronaut.context.i18n.ResourceBundleMessageSource;
import jakarta.inject.Singleton;

@Singleton
class NotifyMessages extends ResourceBundleMessageSource {

    NotifyMessages() {
        super("i18n.notify");
    }
}
