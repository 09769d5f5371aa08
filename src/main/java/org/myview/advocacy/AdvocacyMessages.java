package org.myview.advocacy;

import io.micronaut.context.i18n.ResourceBundleMessageSource;
import jakarta.inject.Singleton;

@Singleton
class AdvocacyMessages extends ResourceBundleMessageSource {

    AdvocacyMessages() {
        super("i18n.advocacy");
    }
}
