package org.myview.review;

import io.micronaut.context.i18n.ResourceBundleMessageSource;
import jakarta.inject.Singleton;

@Singleton
class ReviewMessages extends ResourceBundleMessageSource {

    ReviewMessages() {
        super("i18n.review");
    }
}
