package org.myview.parent;

import org.myview.web.LanguageSwitchForm;
import io.micronaut.context.MessageSource;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.http.server.util.locale.HttpLocaleResolver;
import org.myview.web.FormErrors;
import org.myview.web.FormResult;
import org.myview.web.PublicLanguages;
import org.myview.web.link.FormSessionCookie;
import org.myview.web.link.FormSession;
import org.myview.web.link.LinkSessions;
import org.myview.web.link.LinkStatus;

import java.net.URI;
import java.util.regex.Pattern;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The parent's form: the link, a start page, one question per page, check your answers, and a
 * confirmation. No account: the shared link machinery (web/link, {@link ParentLinkKind}) swaps the
 * link for a signed form-session cookie before any of these pages is reached.
 */
@Controller("/parent")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
record ParentFormController(
        ParentFormService forms, LinkSessions sessions, ParentLinkKind kind, ParentSettings settings,
        MessageSource messages, PublicLanguages languages, HttpLocaleResolver locales, FormSessionCookie cookies) {

    /** The same cookie as the child's form's language switch (application.yml), on /parent only. */
    static final String LANGUAGE_COOKIE = "myview_lang";
    /** Where the language switch may send the parent back to: the form's pages only. */
    static final LanguageSwitchForm.FormPages PAGES =
            new LanguageSwitchForm.FormPages("/parent/form", Pattern.compile("/parent/(form(/[0-9]+)?|check|done)"));

    @Get("/form")
    HttpResponse<?> start(HttpRequest<?> request) {
        return withInvitation(request, invitation -> {
            Map<String, Object> model = model(request, invitation);
            model.put("questionCount", ParentQuestions.form(invitation.kind()).size());
            return HttpResponse.ok(new ModelAndView<>("parent/start", model));
        });
    }

    @Get("/form/{step}")
    HttpResponse<?> question(HttpRequest<?> request, @PathVariable int step, @io.micronaut.core.annotation.Nullable
                             @io.micronaut.http.annotation.QueryValue String change) {
        return withInvitation(request, invitation -> {
            List<ParentQuestions.Question> questions = ParentQuestions.form(invitation.kind());
            if (step < 1 || step > questions.size()) {
                return HttpResponse.notFound();
            }
            ParentQuestions.Question q = questions.get(step - 1);
            Map<String, Object> model = questionModel(request, invitation, step, q, selected(invitation.draft().get(q.name())),
                    text(invitation.draft(), q), new FormErrors());
            model.put("fromCheck", change != null);
            return HttpResponse.ok(new ModelAndView<>("parent/question", model));
        });
    }

    @Post(value = "/form/{step}", consumes = "application/x-www-form-urlencoded")
    HttpResponse<?> answer(HttpRequest<?> request, @PathVariable int step, @Body ParentAnswerForm form) {
        return withInvitation(request, invitation -> {
            List<ParentQuestions.Question> questions = ParentQuestions.form(invitation.kind());
            if (step < 1 || step > questions.size()) {
                return HttpResponse.notFound();
            }
            ParentQuestions.Question q = questions.get(step - 1);
            FormResult<ParentAnswerForm.Answer> checked = form.check(q);
            if (!checked.isValid()) {
                ParentAnswerForm.Answer typed = form.answer(q);
                Map<String, Object> model = questionModel(request, invitation, step, q, typed.values(), typed.text(), checked.errors());
                model.put("fromCheck", form.fromCheck());
                return HttpResponse.unprocessableEntity().body(new ModelAndView<>("parent/question", model));
            }
            forms.answer(invitation.id(), q, checked.value().values(), checked.value().text());
            return HttpResponse.seeOther(URI.create(form.fromCheck() || step == questions.size() ? "/parent/check" : "/parent/form/" + (step + 1)));
        });
    }

    @Get("/check")
    HttpResponse<?> check(HttpRequest<?> request) {
        return withInvitation(request, invitation -> {
            Map<String, Object> model = model(request, invitation);
            List<Map<String, Object>> rows = new ArrayList<>();
            List<ParentQuestions.Question> questions = ParentQuestions.form(invitation.kind());
            for (int i = 0; i < questions.size(); i++) {
                ParentQuestions.Question q = questions.get(i);
                Map<String, Object> row = new HashMap<>();
                row.put("question", q);
                row.put("step", i + 1);
                row.put("chosen", selected(invitation.draft().get(q.name())));
                row.put("text", text(invitation.draft(), q));
                rows.add(row);
            }
            model.put("rows", rows);
            return HttpResponse.ok(new ModelAndView<>("parent/check", model));
        });
    }

    @Post(value = "/check", consumes = "application/x-www-form-urlencoded")
    HttpResponse<?> send(HttpRequest<?> request) {
        return withInvitation(request, invitation -> {
            forms.submit(invitation.id());
            return HttpResponse.seeOther(URI.create("/parent/done"));
        });
    }

    @Get("/done")
    HttpResponse<?> done(HttpRequest<?> request) {
        Optional<Invitation> invitation = sessions.any(request, kind).map(FormSession::linkId).flatMap(forms::invitation);
        if (invitation.isEmpty() || invitation.get().submittedAt() == null) {
            return problem(HttpStatus.NOT_FOUND, "noSession");
        }
        proposeLanguage(request, invitation.get());
        return HttpResponse.ok(new ModelAndView<>("parent/done", model(request, invitation.get())));
    }

    /** The language switch: a cookie for the form's pages only, then back to the same page. Only reviewed languages. */
    @Post(value = "/language", consumes = "application/x-www-form-urlencoded")
    HttpResponse<?> language(HttpRequest<?> request, @Body LanguageSwitchForm form) {
        LanguageSwitchForm.Choice choice = form.check(languages::isOffered, PAGES).value();
        return HttpResponse.seeOther(URI.create(choice.back())).cookie(Cookie.of(LANGUAGE_COOKIE, choice.language()).path("/parent")
                .httpOnly(true).sameSite(SameSite.Lax).secure(cookies.isSecure(request)).maxAge(60L * 60 * 24 * 30));
    }

    /** Until the parent picks a language, the pages use the one on the plan (when it is offered). */
    private static void proposeLanguage(HttpRequest<?> request, Invitation invitation) {
        request.setAttribute(PublicLanguages.PROPOSED_ATTRIBUTE, invitation.language());
    }

    /** The form's pages need a live form session whose answers are not sent yet. */
    private HttpResponse<?> withInvitation(HttpRequest<?> request,
                                           java.util.function.Function<Invitation, HttpResponse<?>> page) {
        Optional<Invitation> invitation = sessions.any(request, kind).map(FormSession::linkId).flatMap(forms::invitation);
        if (invitation.isEmpty()) {
            LinkStatus status = sessions.status(request, kind);
            // The link was opened first on another device: its answers are not shown here (web/link LinkClaims).
            return status.state() == LinkStatus.State.ELSEWHERE ? sessions.problem(kind, status.state()) : problem(HttpStatus.NOT_FOUND, "noSession");
        }
        proposeLanguage(request, invitation.get());
        return switch (forms.state(invitation.get())) {
            case OPEN -> page.apply(invitation.get());
            case SENT -> HttpResponse.seeOther(URI.create("/parent/done"));
            case EXPIRED -> sessions.problem(kind, LinkStatus.State.EXPIRED);
        };
    }

    private MutableHttpResponse<?> problem(HttpStatus status, String kind) {
        Map<String, Object> model = new HashMap<>();
        model.put("kind", kind);
        model.put("exitUrl", settings.exitUrl());
        return HttpResponse.status(status).body(new ModelAndView<>("parent/problem", model));
    }

    private Map<String, Object> model(HttpRequest<?> request, Invitation invitation) {
        Map<String, Object> model = new HashMap<>();
        Locale locale = locales.resolveOrDefault(request);
        model.put("followUp", "FOLLOW_UP".equals(invitation.kind()));
        model.put("planWords", messages.getMessage("parent.planName." + invitation.planType(), locale).orElse(""));
        model.put("languages", languages.offered());
        model.put("exitUrl", settings.exitUrl());
        model.put("maxText", ParentQuestions.MAX_TEXT);
        return model;
    }

    private Map<String, Object> questionModel(HttpRequest<?> request, Invitation invitation, int step, ParentQuestions.Question q,
                                              List<String> values, String text, FormErrors errors) {
        Map<String, Object> model = model(request, invitation);
        List<ParentQuestions.Question> questions = ParentQuestions.form(invitation.kind());
        model.put("q", q);
        model.put("titleKey", "parent.q." + q.name() + ("FOLLOW_UP".equals(invitation.kind()) && !q.isText() ? ".followUpTitle" : ".title"));
        model.put("step", step);
        model.put("count", questions.size());
        model.put("values", values);
        model.put("text", text == null ? "" : text);
        model.put("errors", errors);
        model.put("back", step == 1 ? "/parent/form" : "/parent/form/" + (step - 1));
        return model;
    }

    private static String text(Map<String, Object> draft, ParentQuestions.Question q) {
        String field = q.kind().textField(q.name());
        Object v = field == null ? null : draft.get(field);
        return v == null ? null : v.toString();
    }

    static List<String> selected(Object value) {
        List<String> values = new ArrayList<>();
        if (value instanceof Collection<?> many) {
            many.forEach(v -> {
                if (v != null && !v.toString().isEmpty()) {
                    values.add(v.toString());
                }
            });
        } else if (value != null && !value.toString().isEmpty()) {
            values.add(value.toString());
        }
        return values;
    }

}
