package org.myview.web.link;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import org.myview.web.FormErrors;
import org.myview.web.FormResult;

import java.util.Optional;

/**
 * The secret-code pages of a link as posted: {@code code}, and on the page that sets it {@code confirm} (typed
 * again). Bound with {@code @Body}. Setting a code is checked here ({@link #check()}); a code typed to continue on
 * another device is checked against the stored one by {@link LinkClaims#tryCode}.
 */
@Serdeable
public record LinkCodeForm(@Nullable String code, @Nullable String confirm) {

    /** The code to keep, as {@link LinkClaims#normalise} writes it, or what is wrong with it. */
    public FormResult<String> check() {
        Optional<String> chosen = LinkClaims.normalise(code);
        FormErrors errors = new FormErrors();
        if (chosen.isEmpty()) {
            errors.add("code", "link.code.error.format");
        } else if (!chosen.get().equals(LinkClaims.normalise(confirm).orElse(""))) {
            errors.add("confirm", "link.code.error.confirm");
        }
        return FormResult.of(errors, chosen::get);
    }
}
