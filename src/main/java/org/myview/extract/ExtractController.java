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
import org.myview.web.ImportUploads;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/** The case-system extract: a page with a file upload for the service manager, and the same for scripts (CSV or JSON). */
@Controller
@Secured(Role.SERVICE_MANAGER_NAME)
@ExecuteOn(TaskExecutors.BLOCKING)
record ExtractController(ExtractImport importer, ImportUploads uploads, ObjectMapper objectMapper) {

    private static final String VIEW = "extract/import";

    @Get("/extracts/import")
    ModelAndView<Map<String, Object>> page() {
        return new ModelAndView<>(VIEW, Map.of());
    }

    @Post(value = "/extracts/import", consumes = MediaType.MULTIPART_FORM_DATA)
    HttpResponse<?> upload(HttpRequest<?> request, Authentication authentication, @Nullable @Part("_csrf") String token,
                           @Nullable @Part("file") CompletedFileUpload file) throws IOException {
        return uploads.upload(request, token, file, VIEW, "extract.import.",
                text -> importer.importCsv(StaffUser.from(authentication), text), ExtractImport.ExtractResult::imported);
    }

    @ApiTokenScope(ApiScope.IMPORT)
    @Post(value = "/api/extracts/import", consumes = {"text/csv", MediaType.TEXT_PLAIN, MediaType.APPLICATION_JSON},
            produces = MediaType.APPLICATION_JSON)
    HttpResponse<ExtractImport.ExtractResult> api(HttpRequest<?> request, Authentication authentication, @Body byte[] body) {
        String text = ImportUploads.decode(body);
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
}
