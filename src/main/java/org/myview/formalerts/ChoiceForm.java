package org.myview.formalerts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import org.myview.web.FormErrors;
import org.myview.web.FormResult;
import org.myview.web.FreeText;

/** The preference page's one question. */
@Serdeable
record ChoiceForm(@Nullable String choice) {

    ChoiceForm {
        choice = FreeText.field(choice);
    }

    FormResult<FormAlertChoice> check() {
        FormErrors errors = new FormErrors();
        if (FormAlertChoice.parse(choice).isEmpty()) {
            errors.add("choice", "formalerts.error.choice");
        }
        return FormResult.of(errors, () -> FormAlertChoice.parse(choice).orElseThrow());
    }
}
