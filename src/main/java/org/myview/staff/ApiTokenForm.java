package org.myview.staff;

import io.micronaut.serde.annotation.Serdeable;
import org.myview.web.FormErrors;
import org.myview.web.TextForm;
import org.myview.web.FormResult;

import java.time.Duration;

/** "Create an API token": a name to recognise it by, a scope and a lifetime (days, from the offered choices). */
@Serdeable
record ApiTokenForm(String name, String scope, String expires) implements TextForm {

    static final int MAX_NAME = 100;

    static ApiTokenForm empty() {
        return new ApiTokenForm("", "", "");
    }

    FormResult<ApiTokenService.NewToken> check() {
        FormErrors errors = new FormErrors();
        if (name.isEmpty()) {
            errors.add("name", "staff.tokens.error.nameMissing");
        } else if (name.length() > MAX_NAME) {
            errors.add("name", "staff.tokens.error.nameTooLong", MAX_NAME);
        }
        ApiScope chosen = null;
        for (ApiScope candidate : ApiScope.values()) {
            if (candidate.name().equals(scope)) {
                chosen = candidate;
            }
        }
        if (chosen == null) {
            errors.add("scope", "staff.tokens.error.scope");
        }
        Integer days = ApiTokenService.LIFETIMES.stream().filter(d -> String.valueOf(d).equals(expires)).findFirst().orElse(null);
        if (days == null) {
            errors.add("expires", "staff.tokens.error.expires");
        }
        ApiScope finalScope = chosen;
        return FormResult.of(errors, () -> new ApiTokenService.NewToken(name, finalScope, Duration.ofDays(days)));
    }
}
