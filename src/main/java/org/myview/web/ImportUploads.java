package org.myview.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.views.ModelAndView;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The upload half of an import page (the SSDA903 file, the case-system extract): the CSRF token, which is a
 * part of the multipart form so the CSRF filter leaves it to us; the file refused when missing or not UTF-8;
 * then the page again with the import's result, 422 when it refused the rows. The view shows the
 * {@code fileErrors} (message keys) with {@code fragments/forms :: fileProblems}.
 */
@Singleton
public record ImportUploads(CsrfTokens csrf, ErrorPages errorPages) {

    /**
     * @param keyPrefix the page's message prefix: {@code keyPrefix + "error.noFile"} and {@code "error.encoding"}
     * @param importer  imports the file's text and returns the result the view shows as {@code result}
     */
    public <R> HttpResponse<?> upload(HttpRequest<?> request, @Nullable String token, @Nullable CompletedFileUpload file,
                                      String view, String keyPrefix, Function<String, R> importer, Predicate<R> imported)
            throws IOException {
        if (token == null || !csrf.isValid(request, token)) {
            return errorPages.page(request, HttpStatus.FORBIDDEN, "expired");
        }
        if (file == null || file.getSize() == 0) {
            return refused(view, Map.of("fileErrors", List.of(keyPrefix + "error.noFile")));
        }
        String text = decode(file.getBytes());
        if (text == null) {
            return refused(view, Map.of("fileErrors", List.of(keyPrefix + "error.encoding")));
        }
        R result = importer.apply(text);
        Map<String, Object> model = Map.of("result", result);
        return imported.test(result) ? HttpResponse.ok(new ModelAndView<>(view, model)) : refused(view, model);
    }

    private static HttpResponse<?> refused(String view, Map<String, Object> model) {
        return HttpResponse.unprocessableEntity().body(new ModelAndView<>(view, model));
    }

    /** UTF-8 strictly: a file in another encoding is refused rather than imported with broken characters; null then. */
    public static @Nullable String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
