package org.myview.formalerts;

import io.micronaut.serde.annotation.Serdeable;
import org.myview.web.TextForm;
import org.myview.web.FormResult;

/** The preference page's one question. */
@Serdeable
record ChoiceForm(String choice) implements TextForm {

    FormResult<FormAlertChoice> check() {
        return FormResult.chosen(FormAlertChoice.parse(choice), "choice", "formalerts.error.choice");
    }
}
