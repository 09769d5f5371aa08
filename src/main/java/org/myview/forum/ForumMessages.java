package org.myview.forum;

import io.micronaut.context.i18n.ResourceBundleMessageSource;
import jakarta.inject.Singleton;

@Singleton
class ForumMessages extends ResourceBundleMessageSource {

    ForumMessages() {
        super("i18n.forum");
    }
}
