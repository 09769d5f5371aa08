package org.myview.participation;

import io.micronaut.context.i18n.ResourceBundleMessageSource;
import jakarta.inject.Singleton;

/** Words of the dashboard's "read before the review" section, in a bundle of their own. */
@Singleton
class FormsReadMessages extends ResourceBundleMessageSource {

    FormsReadMessages() {
        super("i18n.formsread");
    }
}
