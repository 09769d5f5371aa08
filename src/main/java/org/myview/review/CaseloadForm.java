package org.myview.review;

import io.micronaut.serde.annotation.Serdeable;
import org.myview.web.FormErrors;
import org.myview.web.TextForm;
import org.myview.web.FormResult;

import java.util.Optional;

/**
 * "Add a child to an officer's caseload": a case reference MyView knows and an active reviewing officer. The
 * caller looks both up (an ill-formed reference finds nothing) and passes what it found: the check itself reads
 * no database.
 */
@Serdeable
record CaseloadForm(String caseReference, String officer) implements TextForm {

    /** Case references as the SSDA903 return and the case system write them. */
    static final String REFERENCE = "[A-Za-z0-9/_-]{1,20}";

    /** A child to put in an officer's caseload. */
    record Assignment(long childId, long officerId) {
    }

    FormResult<Assignment> check(Optional<Long> child, Optional<Long> activeOfficer) {
        FormErrors errors = new FormErrors();
        if (referenceWellFormed(caseReference, errors) && child.isEmpty()) {
            errors.add("caseReference", "review.caseload.error.unknown");
        }
        if (officer.isEmpty() || activeOfficer.isEmpty()) {
            errors.add("officer", "review.new.error.officer");
        }
        return FormResult.of(errors, () -> new Assignment(child.orElseThrow(), activeOfficer.orElseThrow()));
    }

    /** Adds the error when the reference is missing or not one; true when it is well formed. */
    static boolean referenceWellFormed(String reference, FormErrors errors) {
        if (reference.isEmpty()) {
            errors.add("caseReference", "review.new.error.referenceMissing");
        } else if (!reference.matches(REFERENCE)) {
            errors.add("caseReference", "review.new.error.referenceFormat");
        }
        return !errors.has("caseReference");
    }
}
