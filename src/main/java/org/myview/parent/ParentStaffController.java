package org.myview.parent;

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
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import org.myview.staff.Role;
import org.myview.staff.StaffUser;
import org.myview.web.CsrfTokens;
import org.myview.web.ErrorPages;
import org.myview.web.FormErrors;
import org.myview.web.FormResult;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The participation lead's pages: plans and parents (entry and CSV import), and rounds. */
@Controller("/parent")
@Secured(Role.PARTICIPATION_LEAD_NAME)
@ExecuteOn(TaskExecutors.BLOCKING)
record ParentStaffController(
        PlanService plans, RoundService rounds, ParentSettings settings, CsrfTokens csrf, ErrorPages errorPages) {

    @Get("/rounds")
    ModelAndView<Map<String, Object>> rounds(@Nullable @QueryValue Integer sent) {
        Map<String, Object> model = new HashMap<>();
        model.put("overview", rounds.overview());
        model.put("followUpDays", settings.followUpAfterDays());
        model.put("sent", sent);
        return new ModelAndView<>("parent/rounds", model);
    }

    @Post(value = "/rounds", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> send(Authentication authentication) {
        int sent = rounds.sendToDuePlans(StaffUser.from(authentication));
        return HttpResponse.seeOther(URI.create("/parent/rounds?sent=" + sent));
    }

    @Get("/plans")
    ModelAndView<Map<String, Object>> plans(@Nullable @QueryValue String saved) {
        Map<String, Object> model = new HashMap<>();
        model.put("plans", plans.plans());
        model.put("today", plans.today());
        model.put("saved", saved != null);
        return new ModelAndView<>("parent/plans", model);
    }

    @Get("/plans/new")
    ModelAndView<Map<String, Object>> newPlan() {
        return new ModelAndView<>("parent/plan-new", planModel(PlanForm.empty(), new FormErrors()));
    }

    @Post(value = "/plans", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> addPlan(Authentication authentication, @Body PlanForm form) {
        FormResult<PlanEntry.Checked> checked = form.check(plans.today());
        if (!checked.isValid()) {
            return HttpResponse.unprocessableEntity().body(new ModelAndView<>("parent/plan-new", planModel(form, checked.errors())));
        }
        plans.add(StaffUser.from(authentication), checked.value());
        return HttpResponse.seeOther(URI.create("/parent/plans?saved=1"));
    }

    @Get("/plans/import")
    ModelAndView<Map<String, Object>> importPage() {
        return new ModelAndView<>("parent/import", Map.of());
    }

    /** Multipart, so the CSRF filter leaves the token to us: it is a part of the form. */
    @Post(value = "/plans/import", consumes = MediaType.MULTIPART_FORM_DATA)
    HttpResponse<?> importFile(HttpRequest<?> request, Authentication authentication, @Nullable @Part("_csrf") String token,
                               @Nullable @Part("file") CompletedFileUpload file) throws IOException {
        if (token == null || !csrf.isValid(request, token)) {
            return errorPages.page(request, HttpStatus.FORBIDDEN, "expired");
        }
        Map<String, Object> model = new HashMap<>();
        if (file == null || file.getSize() == 0) {
            model.put("fileError", "parent.import.error.noFile");
            return HttpResponse.unprocessableEntity().body(new ModelAndView<>("parent/import", model));
        }
        String text = decode(file.getBytes());
        if (text == null) {
            model.put("fileError", "parent.import.error.encoding");
            return HttpResponse.unprocessableEntity().body(new ModelAndView<>("parent/import", model));
        }
        PlanService.ImportResult result = plans.importFile(StaffUser.from(authentication), text);
        model.put("result", result);
        return result.imported() ? HttpResponse.ok(new ModelAndView<>("parent/import", model))
                : HttpResponse.unprocessableEntity().body(new ModelAndView<>("parent/import", model));
    }

    private static Map<String, Object> planModel(PlanForm form, FormErrors errors) {
        Map<String, Object> model = new HashMap<>();
        model.put("form", form);
        model.put("errors", errors);
        model.put("types", PlanType.values());
        return model;
    }

    private static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

}
