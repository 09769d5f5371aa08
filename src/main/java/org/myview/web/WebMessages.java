package org.myview.web;

import io.micronaut.context.i18n.ResourceBundleMessageSource;
import jakarta.inject.Singleton;

/** Words of the shared layout and information pages. Each feature keeps its own bundle beside it. */
@Singleton
class WebMessages extends ResourceBundleMessageSource {

    WebMessages() {
        super("i18n.web");
    }
}
