package org.myview.consultation;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import org.myview.web.FormErrors;
import org.myview.web.FormResult;

/**
 * "Send" on the check page: nothing to fill in, only the script's request key (a send replayed from the phone's
 * queue is sent once). Never refused: a missing or malformed key only means the send is not de-duplicated.
 */
@Serdeable
record ConsultationSendForm(@Nullable @JsonProperty(ConsultationController.REQUEST_KEY) String requestKey) {

    /** The request key to use, or null. */
    FormResult<String> check() {
        return FormResult.of(new FormErrors(), () -> RequestKeys.checked(requestKey));
    }
}
