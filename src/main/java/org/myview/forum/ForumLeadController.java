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
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * The participation lead's side: checking children's words before the forum sees them (approve, perhaps with
 * anything identifying edited out, or reject), and keeping "You said, we did" up to date.
 */
@Controller("/forum")
@Secured(Role.PARTICIPATION_LEAD_NAME)
@ExecuteOn(TaskExecutors.BLOCKING)
class ForumLeadController {

    static final int MAX_TEXT = 2000;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT);

    private final ForumService forum;
    private final ForumActions actions;

    ForumLeadController(ForumService forum, ForumActions actions) {
        this.forum = forum;
        this.actions = actions;
    }

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
        return new ModelAndView<>("forum/action", actionModel(null, Map.of(), new FormErrors()));
    }

    @Post(value = "/you-said-we-did", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> addAction(Authentication authentication, @Body Map<String, Object> body) {
        FormErrors errors = new FormErrors();
        ForumActions.ActionForm form = actionForm(body, errors);
        if (form == null) {
            return HttpResponse.unprocessableEntity().body(new ModelAndView<>("forum/action", actionModel(null, body, errors)));
        }
        actions.addAction(StaffUser.from(authentication), form);
        return HttpResponse.seeOther(URI.create("/forum/you-said-we-did"));
    }

    @Get("/you-said-we-did/{id}/edit")
    ModelAndView<Map<String, Object>> editAction(@PathVariable long id) {
        ForumRepository.Action action = actions.action(id).orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "No such item"));
        Map<String, Object> form = new HashMap<>();
        form.put("asked", action.asked());
        form.put("askedOn", DATE.format(action.askedOn()));
        form.put("response", action.response() == null ? "" : action.response());
        form.put("status", action.status().name());
        form.put("updatedOn", action.updatedOn() == null ? "" : DATE.format(action.updatedOn()));
        return new ModelAndView<>("forum/action", actionModel(id, form, new FormErrors()));
    }

    @Post(value = "/you-said-we-did/{id}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> updateAction(Authentication authentication, @PathVariable long id, @Body Map<String, Object> body) {
        FormErrors errors = new FormErrors();
        ForumActions.ActionForm form = actionForm(body, errors);
        if (form == null) {
            return HttpResponse.unprocessableEntity().body(new ModelAndView<>("forum/action", actionModel(id, body, errors)));
        }
        if (!actions.updateAction(StaffUser.from(authentication), id, form)) {
            throw new HttpStatusException(HttpStatus.NOT_FOUND, "No such item");
        }
        return HttpResponse.seeOther(URI.create("/forum/you-said-we-did"));
    }

    private static Map<String, Object> actionModel(Long id, Map<String, Object> body, FormErrors errors) {
        Map<String, Object> form = new HashMap<>();
        for (String field : new String[]{"asked", "askedOn", "response", "status", "updatedOn"}) {
            String value = text(body, field);
            form.put(field, value == null ? "" : value);
        }
        Map<String, Object> model = new HashMap<>();
        model.put("id", id);
        model.put("form", form);
        model.put("statuses", ActionStatus.values());
        model.put("errors", errors);
        return model;
    }

    /** The form's values, or null with the problems in {@code errors}. */
    private ForumActions.ActionForm actionForm(Map<String, Object> body, FormErrors errors) {
        String asked = text(body, "asked");
        if (asked == null || asked.isBlank()) {
            errors.add("asked", "forum.action.error.asked");
        } else if (asked.length() > MAX_TEXT) {
            errors.add("asked", "forum.action.error.long", MAX_TEXT);
        }
        LocalDate askedOn = date(text(body, "askedOn"));
        if (askedOn == null || askedOn.isAfter(forum.today())) {
            errors.add("askedOn", "forum.action.error.askedOn");
        }
        String response = text(body, "response");
        if (response != null && response.length() > MAX_TEXT) {
            errors.add("response", "forum.action.error.long", MAX_TEXT);
        }
        ActionStatus status = null;
        for (ActionStatus s : ActionStatus.values()) {
            if (s.name().equals(text(body, "status"))) {
                status = s;
            }
        }
        if (status == null) {
            errors.add("status", "forum.action.error.status");
        }
        String updatedText = text(body, "updatedOn");
        LocalDate updatedOn = null;
        if (updatedText != null && !updatedText.isBlank()) {
            updatedOn = date(updatedText);
            if (updatedOn == null || updatedOn.isAfter(forum.today()) || (askedOn != null && updatedOn.isBefore(askedOn))) {
                errors.add("updatedOn", "forum.action.error.updatedOn");
            }
        }
        if (status != null && status != ActionStatus.NOT_STARTED && (response == null || response.isBlank())) {
            errors.add("response", "forum.action.error.response");
        }
        if (!errors.isEmpty()) {
            return null;
        }
        return new ForumActions.ActionForm(asked.strip(), askedOn, response == null || response.isBlank() ? null : response.strip(),
                status, updatedOn);
    }

    private static LocalDate date(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip(), DATE);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static String text(Map<String, Object> body, String name) {
        Object value = body.get(name);
        if (value instanceof Collection<?> values) {
            value = values.isEmpty() ? null : values.iterator().next();
        }
        return value == null ? null : value.toString();
    }
}
