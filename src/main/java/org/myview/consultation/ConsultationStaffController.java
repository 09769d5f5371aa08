package org.myview.consultation;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import org.myview.review.ReviewService;
import org.myview.staff.Role;
import org.myview.staff.StaffUser;
import org.myview.web.link.FormSessionCookie;
import org.myview.web.link.LinkTokens;

import java.util.HashMap;
import java.util.Map;

/**
 * The officer creates the child's link on the review page. The page that answers shows the link once
 * (it is never stored), to copy, or as a QR code to show or print.
 */
@Controller("/reviews/{id}/consultation-link")
@Secured({Role.REVIEWING_OFFICER_NAME, Role.SERVICE_MANAGER_NAME})
@ExecuteOn(TaskExecutors.BLOCKING)
class ConsultationStaffController {

    private final ReviewService reviews;
    private final ConsultationService service;
    private final ConsultationLinkKind kind;
    private final FormSessionCookie cookies;

    ConsultationStaffController(ReviewService reviews, ConsultationService service, ConsultationLinkKind kind, FormSessionCookie cookies) {
        this.reviews = reviews;
        this.service = service;
        this.kind = kind;
        this.cookies = cookies;
    }

    @Post(consumes = "application/x-www-form-urlencoded")
    HttpResponse<?> create(HttpRequest<?> request, Authentication authentication, @PathVariable long id) {
        StaffUser user = StaffUser.from(authentication);
        return reviews.find(user, id).<HttpResponse<?>>map(review -> {
            ConsultationService.CreatedLink link = service.createLink(user, review);
            String host = request.getHeaders().get("Host");
            String url = (cookies.isSecure(request) ? "https://" : "http://") + (host == null ? "localhost" : host)
                    + LinkTokens.path(kind, link.token());
            Map<String, Object> model = new HashMap<>();
            model.put("review", review);
            model.put("url", url);
            model.put("expiresAt", link.expiresAt());
            model.put("qr", QrCodes.of(url));
            return HttpResponse.ok(new ModelAndView<>("consultation/link", model));
        }).orElseGet(HttpResponse::notFound);
    }
}
