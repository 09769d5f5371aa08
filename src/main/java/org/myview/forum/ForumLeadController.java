package org.myview.forum;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.http.HttpStatus;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import org.myview.staff.Role;
import org.myview.staff.StaffUser;
import org.myview.web.FormErrors;
import org.myview.web.FormResult;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/**
 * The participation lead's side: checking children's words before the forum sees them (approve, perhaps with
 * anything identifying edited out, or reject), and keeping "You said, we did" up to date.
 */
@Controller("/forum")
@Secured(Role.PARTICIPATION_LEAD_NAME)
@ExecuteOn(TaskExecutors.BLOCKING)
record ForumLeadController(ForumService forum, ForumActions actions) {

    // ---- moderation ----

    @Get("/moderation")
    ModelAndView<Map<String, Object>> queue() {
        Map<String, Object> model = new HashMap<>();
        // The question only: a child's words are shown (and the view audited) one at a time, on the check page.
        model.put("pending", forum.pendingQuotes());
        model.put("approved", forum.approvedQuotesForLead());
        return new ModelAndView<>("forum/moderation", model);
    }

    @Get("/moderation/{id}")
    ModelAndView<Map<String, Object>> check(Authentication authentication, @PathVariable long id) {
        ForumRepository.PendingQuote quote = forum.openPending(StaffUser.from(authentication), id)
                .orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "No such answer waiting"));
        return new ModelAndView<>("forum/check", checkModel(quote, quote.text(), null, new FormErrors()));
    }

    @Post(value = "/moderation/{id}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> decide(Authentication authentication, @PathVariable long id, @Body ModerationForm form) {
        StaffUser lead = StaffUser.from(authentication);
        FormResult<ModerationForm.Decision> checked = form.check();
        if (!checked.isValid()) {
            ForumRepository.PendingQuote quote = forum.openPending(lead, id)
                    .orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "No such answer waiting"));
            return HttpResponse.unprocessableEntity().body(new ModelAndView<>("forum/check",
                    checkModel(quote, form.text(), form.decision(), checked.errors())));
        }
        ModerationForm.Decision decision = checked.value();
        boolean done = decision.approve() ? forum.approve(lead, id, decision.text()) : forum.reject(lead, id);
        if (!done) {
            throw new HttpStatusException(HttpStatus.NOT_FOUND, "No such answer waiting");
        }
        return HttpResponse.seeOther(URI.create("/forum/moderation"));
    }

    /** Takes an approved answer off the forum's pages (for example if the child asks, or it was missed). */
    @Post(value = "/moderation/{id}/withdraw", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> withdraw(Authentication authentication, @PathVariable long id) {
        if (!forum.reject(StaffUser.from(authentication), id)) {
            throw new HttpStatusException(HttpStatus.NOT_FOUND, "No such answer");
        }
        return HttpResponse.seeOther(URI.create("/forum/moderation"));
    }

    private static Map<String, Object> checkModel(ForumRepository.PendingQuote quote, String text, String decision, FormErrors errors) {
        Map<String, Object> model = new HashMap<>();
        model.put("quote", quote);
        model.put("text", text);
        model.put("decision", decision == null ? "" : decision);
        model.put("errors", errors);
        return model;
    }

    // ---- you said, we did ----

    @Get("/you-said-we-did/new")
    ModelAndView<Map<String, Object>> newAction() {
        return new ModelAndView<>("forum/action", actionModel(null, ActionForm.empty(), new FormErrors()));
    }

    @Post(value = "/you-said-we-did", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> addAction(Authentication authentication, @Body ActionForm form) {
        FormResult<ActionForm.Entry> checked = form.check(forum.today());
        if (!checked.isValid()) {
            return HttpResponse.unprocessableEntity().body(new ModelAndView<>("forum/action", actionModel(null, form, checked.errors())));
        }
        actions.addAction(StaffUser.from(authentication), checked.value());
        return HttpResponse.seeOther(URI.create("/forum/you-said-we-did"));
    }

    @Get("/you-said-we-did/{id}/edit")
    ModelAndView<Map<String, Object>> editAction(@PathVariable long id) {
        ForumRepository.Action action = actions.action(id).orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "No such item"));
        return new ModelAndView<>("forum/action", actionModel(id, ActionForm.of(action), new FormErrors()));
    }

    @Post(value = "/you-said-we-did/{id}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> updateAction(Authentication authentication, @PathVariable long id, @Body ActionForm form) {
        FormResult<ActionForm.Entry> checked = form.check(forum.today());
        if (!checked.isValid()) {
            return HttpResponse.unprocessableEntity().body(new ModelAndView<>("forum/action", actionModel(id, form, checked.errors())));
        }
        if (!actions.updateAction(StaffUser.from(authentication), id, checked.value())) {
            throw new HttpStatusException(HttpStatus.NOT_FOUND, "No such item");
        }
        return HttpResponse.seeOther(URI.create("/forum/you-said-we-did"));
    }

    private static Map<String, Object> actionModel(Long id, ActionForm form, FormErrors errors) {
        Map<String, Object> model = new HashMap<>();
        model.put("id", id);
        model.put("form", form);
        model.put("statuses", ActionStatus.values());
        model.put("errors", errors);
        return model;
    }
}
