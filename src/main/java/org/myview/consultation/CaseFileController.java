package org.myview.consultation;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import org.myview.review.ReviewService;
import org.myview.staff.Role;
import org.myview.staff.StaffUser;
import org.myview.web.PdfDocuments;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * "Download for the case file": the child's sent form as a tagged PDF, for their own reviewing officer only
 * (anyone else gets 404, as for a review they may not open). The file name holds the case reference, never
 * the child's name; the response is not stored by the browser (no-store, as every personal response).
 */
@Controller("/reviews/{id}/case-file.pdf")
@Secured(Role.REVIEWING_OFFICER_NAME)
@ExecuteOn(TaskExecutors.BLOCKING)
record CaseFileController(ReviewService reviews, CaseFileService caseFiles, PdfDocuments pdf, Clock clock) {

    @Get(produces = "application/pdf")
    HttpResponse<?> download(HttpRequest<?> request, Authentication authentication, @PathVariable long id) {
        StaffUser user = StaffUser.from(authentication);
        return reviews.find(user, id).flatMap(review -> caseFiles.forOwnOfficer(user, review)).<HttpResponse<?>>map(file -> {
            Map<String, Object> model = new HashMap<>();
            model.put("file", file);
            model.put("rows", file.answers().rows());
            model.put("now", clock.instant());
            model.put("madeBy", user.displayName());
            byte[] body = pdf.render("consultation/case-file", model, request);
            String name = "my-review-my-view-" + file.review().child().caseReference().replaceAll("[^A-Za-z0-9-]", "")
                    + "-" + file.review().date() + ".pdf";
            return HttpResponse.ok(body).contentType(MediaType.of("application/pdf"))
                    .header("Content-Disposition", "attachment; filename=\"" + name + "\"");
        }).orElseGet(HttpResponse::notFound);
    }
}
