package org.myview.parent;

import io.micronaut.serde.annotation.Serdeable;
import org.myview.web.FormErrors;
import org.myview.web.TextForm;
import org.myview.web.FormResult;

import java.time.LocalDate;
import java.util.Optional;

/**
 * "Add a plan" as the participation lead types it: one plan with one parent. The rules are {@link PlanEntry}'s, the
 * same as for a row of the CSV import, so a plan typed in and a plan imported are checked alike.
 */
@Serdeable
record PlanForm(String planReference, String planType, String startDate, String endDate,
                String childReferences, String parentName, String email, String mobile,
                String language) implements TextForm {

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
