package org.myview.consultation;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import org.myview.web.FormErrors;
import org.myview.web.FormResult;
import org.myview.web.link.LinkSessions;
import org.myview.web.link.LinkStatus;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * "I want to talk to someone now" from any page of the child's form, before or after sending: a page that
 * asks first (nothing is raised until the child says yes), with optional choices, then a page that says
 * who was told. What the pages promise depends on {@link TalkNowSettings#hasDutyInbox()}.
 */
@Controller("/consultation/talk")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
record TalkNowController(
        ConcernService concerns, ConsultationService consultations, ConsultationLinkKind kind, LinkSessions sessions,
        org.myview.web.PublicLanguages languages) {

    @Get
    HttpResponse<?> ask(HttpRequest<?> request) {
        return withSession(request, (linkId, holder) -> {
            // Only the device holding the form learns that a concern is already open: another device that has
            // the link (a carer's phone) must not find out that the child asked for help.
            if (holder && concerns.openForLink(linkId).isPresent()) {
                return HttpResponse.seeOther(URI.create("/consultation/talk/done"));
            }
            return HttpResponse.ok(new ModelAndView<>("consultation/talk-ask", model(linkId, holder, TalkNowChoices.empty(), new FormErrors())));
        });
    }

    @Post(consumes = "application/x-www-form-urlencoded")
    HttpResponse<?> raise(HttpRequest<?> request, @Body TalkNowForm form) {
        return withSession(request, (linkId, holder) -> {
            FormResult<TalkNowChoices> checked = form.check();
            if (!checked.isValid()) {
                return HttpResponse.unprocessableEntity().body(new ModelAndView<>("consultation/talk-ask",
                        model(linkId, holder, form.choices(), checked.errors())));
            }
            concerns.raise(linkId, checked.value());
            return HttpResponse.seeOther(URI.create("/consultation/talk/done"));
        });
    }

    @Get("/done")
    HttpResponse<?> done(HttpRequest<?> request) {
        return withSession(request, (linkId, holder) -> {
            if (holder && concerns.openForLink(linkId).isEmpty()) {
                return HttpResponse.seeOther(URI.create("/consultation/talk"));
            }
            return HttpResponse.ok(new ModelAndView<>("consultation/talk", model(linkId, holder, TalkNowChoices.empty(), new FormErrors())));
        });
    }

    /**
     * Works while the form is open and after it was sent, on the device that holds the form and on another device
     * that opened the same link (docs/consultation.md, "Drafts belong to the child": asking for help is never
     * refused, though that device sees nothing of the form). A link that ran out or was replaced gets its problem page.
     */
    private HttpResponse<?> withSession(HttpRequest<?> request, BiFunction<Long, Boolean, HttpResponse<?>> page) {
        LinkStatus status = sessions.status(request, kind);
        return switch (status.state()) {
            case OPEN, SENT -> page.apply(status.linkId(), true);
            case ELSEWHERE -> page.apply(status.linkId(), false);
            default -> sessions.problem(kind, status.state());
        };
    }

    private Map<String, Object> model(long linkId, boolean holder, TalkNowChoices choices, FormErrors errors) {
        ConsultationService.Journey journey = consultations.journey(linkId);
        Map<String, Object> model = new HashMap<>();
        model.put("journey", journey);
        model.put("definition", journey.definition());
        model.put("officerName", journey.officerName() == null ? "–" : journey.officerName());
        model.put("languages", languages.offered().stream().map(org.myview.web.PublicLanguages.Language::tag).toList());
        model.put("consultationPage", true);
        model.put("duty", concerns.settings().hasDutyInbox());
        model.put("choices", choices);
        model.put("ways", TalkNowChoices.Way.values());
        model.put("times", TalkNowChoices.SafeTime.values());
        model.put("errors", errors);
        model.put("back", !holder ? "/consultation/link-continue" : journey.sent() ? "/consultation/sent" : "/consultation");
        return model;
    }
}
