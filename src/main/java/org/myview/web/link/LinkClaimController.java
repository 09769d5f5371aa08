package org.myview.web.link;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import org.myview.web.FormErrors;
import org.myview.web.FormResult;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Carrying on on another device, for every kind of link: the holder of a form chooses a secret code
 * ({@code /<kind>/link-code}); another device that opened the same link types it
 * ({@code /<kind>/link-continue}) and then holds the form instead. Without the code another device sees
 * nothing of the form: not the answers, not even whether any were given.
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
record LinkClaimController(
        List<LinkKind> kinds, LinkSessions sessions, FormSessionCookie cookie, LinkClaims claims,
        LinkThrottle throttle, Clock clock) {

    static String codePath(LinkKind kind) {
        return "/" + kind.name() + "/link-code";
    }

    static String continuePath(LinkKind kind) {
        return "/" + kind.name() + "/link-continue";
    }

    @Get("/{kind}/link-code")
    HttpResponse<?> codeForm(HttpRequest<?> request, @PathVariable String kind, @Nullable @QueryValue String saved) {
        return kind(kind).<HttpResponse<?>>map(k -> holder(request, k).<HttpResponse<?>>map(session ->
                HttpResponse.ok(new ModelAndView<>("link/code", model(k, new FormErrors(), saved != null,
                        claims.hasCode(k.name(), session.linkId())))))
                .orElseGet(() -> sessions.problem(k, sessions.status(request, k).state()))).orElseGet(HttpResponse::notFound);
    }

    @Post(value = "/{kind}/link-code", consumes = "application/x-www-form-urlencoded")
    HttpResponse<?> setCode(HttpRequest<?> request, @PathVariable String kind, @Body LinkCodeForm form) {
        Optional<LinkKind> found = kind(kind);
        if (found.isEmpty()) {
            return HttpResponse.notFound();
        }
        LinkKind k = found.get();
        Optional<FormSession> session = holder(request, k);
        if (session.isEmpty()) {
            return sessions.problem(k, sessions.status(request, k).state());
        }
        FormResult<String> code = form.check();
        if (!code.isValid()) {
            return HttpResponse.unprocessableEntity().body(new ModelAndView<>("link/code", model(k, code.errors(), false,
                    claims.hasCode(k.name(), session.get().linkId()))));
        }
        claims.setCode(k.name(), session.get().linkId(), session.get().sessionId(), code.value());
        return HttpResponse.seeOther(URI.create(codePath(k) + "?saved=1"));
    }

    @Get("/{kind}/link-continue")
    HttpResponse<?> continueForm(HttpRequest<?> request, @PathVariable String kind) {
        return kind(kind).<HttpResponse<?>>map(k -> {
            LinkStatus status = sessions.status(request, k);
            return notForCode(k, status, clock.instant()).orElseGet(() -> continuePage(k, status.linkId(), new FormErrors(), false));
        }).orElseGet(HttpResponse::notFound);
    }

    @Post(value = "/{kind}/link-continue", consumes = "application/x-www-form-urlencoded")
    HttpResponse<?> tryCode(HttpRequest<?> request, @PathVariable String kind, @Body LinkCodeForm form) {
        Optional<LinkKind> found = kind(kind);
        if (found.isEmpty()) {
            return HttpResponse.notFound();
        }
        LinkKind k = found.get();
        LinkStatus status = sessions.status(request, k);
        Instant now = clock.instant();
        Optional<HttpResponse<?>> notForCode = notForCode(k, status, now);
        if (notForCode.isPresent()) {
            return notForCode.get();
        }
        String address = throttle.addressKey(request);
        if (throttle.current(address, now).refused()) {
            return LinkSessions.problem(k, "throttled");
        }
        FormSession session = cookie.readAnyAge(request, k.name()).orElseThrow(); // status ELSEWHERE means there is one
        return switch (claims.tryCode(k.name(), status.linkId(), session.sessionId(), form.code())) {
            case RIGHT -> HttpResponse.seeOther(URI.create(k.startPath()));
            case NO_CODE -> {
                throttle.fail(address, now);
                yield continuePage(k, status.linkId(), new FormErrors(), true);
            }
            case WRONG -> {
                LinkThrottle.State state = throttle.fail(address, now);
                if (state.refused()) {
                    yield LinkSessions.problem(k, "throttled");
                }
                yield continuePage(k, status.linkId(), new FormErrors().add("code", "link.continue.error.wrong",
                        claims.triesLeft(k.name(), status.linkId())), true);
            }
        };
    }

    /**
     * The answer to a device that has no code to give: it holds the form (on to it), or the link is not open, or
     * was sent or ran out since (the plain problem page, nothing about the form). Empty for a device that may try.
     */
    private Optional<HttpResponse<?>> notForCode(LinkKind k, LinkStatus status, Instant now) {
        if (status.state() != LinkStatus.State.ELSEWHERE) {
            return Optional.of(status.isOpen() ? HttpResponse.seeOther(URI.create(k.startPath())) : sessions.problem(k, status.state()));
        }
        LinkStatus link = k.findById(status.linkId(), now);
        return link.isOpen() ? Optional.empty() : Optional.of(sessions.problem(k, link.state()));
    }

    private HttpResponse<?> continuePage(LinkKind kind, long linkId, FormErrors errors, boolean tried) {
        Map<String, Object> model = model(kind, errors, false, claims.hasCode(kind.name(), linkId));
        model.put("triesLeft", claims.triesLeft(kind.name(), linkId));
        ModelAndView<Map<String, Object>> page = new ModelAndView<>("link/continue", model);
        return tried ? HttpResponse.unprocessableEntity().body(page) : HttpResponse.ok(page);
    }

    private Optional<FormSession> holder(HttpRequest<?> request, LinkKind kind) {
        return sessions.current(request, kind);
    }

    private Optional<LinkKind> kind(String name) {
        return kinds.stream().filter(k -> k.name().equals(name)).findFirst();
    }

    private static Map<String, Object> model(LinkKind kind, FormErrors errors, boolean saved, boolean hasCode) {
        Map<String, Object> model = new HashMap<>();
        model.put("kind", kind.name());
        model.put("startPath", kind.startPath());
        model.put("codePath", codePath(kind));
        model.put("continuePath", continuePath(kind));
        model.put("askKey", kind.askKey());
        model.put("helpKey", kind.helpKey());
        model.put("talkNowPath", kind.talkNowPath());
        model.put("exitUrl", kind.exitUrl());
        model.put("errors", errors);
        model.put("saved", saved);
        model.put("hasCode", hasCode);
        return model;
    }
}
