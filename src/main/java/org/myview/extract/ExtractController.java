package org.myview.extract;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.views.ModelAndView;
import org.myview.staff.ApiScope;
import org.myview.staff.ApiTokenScope;
import org.myview.staff.Role;
import org.myview.staff.StaffUser;
import org.myview.web.CsrfTokens;
import org.myview.web.ErrorPages;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The case-system extract: a page with a file upload for the service manager, and the same for scripts (CSV or JSON). */
@Controller
@Secured(Role.SERVICE_MANAGER_NAME)
@ExecuteOn(TaskExecutors.BLOCKING)
class ExtractController {

    private static final String VIEW = "extract/import";

    private final ExtractImport importer;
    private final CsrfTokens csrf;
    private final ErrorPages errorPages;
    private final ObjectMapper objectMapper;

    ExtractController(ExtractImport importer, CsrfTokens csrf, ErrorPages errorPages, ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
        this.importer = importer;
        this.csrf = csrf;
        this.errorPages = errorPages;
    }

    @Get("/extracts/import")
    ModelAndView<Map<String, Object>> page() {
        return new ModelAndView<>(VIEW, Map.of());
    }

    /** Multipart, so the CSRF filter leaves the token to us: it is a part of the form. */
    @Post(value = "/extracts/import", consumes = MediaType.MULTIPART_FORM_DATA)
    HttpResponse<?> upload(HttpRequest<?> request, Authentication authentication, @Nullable @Part("_csrf") String token,
                           @Nullable @Part("file") CompletedFileUpload file) throws IOException {
        if (token == null || !csrf.isValid(request, token)) {
            return errorPages.page(request, HttpStatus.FORBIDDEN, "expired");
        }
        Map<String, Object> model = new HashMap<>();
        if (file == null || file.getSize() == 0) {
            model.put("fileErrors", List.of("extract.import.error.noFile"));
            return HttpResponse.unprocessableEntity().body(new ModelAndView<>(VIEW, model));
        }
        String text = decode(file.getBytes());
        if (text == null) {
            model.put("fileErrors", List.of("extract.import.error.encoding"));
            return HttpResponse.unprocessableEntity().body(new ModelAndView<>(VIEW, model));
        }
        ExtractImport.ExtractResult result = importer.importCsv(StaffUser.from(authentication), text);
        model.put("result", result);
        return result.imported() ? HttpResponse.ok(new ModelAndView<>(VIEW, model))
                : HttpResponse.unprocessableEntity().body(new ModelAndView<>(VIEW, model));
    }

    /** One route for both forms: CSV (text/csv) or JSON (application/json), told apart by the Content-Type. */
    @ApiTokenScope(ApiScope.IMPORT)
    @Post(value = "/api/extracts/import", consumes = {"text/csv", MediaType.TEXT_PLAIN, MediaType.APPLICATION_JSON},
            produces = MediaType.APPLICATION_JSON)
    HttpResponse<ExtractImport.ExtractResult> api(HttpRequest<?> request, Authentication authentication, @Body byte[] body) {
        String text = decode(body);
        if (text == null) {
            return answer(refused("The body is not UTF-8 text. Save it as UTF-8 and send it again."));
        }
        boolean json = request.getContentType().map(type -> type.getSubtype().equalsIgnoreCase("json")).orElse(false);
        if (!json) {
            return answer(importer.importCsv(StaffUser.from(authentication), text));
        }
        ExtractJson extract;
        try {
            extract = objectMapper.readValue(text, ExtractJson.class);
        } catch (IOException | RuntimeException e) {
            // The parser's message can quote the body: say only where to look.
            return answer(refused("The body is not JSON of the extract's shape: an object with the arrays children, reviews "
                    + "and parents, each item an object of text fields (docs/extracts.md)."));
        }
        if (extract == null) {
            return answer(refused("The body is empty."));
        }
        return answer(importer.importJson(StaffUser.from(authentication), extract));
    }

    private static ExtractImport.ExtractResult refused(String message) {
        return ExtractImport.ExtractResult.refused(0, List.of(new ExtractImport.ExtractError(1, null, "FILE", message)));
    }

    private static HttpResponse<ExtractImport.ExtractResult> answer(ExtractImport.ExtractResult result) {
        return result.imported() ? HttpResponse.ok(result)
                : HttpResponse.<ExtractImport.ExtractResult>status(HttpStatus.UNPROCESSABLE_ENTITY).body(result);
    }

    /** UTF-8 strictly: a file in another encoding is refused rather than imported with broken characters. */
    static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
