package org.myview.listened;

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
import org.myview.review.Review;
import org.myview.review.ReviewService;
import org.myview.staff.Role;
import org.myview.staff.StaffUser;
import org.myview.web.FormErrors;
import org.myview.web.FormResult;
import org.myview.web.link.LinkTokens;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The officer's side of the follow-up: a new link for the child or a parent (shown once), sent by text or email
 * through the outbox. Only for a review the person may open (another officer's answers 404, as for reviews).
 */
@Controller("/reviews/{id}/listened-link")
@Secured({Role.REVIEWING_OFFICER_NAME, Role.SERVICE_MANAGER_NAME})
@ExecuteOn(TaskExecutors.BLOCKING)
record ListenedStaffController(ListenedService service, ReviewService reviews) {

    @Post(consumes = "application/x-www-form-urlencoded")
    HttpResponse<?> create(Authentication authentication, @PathVariable long id, @Body NewLinkForm form) {
        StaffUser user = StaffUser.from(authentication);
        Optional<Review> review = reviews.find(user, id);
        if (review.isEmpty()) {
            return HttpResponse.notFound();
        }
        FormResult<String> respondent = form.check();
        Optional<ListenedService.CreatedLink> created = respondent.isValid()
                ? service.createLink(user, review.get(), respondent.value()) : Optional.empty();
        return created.<HttpResponse<?>>map(link -> {
            Map<String, Object> model = model(review.get(), link.url(), link.respondent(), new FollowUpMessageForm("", "", ""), new FormErrors());
            model.put("expiresAt", link.expiresAt());
            return HttpResponse.ok(new ModelAndView<>("listened/link", model));
        }).orElseGet(() -> HttpResponse.seeOther(URI.create("/reviews/" + id + "#listened")));
    }

    @Post(value = "/send", consumes = "application/x-www-form-urlencoded")
    HttpResponse<?> send(Authentication authentication, @PathVariable long id, @Body FollowUpMessageForm form) {
        StaffUser user = StaffUser.from(authentication);
        Optional<Review> review = reviews.find(user, id);
        if (review.isEmpty()) {
            return HttpResponse.notFound();
        }
        var checked = form.check();
        String url = LinkTokens.looksValid(form.token()) ? service.url(form.token()) : null;
        if (checked.isValid() && service.sendLink(user, review.get(), form.token(), checked.value().mobile(), checked.value().email())) {
            return HttpResponse.seeOther(URI.create("/reviews/" + id + "/listened-link/sent"));
        }
        FormErrors errors = checked.isValid() ? new FormErrors().add("mobile", "listened.link.error.gone") : checked.errors();
        return HttpResponse.unprocessableEntity().body(new ModelAndView<>("listened/link",
                model(review.get(), checked.isValid() ? null : url, null, form, errors)));
    }

    @Get("/sent")
    HttpResponse<?> sent(Authentication authentication, @PathVariable long id) {
        return reviews.find(StaffUser.from(authentication), id).<HttpResponse<?>>map(review -> HttpResponse.ok(new ModelAndView<>(
                "listened/link-sent", Map.of("review", review)))).orElseGet(HttpResponse::notFound);
    }

    private static Map<String, Object> model(Review review, String url, String respondent, FollowUpMessageForm form, FormErrors errors) {
        Map<String, Object> model = new HashMap<>();
        model.put("review", review);
        model.put("url", url);
        model.put("token", url == null ? "" : url.substring(url.lastIndexOf('/') + 1));
        model.put("respondent", respondent);
        model.put("form", form);
        model.put("errors", errors);
        model.put("expiresAt", null);
        return model;
    }
}
