package org.myview.consultation;

import io.micronaut.context.i18n.ResourceBundleMessageSource;
import jakarta.inject.Singleton;

/** Words of the case-file PDF, apart from the child's form so translations of the form stay the form's. */
@Singleton
class CaseFileMessages extends ResourceBundleMessageSource {

    CaseFileMessages() {
        super("i18n.casefile");
    }
}
