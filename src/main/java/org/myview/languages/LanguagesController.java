package org.myview.languages;

import io.micronaut.context.MessageSource;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.views.ModelAndView;
import org.myview.consultation.ConsultationPreview;
import org.myview.parent.ParentPreview;
import org.myview.staff.Role;
import org.myview.web.PreviewQuestion;
import org.myview.web.PublicLanguages;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The languages of the children's and parents' forms (i18n/languages.json) with their review flag, and a
 * preview of each form's words in any of them, reviewed or not, so staff can have a draft checked before it
 * is offered. A staff page in English; the previewed words carry their own lang and dir. Nothing is
 * created or stored: no link, no journey.
 */
@Controller("/staff/languages")
@Secured({Role.SERVICE_MANAGER_NAME, Role.PARTICIPATION_LEAD_NAME, Role.ADMIN_NAME})
@ExecuteOn(TaskExecutors.BLOCKING)
record LanguagesController(
        PublicLanguages languages, ConsultationPreview child, ParentPreview parent, MessageSource messages) {

    /** The parent's form, beside the child's age versions in the preview's form parameter. */
    static final String PARENT_FORM = "parent";

    @Get
    ModelAndView<Map<String, Object>> list() {
        Map<String, Object> model = new HashMap<>();
        model.put("languages", languages.all());
        model.put("versions", child.versions());
        return new ModelAndView<>("languages/list", model);
    }

    /** Without parameters: the first language not yet reviewed (else English), the youngest children's version. */
    @Get("/preview")
    HttpResponse<?> preview(@Nullable @QueryValue String language, @Nullable @QueryValue String form) {
        PublicLanguages.Language shown = Optional.ofNullable(language).flatMap(languages::find)
                .or(() -> languages.all().stream().filter(l -> !l.reviewed()).findFirst())
                .orElse(languages.all().get(0));
        String formId = form == null ? child.versions().get(0).id() : form;
        Locale locale = shown.tag().equals("en") ? Locale.UK : Locale.forLanguageTag(shown.tag());
        Map<String, Object> model = new HashMap<>();
        model.put("shown", shown);
        model.put("formId", formId);
        model.put("versions", child.versions());
        Map<String, String> pageWords = new LinkedHashMap<>();
        List<PreviewQuestion> questions;
        if (formId.equals(PARENT_FORM)) {
            questions = parent.questions(locale);
            model.put("formName", "the parent’s form");
            for (String key : List.of("parent.start.title", "parent.start.optional", "parent.start.private", "parent.start.button",
                    "parent.form.continue", "parent.check.title", "parent.check.sendBody", "parent.done.panel", "parent.done.worried")) {
                pageWords.put(key, word(key, locale));
            }
        } else {
            Optional<ConsultationPreview.Version> version = child.versions().stream().filter(v -> v.id().equals(formId)).findFirst();
            if (version.isEmpty()) {
                return HttpResponse.notFound();
            }
            questions = child.questions(formId, locale);
            model.put("formName", "the child’s form for ages " + version.get().ages());
            for (String key : List.of("consultation.start.title", "consultation.start.help", "consultation.safety.talk",
                    "consultation.safety.exit", "consultation.ratherNotSay", "consultation.continue", "consultation.check.title",
                    "consultation.check.sendBody", "consultation.sent.title", "consultation.talk.childline")) {
                pageWords.put(key, word(key, locale));
            }
        }
        model.put("questions", questions);
        model.put("pageWords", pageWords.values());
        // The script's web font, as the form's own pages load it (i18n/languages.json "font").
        if (shown.font() != null) {
            model.put("fontStylesheet", "/static/fonts/" + shown.font() + ".css?v=1");
        }
        return HttpResponse.ok(new ModelAndView<>("languages/preview", model));
    }

    private String word(String key, Locale locale) {
        return messages.getMessage(key, locale).orElse(key);
    }
}
