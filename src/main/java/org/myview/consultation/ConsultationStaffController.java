package org.myview.consultation;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import org.myview.notify.NotifyGateway;
import org.myview.review.Review;
import org.myview.review.ReviewService;
import org.myview.staff.Role;
import org.myview.staff.StaffUser;
import org.myview.web.FormErrors;
import org.myview.web.FormResult;
import org.myview.web.PublicUrl;
import org.myview.web.link.LinkTokens;

import java.net.URI;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The officer creates the child's link on the review page. The page that answers shows the link once
 * (it is never stored), to copy, or as a QR code to show or print, with a form to send it by text or
 * email. That form carries the token back in its body (never in an address), since nothing else holds it.
 */
@Controller("/reviews/{id}/consultation-link")
@Secured({Role.REVIEWING_OFFICER_NAME, Role.SERVICE_MANAGER_NAME})
@ExecuteOn(TaskExecutors.BLOCKING)
record ConsultationStaffController(
        ReviewService reviews, ConsultationService service, ConsultationLinkKind kind, PublicUrl publicUrl,
        NotifyGateway gateway) {

    @Post(consumes = "application/x-www-form-urlencoded")
    HttpResponse<?> create(HttpRequest<?> request, Authentication authentication, @PathVariable long id) {
        StaffUser user = StaffUser.from(authentication);
        return reviews.find(user, id).<HttpResponse<?>>map(review -> {
            ConsultationService.CreatedLink link = service.createLink(user, review);
            return HttpResponse.ok(new ModelAndView<>("consultation/link",
                    linkModel(request, review, link.token(), link.expiresAt(), LinkMessageForm.empty(), new FormErrors())));
        }).orElseGet(HttpResponse::notFound);
    }

    /** "Send it by text or email": bad input changes nothing and shows the same page with its errors. */
    @Post(value = "/send", consumes = "application/x-www-form-urlencoded")
    HttpResponse<?> send(HttpRequest<?> request, Authentication authentication, @PathVariable long id, @Body LinkMessageForm form) {
        StaffUser user = StaffUser.from(authentication);
        Optional<Review> found = reviews.find(user, id);
        if (found.isEmpty()) {
            return HttpResponse.notFound();
        }
        Review review = found.get();
        Optional<ConsultationRepository.LinkRow> link = service.openLink(review, form.token());
        if (link.isEmpty()) {
            return gone(request, review, form);
        }
        FormResult<LinkMessageForm.Message> checked = form.check();
        if (!checked.isValid()) {
            return HttpResponse.unprocessableEntity().body(new ModelAndView<>("consultation/link",
                    linkModel(request, review, form.token(), link.get().expiresAt(), form, checked.errors())));
        }
        if (!service.sendLink(user, review, form.token(), checked.value())) {
            return gone(request, review, form);
        }
        return HttpResponse.seeOther(URI.create("/reviews/" + review.id() + "/consultation-link/sent"));
    }

    @Get("/sent")
    HttpResponse<?> sent(Authentication authentication, @PathVariable long id) {
        StaffUser user = StaffUser.from(authentication);
        return reviews.find(user, id).<HttpResponse<?>>map(review -> {
            Map<String, Object> model = new HashMap<>();
            model.put("review", review);
            model.put("configured", gateway.configured());
            return HttpResponse.ok(new ModelAndView<>("consultation/link-sent", model));
        }).orElseGet(HttpResponse::notFound);
    }

    /** The link was replaced, ran out or was used since the page was shown: say so, send nothing. */
    private HttpResponse<?> gone(HttpRequest<?> request, Review review, LinkMessageForm form) {
        FormErrors errors = new FormErrors().add("link", "consultation.send.error.linkGone");
        return HttpResponse.unprocessableEntity().body(new ModelAndView<>("consultation/link",
                linkModel(request, review, null, null, form, errors)));
    }

    private Map<String, Object> linkModel(HttpRequest<?> request, Review review, String token, Instant expiresAt,
                                          LinkMessageForm form, FormErrors errors) {
        Map<String, Object> model = new HashMap<>();
        model.put("review", review);
        if (token != null) {
            // From MYVIEW_PUBLIC_URL only: the request's Host is the client's to choose (issue 22, item 6).
            String url = publicUrl.of(LinkTokens.path(kind, token));
            model.put("url", url);
            model.put("token", token);
            model.put("expiresAt", expiresAt);
            model.put("qr", QrCodes.of(url));
        }
        model.put("form", form);
        model.put("errors", errors);
        return model;
    }
}
