package org.myview.extract;

import io.micronaut.context.i18n.ResourceBundleMessageSource;
import jakarta.inject.Singleton;

@Singleton
class ExtractMessages extends ResourceBundleMessageSource {

    ExtractMessages() {
        super("i18n.extract");
    }
}
