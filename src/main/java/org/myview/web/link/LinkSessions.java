package org.myview.web.link;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.views.ModelAndView;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * For a feature's controllers: the open form session of a request, re-checked against the feature's link
 * (it may have expired or been sent since it was opened), and the kind problem page when there is none.
 */
@Singleton
public record LinkSessions(FormSessionCookie cookie, LinkClaims claims, Clock clock) {

    /** The session when its link is still open and this session holds it. */
    public Optional<FormSession> current(HttpRequest<?> request, LinkKind kind) {
        return cookie.read(request, kind.name(), clock.instant())
                .filter(session -> kind.findById(session.linkId(), clock.instant()).isOpen())
                .filter(session -> claims.holdsOrClaim(kind.name(), session.linkId(), session.sessionId()));
    }

    /** The session whatever its link's state (to show a confirmation after sending, for example), if it holds the link. */
    public Optional<FormSession> any(HttpRequest<?> request, LinkKind kind) {
        return cookie.read(request, kind.name(), clock.instant())
                .filter(session -> claims.holdsOrClaim(kind.name(), session.linkId(), session.sessionId()));
    }

    /**
     * The state of the request's link: UNKNOWN without a validly signed session, SESSION_ENDED when it is too
     * old, ELSEWHERE when the link is open but another device holds its form.
     */
    public LinkStatus status(HttpRequest<?> request, LinkKind kind) {
        Instant now = clock.instant();
        return cookie.readAnyAge(request, kind.name()).map(session -> {
            LinkStatus status = kind.findById(session.linkId(), now);
            boolean open = status.isOpen();
            if (!open && status.state() != LinkStatus.State.SENT) {
                return status;
            }
            // Another device's session learns nothing, not even the confirmation after sending.
            if (!claims.holdsOrClaim(kind.name(), session.linkId(), session.sessionId())) {
                return new LinkStatus(LinkStatus.State.ELSEWHERE, session.linkId());
            }
            return !open || cookie.isCurrent(session, now) ? status : new LinkStatus(LinkStatus.State.SESSION_ENDED, session.linkId());
        }).orElse(LinkStatus.unknown());
    }

    /** The page for a link that cannot be used, with what to do about it. */
    public MutableHttpResponse<?> problem(LinkKind kind, LinkStatus.State state) {
        if (state == LinkStatus.State.ELSEWHERE) {
            return HttpResponse.seeOther(java.net.URI.create(LinkClaimController.continuePath(kind)));
        }
        return problem(kind, switch (state) {
            case EXPIRED -> "expired";
            case SENT -> "sent";
            case SESSION_ENDED -> "session";
            default -> "unknown";
        });
    }

    static MutableHttpResponse<?> problem(LinkKind kind, String reason) {
        HttpStatus status = switch (reason) {
            case "expired", "sent", "session" -> HttpStatus.GONE;
            case "throttled" -> HttpStatus.TOO_MANY_REQUESTS;
            default -> HttpStatus.NOT_FOUND;
        };
        Map<String, Object> model = new HashMap<>();
        model.put("reason", reason);
        model.put("askKey", kind.askKey());
        model.put("helpKey", kind.helpKey());
        model.put("exitUrl", kind.exitUrl());
        return HttpResponse.status(status).body(new ModelAndView<>("link/problem", model));
    }
}
