package org.myview.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The language switch on a public form's pages (the child's, the parent's) as posted: the language chosen and the
 * page to go back to. Never refused: a language not offered is English and a page that is not one of the form's is
 * its start page, so the cookie can only hold an offered language and the redirect can only stay on the form.
 */
@Serdeable
public record LanguageSwitchForm(@Nullable String language, @Nullable String back) {

    /** A form's pages: where it starts, and the paths the switch may send the person back to. */
    public record FormPages(String start, Pattern pages) {
    }

    /** The language to keep and the page to go back to. */
    public record Choice(String language, String back) {
    }

    public FormResult<Choice> check(Predicate<String> offered, FormPages form) {
        String chosen = language == null ? "en" : language;
        String page = back == null ? form.start() : back;
        return FormResult.of(new FormErrors(), () -> new Choice(offered.test(chosen) ? chosen : "en",
                form.pages().matcher(page).matches() ? page : form.start()));
    }
}
