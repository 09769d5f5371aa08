package org.myview.staff;

import io.micronaut.context.i18n.ResourceBundleMessageSource;
import jakarta.inject.Singleton;

@Singleton
class StaffMessages extends ResourceBundleMessageSource {

    StaffMessages() {
        super("i18n.staff");
    }
}
