package org.myview.listened;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
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
import org.myview.web.FormErrors;
import org.myview.web.FormResult;
import org.myview.web.link.LinkSessions;
import org.myview.web.link.LinkStatus;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The follow-up form, opened from its link (web/link swapped the token for a form-session cookie): a start page,
 * one question per page, check your answers, send, thank you. Works without JavaScript: plain forms and links.
 */
@Controller("/listened")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
record ListenedController(ListenedService service, ListenedLinkKind kind, LinkSessions sessions) {

    @Get
    HttpResponse<?> start(HttpRequest<?> request) {
        return withOpenForm(request, journey -> HttpResponse.ok(new ModelAndView<>("listened/start", model(journey))));
    }

    @Get("/q/{number}")
    HttpResponse<?> question(HttpRequest<?> request, @PathVariable int number) {
        return withOpenForm(request, journey -> ListenedQuestions.number(number).<HttpResponse<?>>map(q -> {
            String saved = journey.answer(q);
            return HttpResponse.ok(new ModelAndView<>("listened/question", questionModel(journey, q,
                    "skipped".equals(saved) ? "" : saved, request.getParameters().contains("change"), new FormErrors())));
        }).orElseGet(HttpResponse::notFound));
    }

    @Post(value = "/q/{number}", consumes = "application/x-www-form-urlencoded")
    HttpResponse<?> answer(HttpRequest<?> request, @PathVariable int number, @Body ListenedAnswerForm form) {
        return withOpenForm(request, journey -> ListenedQuestions.number(number).<HttpResponse<?>>map(q -> {
            FormResult<String> checked = form.check(q);
            if (!checked.isValid()) {
                return HttpResponse.unprocessableEntity().body(new ModelAndView<>("listened/question", questionModel(journey, q,
                        form.typed(), form.fromCheck(), checked.errors())));
            }
            service.answer(journey.link().id(), q, checked.value());
            boolean last = number >= ListenedQuestions.ALL.size();
            return HttpResponse.seeOther(URI.create(form.fromCheck() || last ? "/listened/check" : "/listened/q/" + (number + 1)));
        }).orElseGet(HttpResponse::notFound));
    }

    @Get("/check")
    HttpResponse<?> check(HttpRequest<?> request) {
        return withOpenForm(request, journey -> {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (ListenedQuestions.Question q : ListenedQuestions.ALL) {
                Map<String, Object> row = new HashMap<>();
                row.put("question", q);
                row.put("answer", journey.answer(q));
                rows.add(row);
            }
            Map<String, Object> model = model(journey);
            model.put("rows", rows);
            return HttpResponse.ok(new ModelAndView<>("listened/check", model));
        });
    }

    @Post(value = "/send", consumes = "application/x-www-form-urlencoded")
    HttpResponse<?> send(HttpRequest<?> request) {
        return withOpenForm(request, journey -> {
            service.send(journey.link().id());
            return HttpResponse.seeOther(URI.create("/listened/sent"));
        });
    }

    @Get("/sent")
    HttpResponse<?> sent(HttpRequest<?> request) {
        LinkStatus status = sessions.status(request, kind);
        if (status.state() != LinkStatus.State.SENT) {
            return status.isOpen() ? HttpResponse.seeOther(URI.create("/listened/check")) : sessions.problem(kind, status.state());
        }
        return HttpResponse.ok(new ModelAndView<>("listened/sent", model(service.journey(status.linkId()))));
    }

    private HttpResponse<?> withOpenForm(HttpRequest<?> request, Function<ListenedService.Journey, HttpResponse<?>> page) {
        LinkStatus status = sessions.status(request, kind);
        return switch (status.state()) {
            case OPEN -> page.apply(service.journey(status.linkId()));
            case SENT -> HttpResponse.seeOther(URI.create("/listened/sent"));
            default -> sessions.problem(kind, status.state());
        };
    }

    private static Map<String, Object> model(ListenedService.Journey journey) {
        Map<String, Object> model = new HashMap<>();
        model.put("journey", journey);
        model.put("who", journey.isChild() ? "child" : "parent");
        model.put("count", ListenedQuestions.ALL.size());
        model.put("options", ListenedQuestions.OPTIONS);
        return model;
    }

    private static Map<String, Object> questionModel(ListenedService.Journey journey, ListenedQuestions.Question q, String value,
                                                     boolean change, FormErrors errors) {
        Map<String, Object> model = model(journey);
        model.put("q", q);
        model.put("value", value == null ? "" : value);
        model.put("change", change);
        model.put("errors", errors);
        model.put("back", change ? "/listened/check" : q.number() == 1 ? "/listened" : "/listened/q/" + (q.number() - 1));
        return model;
    }
}
