package org.myview.participation;

import io.micronaut.context.i18n.ResourceBundleMessageSource;
import jakarta.inject.Singleton;

/** Words of the timeliness page, in a bundle of their own. */
@Singleton
class TimelinessMessages extends ResourceBundleMessageSource {

    TimelinessMessages() {
        super("i18n.timeliness");
    }
}
