package org.myview.received;

import io.micronaut.context.i18n.ResourceBundleMessageSource;
import jakarta.inject.Singleton;

@Singleton
class ReceivedMessages extends ResourceBundleMessageSource {

    ReceivedMessages() {
        super("i18n.received");
    }
}
