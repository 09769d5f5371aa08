package org.myview.web;

import io.micronaut.context.i18n.ResourceBundleMessageSource;
import jakarta.inject.Singleton;

/**
 * Words of the layout that children and parents read (header, footer, "Error:" in the title, the error
 * summary's heading), kept apart from {@code i18n/web.properties} so each public language translates
 * only these few words, not the staff and information pages.
 */
@Singleton
class LayoutMessages extends ResourceBundleMessageSource {

    LayoutMessages() {
        super("i18n.layout");
    }
}
