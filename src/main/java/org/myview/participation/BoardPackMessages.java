package org.myview.participation;

import io.micronaut.context.i18n.ResourceBundleMessageSource;
import jakarta.inject.Singleton;

/** Words of the board pack (page and PDF), in a bundle of their own. */
@Singleton
class BoardPackMessages extends ResourceBundleMessageSource {

    BoardPackMessages() {
        super("i18n.boardpack");
    }
}
