package org.myview.participation;

import io.micronaut.context.i18n.ResourceBundleMessageSource;
import jakarta.inject.Singleton;

/** Words of the dashboard's headline cards, in a bundle of their own. */
@Singleton
class HeadlineMessages extends ResourceBundleMessageSource {

    HeadlineMessages() {
        super("i18n.headlines");
    }
}
