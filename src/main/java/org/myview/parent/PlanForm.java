package org.myview.parent;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import org.myview.web.FormErrors;
import org.myview.web.FormResult;
import org.myview.web.FreeText;

import java.time.LocalDate;
import java.util.Optional;

/**
 * "Add a plan" as the participation lead types it: one plan with one parent. The rules are {@link PlanEntry}'s, the
 * same as for a row of the CSV import, so a plan typed in and a plan imported are checked alike.
 */
@Serdeable
record PlanForm(@Nullable String planReference, @Nullable String planType, @Nullable String startDate, @Nullable String endDate,
                @Nullable String childReferences, @Nullable String parentName, @Nullable String email, @Nullable String mobile,
                @Nullable String language) {

    PlanForm {
        planReference = FreeText.field(planReference);
        planType = FreeText.field(planType);
        startDate = FreeText.field(startDate);
        endDate = FreeText.field(endDate);
        childReferences = FreeText.field(childReferences);
        parentName = FreeText.field(parentName);
        email = FreeText.field(email);
        mobile = FreeText.field(mobile);
        language = FreeText.field(language);
    }

    /** The empty form: English unless the lead says otherwise. */
    static PlanForm empty() {
        return new PlanForm("", "", "", "", "", "", "", "", "en");
    }

    FormResult<PlanEntry.Checked> check(LocalDate today) {
        FormErrors errors = new FormErrors();
        Optional<PlanEntry.Checked> checked = new PlanEntry(planReference, planType, startDate, endDate, childReferences, parentName,
                email, mobile, language).check(errors, today);
        return FormResult.of(errors, checked::orElseThrow);
    }
}
