package org.myview.parent;

import io.micronaut.context.i18n.ResourceBundleMessageSource;
import jakarta.inject.Singleton;

@Singleton
class ParentMessages extends ResourceBundleMessageSource {

    ParentMessages() {
        super("i18n.parent");
    }
}
