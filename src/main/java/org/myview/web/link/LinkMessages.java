package org.myview.web.link;

import io.micronaut.context.i18n.ResourceBundleMessageSource;
import jakarta.inject.Singleton;

@Singleton
class LinkMessages extends ResourceBundleMessageSource {

    LinkMessages() {
        super("i18n.link");
    }
}
