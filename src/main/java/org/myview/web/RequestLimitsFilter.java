package org.myview.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.convert.format.ReadableBytes;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.core.annotation.Nullable;

/**
 * Forms are small: a form post (URL-encoded) larger than the form limit is refused with 413 before
 * anything reads it. Only file uploads and CSV bodies may go up to the server's overall limit
 * ({@code micronaut.server.max-request-size}). The limits are set on purpose: docs/runbook.md.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class RequestLimitsFilter implements io.micronaut.core.order.Ordered {

    private final long formBodyLimit;
    private final ErrorPages errorPages;

    RequestLimitsFilter(@Value("${myview.limits.form-body-size:64KB}") @ReadableBytes long formBodyLimit, ErrorPages errorPages) {
        this.formBodyLimit = formBodyLimit;
        this.errorPages = errorPages;
    }

    @RequestFilter
    @Nullable
    MutableHttpResponse<?> refuseLargeForms(HttpRequest<?> request) {
        long length = request.getContentLength();
        boolean form = request.getContentType().map(type -> type.matches(MediaType.APPLICATION_FORM_URLENCODED_TYPE)).orElse(false);
        if (form && length > formBodyLimit) {
            return errorPages.page(request, HttpStatus.REQUEST_ENTITY_TOO_LARGE, "tooLarge");
        }
        return null;
    }

    @Override
    public int getOrder() {
        // Before the CSRF filter, which reads form bodies.
        return ServerFilterPhase.SECURITY.before() - 10;
    }
}
