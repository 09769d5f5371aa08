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
import org.myview.web.ImportUploads;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/** The SSDA903 Reviews import: a page with a file upload for managers, and the same for scripts. */
@Controller
@Secured(Role.SERVICE_MANAGER_NAME)
@ExecuteOn(TaskExecutors.BLOCKING)
record ReviewImportController(Ssda903Import importer, ImportUploads uploads) {

    @Get("/reviews/import")
    ModelAndView<Map<String, Object>> page() {
        return new ModelAndView<>("review/import", Map.of());
    }

    @Post(value = "/reviews/import", consumes = MediaType.MULTIPART_FORM_DATA)
    HttpResponse<?> upload(HttpRequest<?> request, Authentication authentication, @Nullable @Part("_csrf") String token,
                           @Nullable @Part("file") CompletedFileUpload file) throws IOException {
        return uploads.upload(request, token, file, "review/import", "review.import.",
                text -> importer.importFile(StaffUser.from(authentication), text), Ssda903Import.ImportResult::imported);
    }

    @ApiTokenScope(ApiScope.IMPORT)
    @Post(value = "/api/reviews/import", consumes = {"text/csv", MediaType.TEXT_PLAIN}, produces = MediaType.APPLICATION_JSON)
    HttpResponse<Ssda903Import.ImportResult> api(Authentication authentication, @Body byte[] body) {
        String text = ImportUploads.decode(body);
        if (text == null) {
            return HttpResponse.<Ssda903Import.ImportResult>status(HttpStatus.UNPROCESSABLE_ENTITY).body(
                    Ssda903Import.ImportResult.refused(0, List.of(new Ssda903Import.ImportError(1, "FILE", "FILE",
                            "The file is not UTF-8 text. Save it as CSV UTF-8 and send it again."))));
        }
        Ssda903Import.ImportResult result = importer.importFile(StaffUser.from(authentication), text);
        return result.imported() ? HttpResponse.ok(result) : HttpResponse.<Ssda903Import.ImportResult>status(HttpStatus.UNPROCESSABLE_ENTITY).body(result);
    }
}
