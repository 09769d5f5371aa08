package org.myview.parent;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import org.myview.web.FormErrors;
import org.myview.web.FormResult;

import java.util.function.Predicate;

/**
 * The language switch on the parent's pages as posted: the language chosen and the page to go back to. Never
 * refused: a language not offered is English and a page that is not one of the form's is the start page, so the
 * cookie can only hold a reviewed language and the redirect can only stay on the form.
 */
@Serdeable
record ParentLanguageForm(@Nullable String language, @Nullable String back) {

    static final String START = "/parent/form";

    /** The language to keep and the page to go back to. */
    record Choice(String language, String back) {
    }

    FormResult<Choice> check(Predicate<String> offered) {
        String chosen = language == null ? "en" : language;
        String page = back == null ? START : back;
        return FormResult.of(new FormErrors(), () -> new Choice(offered.test(chosen) ? chosen : "en",
                page.matches("/parent/(form(/[0-9]+)?|check|done)") ? page : START));
    }
}
