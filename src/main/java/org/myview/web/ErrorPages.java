package org.myview.web;

import io.micronaut.core.io.Writable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.context.annotation.Primary;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.ModelAndViewRenderer;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Every error the framework produces (no route, bad request, an exception nobody handled) is
 * answered here: a plain GOV.UK-style page for people, a small JSON body for the API. A server
 * error gets a reference that is also written to the log, with the exception's classes and stack
 * frames but never its message (messages can carry names or answers).
 */
@Singleton
@Primary
public class ErrorPages implements ErrorResponseProcessor<Object> {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorPages.class);
    private static final char[] REFERENCE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

    private final ModelAndViewRenderer<Map<String, Object>, HttpRequest<?>> renderer;
    private final SecureRandom random = new SecureRandom();

    ErrorPages(ModelAndViewRenderer<Map<String, Object>, HttpRequest<?>> renderer) {
        this.renderer = renderer;
    }

    @Override
    public MutableHttpResponse<Object> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        int status = response.code();
        String reference = null;
        Throwable cause = context.getRootCause().orElse(null);
        if (status >= 500 && malformedRequest(cause)) {
            // A body the decoder cannot read (broken percent-encoding, bad bytes): the sender's fault, not ours.
            status = HttpStatus.BAD_REQUEST.getCode();
            response.status(HttpStatus.BAD_REQUEST);
        } else if (status >= 500 && databaseAway(cause)) {
            // The database is restarting or failing over: say "try again", which a phone's retry will do.
            status = HttpStatus.SERVICE_UNAVAILABLE.getCode();
            response.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "10");
            // Redacted like the 500 branch: during an outage a link token in the path must not reach the log.
            LOG.warn("Database unavailable on {} {}: {}", context.getRequest().getMethodName(),
                    LoggedPaths.redact(context.getRequest().getPath()), cause.getClass().getName());
        } else if (status >= 500) {
            reference = newReference();
            LOG.error("Server error, reference {} on {} {}: {}", reference, context.getRequest().getMethodName(),
                    LoggedPaths.redact(context.getRequest().getPath()), cause == null ? "no exception" : describeWithoutMessages(cause));
        }
        @SuppressWarnings("unchecked")
        MutableHttpResponse<Object> typed = (MutableHttpResponse<Object>) response;
        HttpRequest<?> request = context.getRequest();
        if (wantsJson(request)) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", status);
            body.put("message", jsonMessage(status, context));
            if (reference != null) {
                body.put("reference", reference);
            }
            return typed.contentType(MediaType.APPLICATION_JSON_TYPE).body(body);
        }
        return render(typed, request, status, kindOf(status), reference);
    }

    /** A server error met outside the framework's handling (a page that failed to render): logged with a reference. */
    public MutableHttpResponse<Object> serverError(HttpRequest<?> request, Throwable cause) {
        if (databaseAway(cause)) {
            LOG.warn("Database unavailable on {} {}: {}", request.getMethodName(),
                    LoggedPaths.redact(request.getPath()), cause.getClass().getName());
            return page(request, HttpStatus.SERVICE_UNAVAILABLE, "unavailable").header(HttpHeaders.RETRY_AFTER, "10");
        }
        String reference = newReference();
        LOG.error("Server error, reference {} on {} {}: {}", reference, request.getMethodName(), LoggedPaths.redact(request.getPath()),
                describeWithoutMessages(cause));
        if (wantsJson(request)) {
            return HttpResponse.serverError().contentType(MediaType.APPLICATION_JSON_TYPE).body((Object) Map.of("status", 500,
                    "message", "Something went wrong on our side. Quote the reference if you contact us.", "reference", reference));
        }
        return render(HttpResponse.serverError(), request, 500, "server", reference);
    }

    /** An error page with the given status and text (for example CSRF refusals and forbidden pages). */
    public MutableHttpResponse<Object> page(HttpRequest<?> request, HttpStatus status, String kind) {
        if (wantsJson(request)) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", status.getCode());
            body.put("message", status == HttpStatus.SERVICE_UNAVAILABLE
                    ? "The service is unavailable just now: please try again in a minute." : status.getReason());
            return HttpResponse.status(status).contentType(MediaType.APPLICATION_JSON_TYPE).body(body);
        }
        return render(HttpResponse.status(status), request, status.getCode(), kind, null);
    }

    private MutableHttpResponse<Object> render(MutableHttpResponse<Object> response, HttpRequest<?> request,
                                               int status, String kind, String reference) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("status", status);
        model.put("reference", reference);
        model.put("kind", kind);
        Optional<Writable> page = renderer.render(new ModelAndView<>("web/error", model), request, MediaType.TEXT_HTML);
        if (page.isEmpty()) {
            return response.contentType(MediaType.TEXT_PLAIN_TYPE).body("Error " + status
                    + (reference == null ? "" : ". Reference: " + reference));
        }
        return response.contentType(MediaType.TEXT_HTML_TYPE).body(page.get());
    }

    /**
     * Whether an exception means the database cannot be reached (no connection from the pool, a
     * connection broken or refused, the server shutting down), as opposed to a fault in our code.
     */
    public static boolean databaseAway(Throwable throwable) {
        Throwable current = throwable;
        int depth = 0;
        while (current != null && depth++ < 15) {
            if (current instanceof SQLTransientConnectionException || current instanceof java.net.ConnectException
                    || current instanceof io.micronaut.data.connection.exceptions.ConnectionException) {
                return true;
            }
            if (current instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
            current = current.getCause() == current ? null : current.getCause();
        }
        return false;
    }

    /** Whether an exception was thrown while decoding a request that is not well-formed. */
    static boolean malformedRequest(Throwable throwable) {
        Throwable current = throwable;
        int depth = 0;
        while (current != null && depth++ < 15) {
            // PostgreSQL: a character it cannot store (NUL) or an invalid byte sequence.
            if (current instanceof SQLException sql && ("22021".equals(sql.getSQLState()) || "22P05".equals(sql.getSQLState()))) {
                return true;
            }
            if (current instanceof java.nio.charset.CharacterCodingException
                    || current.getClass().getName().endsWith("HttpPostRequestDecoder$ErrorDataDecoderException")) {
                return true;
            }
            StackTraceElement[] frames = current.getStackTrace();
            for (int i = 0; i < Math.min(frames.length, 4); i++) {
                if (frames[i].getClassName().equals("io.micronaut.http.uri.QueryStringDecoder")) {
                    return true;
                }
            }
            current = current.getCause() == current ? null : current.getCause();
        }
        return false;
    }

    /** Which page text to show: the few cases a person can act on differently. */
    static String kindOf(int status) {
        if (status == HttpStatus.NOT_FOUND.getCode() || status == HttpStatus.METHOD_NOT_ALLOWED.getCode()) {
            return "notFound";
        }
        if (status == HttpStatus.FORBIDDEN.getCode()) {
            return "forbidden";
        }
        if (status == HttpStatus.REQUEST_ENTITY_TOO_LARGE.getCode()) {
            return "tooLarge";
        }
        if (status == HttpStatus.SERVICE_UNAVAILABLE.getCode()) {
            return "unavailable";
        }
        if (status >= 500) {
            return "server";
        }
        return "badRequest";
    }

    private static String jsonMessage(int status, ErrorContext context) {
        if (status == HttpStatus.SERVICE_UNAVAILABLE.getCode()) {
            return "The service is unavailable just now: please try again in a minute.";
        }
        if (status >= 500) {
            return "Something went wrong on our side. Quote the reference if you contact us.";
        }
        // Framework messages for 4xx describe the request (missing parameter, bad type), not people.
        return context.getErrors().stream().findFirst().map(e -> e.getMessage())
                .orElse(HttpStatus.valueOf(status).getReason());
    }

    /** The API answers in JSON; so does any client that asks for JSON by name and not for HTML. */
    static boolean wantsJson(HttpRequest<?> request) {
        if (request.getPath().startsWith("/api/")) {
            return true;
        }
        boolean namesJson = false;
        for (MediaType type : request.getHeaders().accept()) {
            if (type.getSubtype().equals("html")) {
                return false;
            }
            namesJson |= type.getName().equals(MediaType.APPLICATION_JSON);
        }
        return namesJson;
    }

    private String newReference() {
        char[] chars = new char[8];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = REFERENCE_ALPHABET[random.nextInt(REFERENCE_ALPHABET.length)];
        }
        return new String(chars);
    }

    /** Exception classes and stack frames of the whole cause chain, without any message text. */
    static String describeWithoutMessages(Throwable throwable) {
        StringBuilder out = new StringBuilder();
        Throwable current = throwable;
        int depth = 0;
        while (current != null && depth < 10) {
            out.append(depth == 0 ? "" : "\nCaused by: ").append(current.getClass().getName());
            StackTraceElement[] frames = current.getStackTrace();
            for (int i = 0; i < Math.min(frames.length, 25); i++) {
                out.append("\n\tat ").append(frames[i]);
            }
            current = current.getCause() == current ? null : current.getCause();
            depth++;
        }
        return out.toString();
    }
}
