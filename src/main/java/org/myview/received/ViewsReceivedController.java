package org.myview.received;

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
import org.myview.staff.Role;
import org.myview.staff.StaffUser;
import org.myview.web.FormErrors;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Recording that a child's views reached their review another way, for whoever may record the review's
 * participation. Another officer's review answers 404, as an unknown one does.
 */
@Controller("/reviews/{id}/views-received")
@Secured({Role.REVIEWING_OFFICER_NAME, Role.SERVICE_MANAGER_NAME})
@ExecuteOn(TaskExecutors.BLOCKING)
record ViewsReceivedController(ViewsReceivedService service) {

    @Get
    HttpResponse<?> form(Authentication authentication, @PathVariable long id) {
        StaffUser user = StaffUser.from(authentication);
        return service.review(user, id).<HttpResponse<?>>map(review -> {
            ViewsReceivedForm form = service.forReview(user, review)
                    .map(row -> ViewsReceivedForm.of(OtherChannel.valueOf(row.channel()), row.receivedOn()))
                    .orElseGet(ViewsReceivedForm::empty);
            return HttpResponse.ok(new ModelAndView<>("received/record", model(review, form, new FormErrors())));
        }).orElseGet(HttpResponse::notFound);
    }

    /** Bad input changes nothing and shows the page again with its errors (422). */
    @Post(consumes = "application/x-www-form-urlencoded")
    HttpResponse<?> record(Authentication authentication, @PathVariable long id, @Body ViewsReceivedForm form) {
        StaffUser user = StaffUser.from(authentication);
        Optional<Review> review = service.review(user, id);
        if (review.isEmpty()) {
            return HttpResponse.notFound();
        }
        var checked = service.record(user, review.get(), form);
        if (!checked.isValid()) {
            return HttpResponse.unprocessableEntity().body(new ModelAndView<>("received/record", model(review.get(), form, checked.errors())));
        }
        return HttpResponse.seeOther(URI.create("/reviews/" + id + "#views-received"));
    }

    @Post(value = "/remove", consumes = "application/x-www-form-urlencoded")
    HttpResponse<?> remove(Authentication authentication, @PathVariable long id) {
        StaffUser user = StaffUser.from(authentication);
        Optional<Review> review = service.review(user, id);
        if (review.isEmpty()) {
            return HttpResponse.notFound();
        }
        service.remove(user, review.get());
        return HttpResponse.seeOther(URI.create("/reviews/" + id + "#views-received"));
    }

    private static Map<String, Object> model(Review review, ViewsReceivedForm form, FormErrors errors) {
        Map<String, Object> model = new HashMap<>();
        model.put("review", review);
        model.put("form", form);
        model.put("errors", errors);
        model.put("channels", OtherChannel.values());
        return model;
    }
}
