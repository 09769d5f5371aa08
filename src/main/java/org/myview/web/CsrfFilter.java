package org.myview.web;

import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.filter.FilterContinuation;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.http.server.filter.FilterBodyParser;
import io.micronaut.core.order.Ordered;

import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;


import io.micronaut.context.annotation.Value;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every state-changing request from a browser must carry the CSRF token of its session: in the
 * {@code _csrf} form field or the {@code X-CSRF-Token} header. A cross-site request (by the
 * browser's own Sec-Fetch-Site) is refused outright. The API (HTTP Basic, no cookies) is exempt. The
 * sign-in form has no session yet: its token is bound to a pre-session cookie instead (login CSRF). Multipart uploads are checked by their
 * controller, which reads the {@code _csrf} part itself.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class CsrfFilter implements Ordered {

    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.TRACE);

    private final CsrfTokens tokens;
    private final FilterBodyParser bodyParser;
    private final ErrorPages errorPages;

    private final Set<String> exemptPaths;

    /** {@code myview.csrf.exempt-paths}: none by default; tests use it for their own test-only forms. */
    CsrfFilter(CsrfTokens tokens, FilterBodyParser bodyParser, ErrorPages errorPages,
               @Value("${myview.csrf.exempt-paths:}") List<String> exemptPaths) {
        this.exemptPaths = Set.copyOf(exemptPaths);
        this.tokens = tokens;
        this.bodyParser = bodyParser;
        this.errorPages = errorPages;
    }

    @RequestFilter
    Publisher<MutableHttpResponse<?>> check(HttpRequest<?> request, FilterContinuation<Publisher<MutableHttpResponse<?>>> chain) {
        if (SAFE.contains(request.getMethod()) || request.getPath().startsWith("/api/")) {
            return chain.proceed();
        }
        String fetchSite = request.getHeaders().get("Sec-Fetch-Site");
        if (fetchSite != null && fetchSite.equals("cross-site")) {
            return Mono.just(refuse(request));
        }
        if (exemptPaths.contains(request.getPath())) {
            return chain.proceed();
        }
        String header = request.getHeaders().get(CsrfTokens.HEADER);
        if (header != null) {
            return tokens.isValid(request, header) ? chain.proceed() : Mono.just(refuse(request));
        }
        MediaType contentType = request.getContentType().orElse(null);
        if (contentType != null && contentType.getName().equals(MediaType.MULTIPART_FORM_DATA)) {
            return chain.proceed();
        }
        return Mono.fromFuture(bodyParser.parseBody(request))
                .defaultIfEmpty(Map.of())
                .flatMap(body -> {
                    Object submitted = body.get(CsrfTokens.FIELD);
                    return submitted instanceof String token && tokens.isValid(request, token)
                            ? Mono.from(chain.proceed()) : Mono.just(refuse(request));
                });
    }

    private MutableHttpResponse<?> refuse(HttpRequest<?> request) {
        return errorPages.page(request, HttpStatus.FORBIDDEN, "expired");
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }
}
