package org.myview.consultation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import org.myview.web.FormErrors;
import org.myview.web.FormResult;

import java.util.function.Predicate;

/**
 * "Use another version of the form" on the start page: the version's id. Never refused: the start page is shown
 * again either way, and a version that is not one of the forms is simply not chosen.
 */
@Serdeable
record ConsultationVersionForm(@Nullable String version) {

    /** The version to switch to, or null when {@code known} does not know it (nothing changes). */
    FormResult<String> check(Predicate<String> known) {
        return FormResult.of(new FormErrors(), () -> version != null && known.test(version) ? version : null);
    }
}
