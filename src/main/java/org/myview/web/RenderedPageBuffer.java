package org.myview.web;

import io.micronaut.core.io.Writable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Renders a page in full before any of it is sent. A template that fails half way would otherwise
 * leave the browser waiting on a broken response; here it becomes the plain error page with a
 * reference, like any other server error.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class RenderedPageBuffer implements Ordered {

    private final ErrorPages errorPages;

    RenderedPageBuffer(ErrorPages errorPages) {
        this.errorPages = errorPages;
    }

    @ResponseFilter
    MutableHttpResponse<?> render(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (!(response.getBody().orElse(null) instanceof Writable writable)) {
            return response;
        }
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(16 * 1024);
        try (Writer writer = new OutputStreamWriter(buffer, StandardCharsets.UTF_8)) {
            writable.writeTo(writer);
        } catch (IOException | RuntimeException e) {
            return errorPages.serverError(request, e);
        }
        @SuppressWarnings("unchecked")
        MutableHttpResponse<Object> typed = (MutableHttpResponse<Object>) response;
        return typed.body(buffer.toByteArray());
    }

    @Override
    public int getOrder() {
        // Before the views filter on the way in, so after it on the way out: the body is rendered by then.
        return ServerFilterPhase.RENDERING.before();
    }
}
