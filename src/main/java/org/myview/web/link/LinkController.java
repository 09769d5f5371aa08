package org.myview.web.link;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import org.myview.system.Delays;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Opens a secret link of any {@link LinkKind}: swaps the token in the address for a signed form-session
 * cookie and redirects (303) to an address without it, so the token leaves the browser's history and is
 * never sent on (Referrer-Policy: no-referrer as well). Wrong tokens are counted per address.
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
record LinkController(
        List<LinkKind> kinds, LinkThrottle throttle, FormSessionCookie cookie, LinkClaims claims, Clock clock) {

    /**
     * The token is looked up before the address's count is: a right link opens even from an address that is
     * refused, because behind one school or care-home proxy many children share an address, and a right token
     * (128 random bits) is not a guess. Only wrong tries are held back, then refused.
     */
    @Get("/{kind}/link/{token}")
    CompletableFuture<HttpResponse<?>> open(HttpRequest<?> request, @PathVariable String kind, @PathVariable String token) {
        Optional<LinkKind> found = kinds.stream().filter(k -> k.name().equals(kind)).findFirst();
        if (found.isEmpty()) {
            return CompletableFuture.completedFuture(HttpResponse.notFound());
        }
        LinkKind linkKind = found.get();
        Instant now = clock.instant();
        LinkStatus status = LinkTokens.looksValid(token)
                ? linkKind.findByHash(LinkTokens.hash(token), now) : LinkStatus.unknown();
        return switch (status.state()) {
            case OPEN -> CompletableFuture.completedFuture(openOnThisDevice(request, linkKind, status.linkId(), now));
            case EXPIRED, SENT -> CompletableFuture.completedFuture(
                    LinkSessions.problem(linkKind, status.state() == LinkStatus.State.SENT ? "sent" : "expired"));
            case UNKNOWN, SESSION_ENDED, ELSEWHERE -> wrongTry(linkKind, throttle.addressKey(request), now);
        };
    }

    /**
     * The device that opened the link first holds its form; opening it again there keeps the same session
     * (a fresh cookie, even after it ran out). Any other device gets a session that holds nothing and is
     * sent to the page that asks for the holder's secret code.
     */
    private HttpResponse<?> openOnThisDevice(HttpRequest<?> request, LinkKind kind, long linkId, Instant now) {
        Optional<FormSession> earlier = cookie.readAnyAge(request, kind.name())
                .filter(s -> s.linkId() == linkId && claims.holds(kind.name(), linkId, s.sessionId()));
        if (earlier.isPresent()) {
            FormSession again = new FormSession(kind.name(), linkId, earlier.get().sessionId(), now);
            return HttpResponse.seeOther(URI.create(kind.startPath())).cookie(cookie.cookieFor(request, again));
        }
        FormSession fresh = cookie.newSession(kind.name(), linkId, now);
        boolean holder = claims.claim(kind.name(), linkId, fresh.sessionId());
        return HttpResponse.seeOther(URI.create(holder ? kind.startPath() : LinkClaimController.continuePath(kind)))
                .cookie(cookie.cookieFor(request, fresh));
    }

    /** Counted, then answered after the hold-back on a timer: no thread waits (issue 22, item 1). */
    private CompletableFuture<HttpResponse<?>> wrongTry(LinkKind kind, String address, Instant now) {
        LinkThrottle.State state = throttle.fail(address, now);
        return Delays.after(throttle.slowDown(state.failures()),
                LinkSessions.problem(kind, state.refused() ? "throttled" : "unknown"));
    }
}
