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

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Opens a secret link of any {@link LinkKind}: swaps the token in the address for a signed form-session
 * cookie and redirects (303) to an address without it, so the token leaves the browser's history and is
 * never sent on (Referrer-Policy: no-referrer as well). Wrong tokens are counted per address.
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class LinkController {

    private final List<LinkKind> kinds;
    private final LinkThrottle throttle;
    private final FormSessionCookie cookie;
    private final Clock clock;

    LinkController(List<LinkKind> kinds, LinkThrottle throttle, FormSessionCookie cookie, Clock clock) {
        this.kinds = kinds;
        this.throttle = throttle;
        this.cookie = cookie;
        this.clock = clock;
    }

    @Get("/{kind}/link/{token}")
    HttpResponse<?> open(HttpRequest<?> request, @PathVariable String kind, @PathVariable String token) {
        Optional<LinkKind> found = kinds.stream().filter(k -> k.name().equals(kind)).findFirst();
        if (found.isEmpty()) {
            return HttpResponse.notFound();
        }
        LinkKind linkKind = found.get();
        Instant now = clock.instant();
        String address = throttle.addressKey(request);
        if (throttle.current(address, now).refused()) {
            return LinkSessions.problem(linkKind, "throttled");
        }
        LinkStatus status = LinkTokens.looksValid(token)
                ? linkKind.findByHash(LinkTokens.hash(token), now) : LinkStatus.unknown();
        return switch (status.state()) {
            case OPEN -> HttpResponse.seeOther(URI.create(linkKind.startPath()))
                    .cookie(cookie.open(request, linkKind.name(), status.linkId(), now));
            case EXPIRED, SENT -> LinkSessions.problem(linkKind, status.state() == LinkStatus.State.SENT ? "sent" : "expired");
            case UNKNOWN, SESSION_ENDED -> wrongTry(linkKind, address, now);
        };
    }

    private HttpResponse<?> wrongTry(LinkKind kind, String address, Instant now) {
        LinkThrottle.State state = throttle.fail(address, now);
        pause(throttle.slowDown(state.failures()));
        return LinkSessions.problem(kind, state.refused() ? "throttled" : "unknown");
    }

    private static void pause(Duration duration) {
        if (duration.isZero()) {
            return;
        }
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
