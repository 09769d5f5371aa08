package org.myview.listened;

import io.micronaut.serde.annotation.Serdeable;
import org.myview.web.TextForm;
import org.myview.web.FormResult;

import java.util.Optional;

/**
 * "Make a link" for the child or for a parent: the page's button sends the respondent in a hidden field. Whether this
 * review's respondent may be asked now is the service's rule, as it needs the review's state.
 */
@Serdeable
record NewLinkForm(String respondent) implements TextForm {

    /**
     * The respondent, CHILD or PARENT. Anything else never comes from the page; the controller answers it as a link
     * that may not be made (back to the review), so the error's key is not shown and has no message.
     */
    FormResult<String> check() {
        return FormResult.chosen(Optional.of(respondent).filter(r -> ListenedService.CHILD.equals(r) || ListenedService.PARENT.equals(r)),
                "respondent", "listened.link.error.respondent");
    }
}
