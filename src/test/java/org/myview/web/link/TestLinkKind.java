package org.myview.web.link;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import jakarta.inject.Singleton;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** A link kind for tests of the machinery alone: links kept in memory, a form at /test-link/form. */
@Singleton
@Requires(property = "test.link-kind", value = "true")
class TestLinkKind implements LinkKind {

    record Link(long id, Instant expiresAt, boolean sent) {
    }

    private final Map<ByteBuffer, Link> byHash = new ConcurrentHashMap<>();
    private final Map<Long, Link> byId = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    /** A new link; returns its token. */
    String create(Instant expiresAt) {
        LinkTokens.NewLink link = LinkTokens.newLink();
        Link stored = new Link(ids.incrementAndGet(), expiresAt, false);
        byHash.put(ByteBuffer.wrap(link.hash()), stored);
        byId.put(stored.id(), stored);
        return link.token();
    }

    void markSent(String token) {
        Link link = byHash.get(ByteBuffer.wrap(LinkTokens.hash(token)));
        Link sent = new Link(link.id(), link.expiresAt(), true);
        byHash.put(ByteBuffer.wrap(LinkTokens.hash(token)), sent);
        byId.put(link.id(), sent);
    }

    @Override
    public String name() {
        return "test-link";
    }

    @Override
    public String startPath() {
        return "/test-link/form";
    }

    @Override
    public String askKey() {
        return "link.problem.childline";
    }

    @Override
    public LinkStatus findByHash(byte[] tokenHash, Instant now) {
        Link link = byHash.get(ByteBuffer.wrap(tokenHash));
        return status(link, now);
    }

    @Override
    public LinkStatus findById(long linkId, Instant now) {
        return status(byId.get(linkId), now);
    }

    private static LinkStatus status(Link link, Instant now) {
        if (link == null) {
            return LinkStatus.unknown();
        }
        if (link.sent()) {
            return LinkStatus.sent(link.id());
        }
        return link.expiresAt().isAfter(now) ? LinkStatus.open(link.id()) : LinkStatus.expired(link.id());
    }

    @Controller("/test-link")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Requires(property = "test.link-kind", value = "true")
    static class FormForTests {

        private final LinkSessions sessions;
        private final TestLinkKind kind;

        FormForTests(LinkSessions sessions, TestLinkKind kind) {
            this.sessions = sessions;
            this.kind = kind;
        }

        @Get("/form")
        HttpResponse<?> form(HttpRequest<?> request) {
            return sessions.current(request, kind)
                    .<HttpResponse<?>>map(s -> HttpResponse.ok(new ModelAndView<>("test-only/link-form", Map.of("linkId", s.linkId()))))
                    .orElseGet(() -> sessions.problem(kind, sessions.status(request, kind).state()));
        }

        @Post(value = "/form", consumes = "application/x-www-form-urlencoded")
        HttpResponse<?> post(HttpRequest<?> request, @Body Map<String, String> body) {
            return sessions.current(request, kind)
                    .<HttpResponse<?>>map(s -> HttpResponse.ok("saved for link " + s.linkId()))
                    .orElseGet(() -> sessions.problem(kind, sessions.status(request, kind).state()));
        }
    }
}
