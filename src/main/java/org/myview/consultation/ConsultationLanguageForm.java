package org.myview.consultation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import org.myview.web.FormErrors;
import org.myview.web.FormResult;

import java.util.function.Predicate;

/**
 * The language switch on the child's pages as posted: the language chosen and the page to go back to. Never
 * refused: a language not offered is English and a page outside the form is the start page, so the cookie can only
 * hold an offered language and the redirect can only stay on the form.
 */
@Serdeable
record ConsultationLanguageForm(@Nullable String language, @Nullable String back) {

    static final String START = "/consultation";

    /** The language to keep and the page to go back to. */
    record Choice(String language, String back) {
    }

    FormResult<Choice> check(Predicate<String> offered) {
        String chosen = language == null ? "en" : language;
        String page = back == null ? START : back;
        return FormResult.of(new FormErrors(), () -> new Choice(offered.test(chosen) ? chosen : "en",
                page.matches("/consultation(/[a-z0-9/-]*)?") ? page : START));
    }
}
