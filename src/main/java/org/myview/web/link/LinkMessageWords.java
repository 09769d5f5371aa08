package org.myview.web.link;

import io.micronaut.context.MessageSource;
import jakarta.inject.Singleton;
import org.myview.web.PublicLanguages;

import java.util.Locale;
import java.util.Map;

/**
 * The words of a message that carries a link to a child or a parent, in their language (i18n/link*.properties,
 * {@code link.message.<kind>.subject} and {@code .body}); a language not reviewed gets English. They go to
 * GOV.UK Notify as {@code ((subject))} and {@code ((message))} beside {@code ((name))} and {@code ((link))}, so a
 * template that uses the two older placeholders alone still works (in its own words). The message holds the
 * link: it is personalisation, erased with the rest once sent (notify/OutboxSender).
 */
@Singleton
public record LinkMessageWords(MessageSource messages, PublicLanguages languages) {

    /** The language the message is written in: the person's, when reviewed; otherwise English. */
    public String languageFor(String wanted) {
        return wanted != null && languages.isOffered(wanted) ? wanted : "en";
    }

    /** {@code kind}: consultation, parentInvitation or parentFollowUp. */
    public Map<String, String> personalisation(String kind, String language, String name, String link) {
        String tag = languageFor(language);
        Locale locale = tag.equals("en") ? Locale.UK : Locale.forLanguageTag(tag);
        Map<String, Object> values = Map.of("name", name, "link", link);
        String subject = messages.getMessage("link.message." + kind + ".subject", locale).orElseThrow();
        String body = messages.getMessage("link.message." + kind + ".body", locale, values).orElseThrow();
        return Map.of("name", name, "link", link, "subject", subject, "message", body);
    }
}
