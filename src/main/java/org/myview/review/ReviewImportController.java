package org.myview.review;

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
import io.micronaut.views.ModelAndView;
import org.myview.staff.ApiScope;
import org.myview.staff.ApiTokenScope;
import org.myview.staff.Role;
import org.myview.staff.StaffUser;
import org.myview.web.CsrfTokens;
import org.myview.web.ErrorPages;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The SSDA903 Reviews import: a page with a file upload for managers, and the same for scripts. */
@Controller
@Secured(Role.SERVICE_MANAGER_NAME)
@ExecuteOn(TaskExecutors.BLOCKING)
class ReviewImportController {

    private final Ssda903Import importer;
    private final CsrfTokens csrf;
    private final ErrorPages errorPages;

    ReviewImportController(Ssda903Import importer, CsrfTokens csrf, ErrorPages errorPages) {
        this.importer = importer;
        this.csrf = csrf;
        this.errorPages = errorPages;
    }

    @Get("/reviews/import")
    ModelAndView<Map<String, Object>> page() {
        return new ModelAndView<>("review/import", Map.of());
    }

    /** Multipart, so the CSRF filter leaves the token to us: it is a part of the form. */
    @Post(value = "/reviews/import", consumes = MediaType.MULTIPART_FORM_DATA)
    HttpResponse<?> upload(HttpRequest<?> request, Authentication authentication, @Nullable @Part("_csrf") String token,
                           @Nullable @Part("file") CompletedFileUpload file) throws IOException {
        if (token == null || !csrf.isValid(request, token)) {
            return errorPages.page(request, HttpStatus.FORBIDDEN, "expired");
        }
        Map<String, Object> model = new HashMap<>();
        if (file == null || file.getSize() == 0) {
            model.put("fileErrors", List.of("review.import.error.noFile"));
            return HttpResponse.unprocessableEntity().body(new ModelAndView<>("review/import", model));
        }
        String text = decode(file.getBytes());
        if (text == null) {
            model.put("fileErrors", List.of("review.import.error.encoding"));
            return HttpResponse.unprocessableEntity().body(new ModelAndView<>("review/import", model));
        }
        Ssda903Import.ImportResult result = importer.importFile(StaffUser.from(authentication), text);
        model.put("result", result);
        return result.imported() ? HttpResponse.ok(new ModelAndView<>("review/import", model))
                : HttpResponse.unprocessableEntity().body(new ModelAndView<>("review/import", model));
    }

    @ApiTokenScope(ApiScope.IMPORT)
    @Post(value = "/api/reviews/import", consumes = {"text/csv", MediaType.TEXT_PLAIN}, produces = MediaType.APPLICATION_JSON)
    HttpResponse<Ssda903Import.ImportResult> api(Authentication authentication, @Body byte[] body) {
        String text = decode(body);
        if (text == null) {
            return HttpResponse.<Ssda903Import.ImportResult>status(HttpStatus.UNPROCESSABLE_ENTITY).body(
                    Ssda903Import.ImportResult.refused(0, List.of(new Ssda903Import.ImportError(1, "FILE", "FILE",
                            "The file is not UTF-8 text. Save it as CSV UTF-8 and send it again."))));
        }
        Ssda903Import.ImportResult result = importer.importFile(StaffUser.from(authentication), text);
        return result.imported() ? HttpResponse.ok(result) : HttpResponse.<Ssda903Import.ImportResult>status(HttpStatus.UNPROCESSABLE_ENTITY).body(result);
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
