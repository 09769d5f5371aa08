package org.myview.consultation;

import org.myview.web.LanguageSwitchForm;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.http.server.util.locale.HttpLocaleResolver;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import org.myview.web.FormErrors;
import org.myview.web.PublicLanguages;
import org.myview.web.link.FormSessionCookie;
import org.myview.web.link.LinkSessions;
import org.myview.web.link.LinkStatus;

import java.net.URI;
import java.util.regex.Pattern;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The child's form, opened from their link (web/link swapped the token for a form-session cookie):
 * start, one question per page, check your answers, send, confirmation; the language switch on every page
 * ("I want to talk to someone now" is {@link TalkNowController}).
 */
@Controller("/consultation")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
record ConsultationController(
        ConsultationService service, AnswerSaving answers, FormSending sending, ConsultationLinkKind kind,
        LinkSessions sessions, FormWords words, HttpLocaleResolver locales, FormDefinitions definitions,
        FormSessionCookie cookies, PublicLanguages languages, AudioFiles audio, QuestionPages pages) {

    static final String LANGUAGE_COOKIE = "myview_lang";
    /** Where the language switch may send the child back to: the form's pages only. */
    static final LanguageSwitchForm.FormPages PAGES =
            new LanguageSwitchForm.FormPages("/consultation", Pattern.compile("/consultation(/[a-z0-9/-]*)?"));
    /** The key the page's script gives each answer and send (docs/consultation.md, "Offline"). */
    static final String REQUEST_KEY = "request_key";

    @Get
    HttpResponse<?> start(HttpRequest<?> request) {
        return withOpenForm(request, journey -> {
            Map<String, Object> model = model(journey);
            model.put("others", definitions.all().stream().filter(d -> !d.id().equals(journey.definition().id())).toList());
            offline(model, journey);
            return HttpResponse.ok(new ModelAndView<>("consultation/start", model));
        });
    }

    @Post(value = "/version", consumes = "application/x-www-form-urlencoded")
    HttpResponse<?> version(HttpRequest<?> request, @Body ConsultationVersionForm form) {
        return withOpenForm(request, journey -> {
            String version = form.check(id -> definitions.find(id).isPresent()).value();
            if (version != null) {
                service.chooseVersion(journey.linkId(), version);
            }
            return HttpResponse.seeOther(URI.create("/consultation"));
        });
    }

    @Get("/q/{number}")
    HttpResponse<?> question(HttpRequest<?> request, @PathVariable int number) {
        return withOpenForm(request, journey -> {
            if (journey.definition().question(number).isEmpty()) {
                return HttpResponse.notFound();
            }
            ConsultationRepository.Answer saved = journey.answers().get(journey.definition().question(number).get().id());
            String value = saved == null || saved.declined() ? "" : saved.answer();
            boolean change = request.getParameters().contains("change");
            Map<String, Object> model = questionModel(request, journey, number, value, change, new FormErrors());
            // Thymeleaf once per kind of page, then the child's own values in their places (QuestionPages).
            return pages.html(request, model)
                    .<HttpResponse<?>>map(html -> HttpResponse.ok(html).contentType(MediaType.TEXT_HTML_TYPE))
                    .orElseGet(() -> HttpResponse.ok(new ModelAndView<>(QuestionPages.VIEW, model)));
        });
    }

    @Post(value = "/q/{number}", consumes = "application/x-www-form-urlencoded")
    HttpResponse<?> answer(HttpRequest<?> request, @PathVariable int number, @Body ConsultationAnswerForm form) {
        boolean change = form.fromCheck();
        // One service call, one transaction: the link's state and claim, the version, the request key and the answer.
        // With JavaScript each answer carries a key, so an answer sent again from the phone's queue is saved once.
        AnswerSaving.Posted posted = answers.answerPosted(() -> sessions.status(request, kind), number,
                form::value, form.declined(), form.checkedRequestKey(),
                definition -> change || number >= definition.questions().size() ? "/consultation/check" : "/consultation/q/" + (number + 1));
        switch (posted.status().state()) {
            case OPEN -> { }
            case SENT -> {
                return HttpResponse.seeOther(URI.create("/consultation/sent"));
            }
            default -> {
                return sessions.problem(kind, posted.status().state());
            }
        }
        if (posted.notFound()) {
            return HttpResponse.notFound();
        }
        AnswerSaving.Saved saved = posted.saved();
        if (saved.problem() != null) {
            // Rare (the page's own checks come first): the page again, with the answers so far, as its GET shows it.
            ConsultationService.Journey journey = service.journey(posted.status().linkId());
            String value = form.value(journey.definition().question(number).orElseThrow());
            FormErrors errors = new FormErrors().add("answer", saved.problem(), ConsultationService.MAX_ANSWER);
            return HttpResponse.unprocessableEntity().body(new ModelAndView<>("consultation/question",
                    questionModel(request, journey, number, value == null ? "" : value, change, errors)));
        }
        return HttpResponse.seeOther(URI.create(saved.location()));
    }

    @Get("/check")
    HttpResponse<?> check(HttpRequest<?> request) {
        return withOpenForm(request, journey -> {
            Locale locale = locales.resolveOrDefault(request);
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int i = 1; i <= journey.definition().questions().size(); i++) {
                FormDefinition.Question question = journey.definition().question(i).orElseThrow();
                ConsultationRepository.Answer answer = journey.answers().get(question.id());
                Map<String, Object> row = new HashMap<>();
                row.put("number", i);
                row.put("title", words.title(journey.definition(), question.id(), locale));
                row.put("answer", answer == null ? null : answer.declined() ? null : words.answerLabel(question, answer.answer(), locale));
                row.put("declined", answer != null && answer.declined());
                row.put("pictures", pictures(journey.definition(), question, answer));
                row.put("face", journey.definition().pictures() && "faces".equals(question.type()) && answer != null
                        && !answer.declined() ? answer.answer() : null);
                rows.add(row);
            }
            Map<String, Object> model = model(journey);
            model.put("rows", rows);
            model.put("checkAudio", audio.url("consultation.check.title", locale));
            model.put("back", "/consultation/q/" + journey.definition().questions().size());
            offline(model, journey);
            return HttpResponse.ok(new ModelAndView<>("consultation/check", model));
        });
    }

    @Post(value = "/send", consumes = "application/x-www-form-urlencoded")
    HttpResponse<?> send(HttpRequest<?> request, @Body ConsultationSendForm form) {
        // One transaction: the link's state and claim, then the send (the journey is loaded once, by the send).
        LinkStatus status = sending.sendPosted(() -> sessions.status(request, kind), locales.resolveOrDefault(request), form.check().value());
        return switch (status.state()) {
            case OPEN, SENT -> HttpResponse.seeOther(URI.create("/consultation/sent"));
            default -> sessions.problem(kind, status.state());
        };
    }

    @Get("/sent")
    HttpResponse<?> sent(HttpRequest<?> request) {
        ConsultationService.Opened opened = service.open(() -> sessions.status(request, kind), LinkStatus.State.SENT);
        LinkStatus status = opened.status();
        if (status.state() != LinkStatus.State.SENT) {
            return status.isOpen() ? HttpResponse.seeOther(URI.create("/consultation/check")) : sessions.problem(kind, status.state());
        }
        return HttpResponse.ok(new ModelAndView<>("consultation/sent", model(opened.journey())));
    }

    /** The language switch: a cookie for the form's pages only, then back to the same page. */
    @Post(value = "/language", consumes = "application/x-www-form-urlencoded")
    HttpResponse<?> language(HttpRequest<?> request, @Body LanguageSwitchForm form) {
        LanguageSwitchForm.Choice choice = form.check(tag -> languages.offered().stream().anyMatch(l -> l.tag().equals(tag)), PAGES).value();
        return HttpResponse.seeOther(URI.create(choice.back())).cookie(Cookie.of(LANGUAGE_COOKIE, choice.language()).path("/consultation")
                .httpOnly(true).sameSite(SameSite.Lax).secure(cookies.isSecure(request)).maxAge(60L * 60 * 24 * 30));
    }

    /** The pictures beside an answer on the check page (4-7 version): the face, or the chosen pictures. */
    private static List<String> pictures(FormDefinition definition, FormDefinition.Question question, ConsultationRepository.Answer answer) {
        if (!definition.pictures() || answer == null || answer.declined() || answer.answer() == null) {
            return List.of();
        }
        if (question.isPictures()) {
            return PictureAnswer.parse(answer.answer()).picks().stream().map(AudioFiles::picture).toList();
        }
        return List.of();
    }

    private HttpResponse<?> withOpenForm(HttpRequest<?> request, Function<ConsultationService.Journey, HttpResponse<?>> page) {
        // One transaction per page: the link's state and claim, then the journey (docs/performance.md, "Consultation form").
        ConsultationService.Opened opened = service.open(() -> sessions.status(request, kind), LinkStatus.State.OPEN);
        LinkStatus status = opened.status();
        return switch (status.state()) {
            case OPEN -> page.apply(opened.journey());
            case SENT -> HttpResponse.seeOther(URI.create("/consultation/sent"));
            default -> sessions.problem(kind, status.state());
        };
    }

    private Map<String, Object> model(ConsultationService.Journey journey) {
        Map<String, Object> model = new HashMap<>();
        model.put("journey", journey);
        model.put("definition", journey.definition());
        model.put("officerName", journey.officerName() == null ? "–" : journey.officerName());
        model.put("languages", languages.offered().stream().map(PublicLanguages.Language::tag).toList());
        model.put("consultationPage", true);
        return model;
    }

    Map<String, Object> questionModel(HttpRequest<?> request, ConsultationService.Journey journey, int number,
                                              String value, boolean change, FormErrors errors) {
        Map<String, Object> model = model(journey);
        model.put("question", words.show(journey.definition(), number, locales.resolveOrDefault(request)));
        model.put("value", value);
        // A picture question's answer, as ticked pictures and the words told to a grown-up.
        PictureAnswer picture = PictureAnswer.parse(value);
        model.put("picks", picture.picks());
        model.put("words", picture.words());
        model.put("tellGrownUpAudio", audio.url("consultation.young.tellGrownUp", locales.resolveOrDefault(request)));
        model.put("change", change);
        model.put("errors", errors);
        model.put("back", change ? "/consultation/check" : number == 1 ? "/consultation" : "/consultation/q/" + (number - 1));
        model.put("next", change || number >= journey.definition().questions().size() ? "/consultation/check" : "/consultation/q/" + (number + 1));
        offline(model, journey);
        return model;
    }

    /**
     * What the page's script needs to keep this form on the phone: an opaque id of the form (not the link's token,
     * which only the link holds), when the link stops working, and the form's pages.
     */
    private void offline(Map<String, Object> model, ConsultationService.Journey journey) {
        StringBuilder pages = new StringBuilder("/consultation");
        for (int i = 1; i <= journey.definition().questions().size(); i++) {
            pages.append(" /consultation/q/").append(i);
        }
        model.put("offlinePages", pages.append(" /consultation/check").toString());
        model.put("offlineForm", ConsultationService.offlineId(journey.linkId()));
        model.put("offlineUntil", journey.linkExpiresAt().toEpochMilli());
    }
}
