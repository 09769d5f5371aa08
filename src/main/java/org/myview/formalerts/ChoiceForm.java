package org.myview.formalerts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import org.myview.web.FormResult;
import org.myview.web.FreeText;

/** The preference page's one question. */
@Serdeable
record ChoiceForm(@Nullable String choice) {

    ChoiceForm {
        choice = FreeText.field(choice);
    }

    FormResult<FormAlertChoice> check() {
        return FormResult.chosen(FormAlertChoice.parse(choice), "choice", "formalerts.error.choice");
    }
}
