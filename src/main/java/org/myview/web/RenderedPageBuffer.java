package org.myview.web;

import io.micronaut.core.io.Writable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Renders a page in full before any of it is sent. A template that fails half way would otherwise
 * leave the browser waiting on a broken response; here it becomes the plain error page with a
 * reference, like any other server error.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
record RenderedPageBuffer(ErrorPages errorPages) implements Ordered {

    @ResponseFilter
    MutableHttpResponse<?> render(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (!(response.getBody().orElse(null) instanceof Writable writable)) {
            return response;
        }
        // Text first, encoded once at the end: an OutputStreamWriter encoded each of the template's many small
        // writes on its own, about 6 % of a question page's CPU (docs/performance.md, "Question page").
        TextBuffer buffer = new TextBuffer();
        try (buffer) {
            writable.writeTo(buffer);
        } catch (IOException | RuntimeException e) {
            return errorPages.serverError(request, e);
        }
        @SuppressWarnings("unchecked")
        MutableHttpResponse<Object> typed = (MutableHttpResponse<Object>) response;
        return typed.body(buffer.text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** A writer into a StringBuilder: unlike StringWriter, no lock on every write. */
    private static final class TextBuffer extends Writer {
        private final StringBuilder text = new StringBuilder(16 * 1024);

        @Override
        public void write(char[] chars, int offset, int length) {
            text.append(chars, offset, length);
        }

        @Override
        public void write(int c) {
            text.append((char) c);
        }

        @Override
        public void write(String s, int offset, int length) {
            text.append(s, offset, offset + length);
        }

        @Override
        public Writer append(CharSequence s) {
            text.append(s);
            return this;
        }

        @Override
        public Writer append(CharSequence s, int start, int end) {
            text.append(s, start, end);
            return this;
        }

        @Override
        public Writer append(char c) {
            text.append(c);
            return this;
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    @Override
    public int getOrder() {
        // Before the views filter on the way in, so after it on the way out: the body is rendered by then.
        return ServerFilterPhase.RENDERING.before();
    }
}
