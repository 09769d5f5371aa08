package org.myview.listened;

import io.micronaut.context.i18n.ResourceBundleMessageSource;
import jakarta.inject.Singleton;

@Singleton
class ListenedMessages extends ResourceBundleMessageSource {

    ListenedMessages() {
        super("i18n.listened");
    }
}
