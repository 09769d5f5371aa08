package org.myview.languages;

import io.micronaut.context.i18n.ResourceBundleMessageSource;
import jakarta.inject.Singleton;

@Singleton
class LanguagesMessages extends ResourceBundleMessageSource {

    LanguagesMessages() {
        super("i18n.languages");
    }
}
