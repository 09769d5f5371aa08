package org.myview.review;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import org.myview.staff.Role;
import org.myview.staff.StaffAccount;
import org.myview.staff.StaffAccountService;
import org.myview.staff.StaffUser;
import org.myview.web.FormErrors;
import org.myview.web.FormResult;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The reviewing officer's pages: my reviews, a review, and recording how the child took part. */
@Controller("/reviews")
@Secured({Role.REVIEWING_OFFICER_NAME, Role.SERVICE_MANAGER_NAME})
@ExecuteOn(TaskExecutors.BLOCKING)
record ReviewController(
        ReviewService reviews, ScheduleService schedule, StaffAccountService staff, List<ReviewPageSection> sections) {

    @Get
    ModelAndView<Map<String, Object>> list(Authentication authentication, @Nullable @QueryValue String officer,
                                           @Nullable @QueryValue String form, @Nullable @QueryValue String sort) {
        StaffUser user = StaffUser.from(authentication);
        Long officerFilter = null;
        if (user.seesAllReviews() && officer != null && !officer.isBlank()) {
            officerFilter = staff.findByUsername(officer).map(StaffAccount::id).orElse(-1L);
        }
        Map<String, Object> model = new HashMap<>();
        ReviewService.ListView view = new ReviewService.ListView(FormFilter.parse(form), "form".equals(sort));
        model.put("lists", reviews.listsFor(user, officerFilter, view));
        model.put("filters", FormFilter.values());
        model.put("form", view.filter().map(Enum::name).orElse(""));
        model.put("sort", view.byFormStatus() ? "form" : "date");
        model.put("promptDays", reviews.promptDays());
        model.put("today", reviews.today());
        model.put("seesAll", user.seesAllReviews());
        model.put("officers", user.seesAllReviews() ? staff.withRole(Role.REVIEWING_OFFICER) : List.of());
        model.put("officer", officer == null ? "" : officer);
        List<ReviewPageSection.Section> shown = new ArrayList<>();
        sections.forEach(s -> s.listSectionFor(user).ifPresent(shown::add));
        model.put("sections", shown);
        return new ModelAndView<>("review/list", model);
    }

    @Get("/{id}")
    HttpResponse<?> show(Authentication authentication, @PathVariable long id, @Nullable @QueryValue String saved) {
        StaffUser user = StaffUser.from(authentication);
        return reviews.page(user, id).<HttpResponse<?>>map(page -> {
            Map<String, Object> model = new HashMap<>();
            model.put("page", page);
            model.put("review", page.review());
            model.put("saved", saved != null);
            model.put("held", page.review().isHeld(reviews.today()));
            List<ReviewPageSection.Section> shown = new ArrayList<>();
            sections.forEach(s -> s.sectionFor(page.review(), user).ifPresent(shown::add));
            model.put("sections", shown);
            return HttpResponse.ok(new ModelAndView<>("review/review", model));
        }).orElseGet(HttpResponse::notFound);
    }

    @Get("/{id}/participation")
    HttpResponse<?> participationForm(Authentication authentication, @PathVariable long id) {
        return reviews.find(StaffUser.from(authentication), id).<HttpResponse<?>>map(review -> {
            if (!review.isHeld(reviews.today())) {
                return HttpResponse.seeOther(URI.create("/reviews/" + id));
            }
            ParticipationForm form = ParticipationForm.of(review.participation());
            return HttpResponse.ok(new ModelAndView<>("review/participation", withHints(formModel(review, form, new FormErrors()), review)));
        }).orElseGet(HttpResponse::notFound);
    }

    @Post(value = "/{id}/participation", consumes = "application/x-www-form-urlencoded")
    HttpResponse<?> record(Authentication authentication, @PathVariable long id, @Body ParticipationForm form) {
        StaffUser user = StaffUser.from(authentication);
        Optional<Review> review = reviews.find(user, id);
        if (review.isEmpty()) {
            return HttpResponse.notFound();
        }
        FormResult<ParticipationForm.Participation> checked = form.check(review.get(), reviews.today());
        if (!checked.isValid()) {
            return HttpResponse.unprocessableEntity().body(new ModelAndView<>("review/participation",
                    withHints(formModel(review.get(), form, checked.errors()), review.get())));
        }
        reviews.record(user, id, checked.value());
        return HttpResponse.seeOther(URI.create("/reviews/" + id + "?saved=1"));
    }

    @Get("/new")
    ModelAndView<Map<String, Object>> newReview(Authentication authentication) {
        StaffUser user = StaffUser.from(authentication);
        return new ModelAndView<>("review/new", scheduleModel(user, ScheduleForm.start(user), new FormErrors()));
    }

    @Post(consumes = "application/x-www-form-urlencoded")
    HttpResponse<?> create(Authentication authentication, @Body ScheduleForm form) {
        StaffUser user = StaffUser.from(authentication);
        ScheduleService.Outcome outcome = schedule.schedule(user, form);
        if (!outcome.errors().isEmpty()) {
            return HttpResponse.unprocessableEntity().body(new ModelAndView<>("review/new", scheduleModel(user, form, outcome.errors())));
        }
        return HttpResponse.seeOther(URI.create("/reviews/" + outcome.reviewId()));
    }

    private Map<String, Object> scheduleModel(StaffUser user, ScheduleForm form, FormErrors errors) {
        Map<String, Object> model = new HashMap<>();
        model.put("form", form);
        model.put("errors", errors);
        model.put("types", ReviewType.values());
        model.put("seesAll", user.seesAllReviews());
        model.put("officers", user.seesAllReviews() ? staff.withRole(Role.REVIEWING_OFFICER) : List.of());
        return model;
    }

    /** Hints other features give for this review's participation (PN6 when the child sent their form). */
    private Map<String, Object> withHints(Map<String, Object> model, Review review) {
        List<String> hints = new ArrayList<>();
        sections.forEach(s -> s.participationHintKey(review).ifPresent(hints::add));
        model.put("hints", hints);
        return model;
    }

    private static Map<String, Object> formModel(Review review, ParticipationForm form, FormErrors errors) {
        Map<String, Object> model = new HashMap<>();
        model.put("review", review);
        model.put("codes", ReviewService.codesFor(review));
        model.put("advocates", Advocate.values());
        model.put("views", ViewsReachedBy.values());
        model.put("form", form);
        model.put("errors", errors);
        return model;
    }
}
