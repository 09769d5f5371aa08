package org.myview.web;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.View;

import java.util.Map;

/** The pages anyone may read: the start page, privacy notice, accessibility statement and cookies. */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
class InformationPagesController {

    @Get
    @View("web/home")
    Map<String, Object> home() {
        return Map.of();
    }

    @Get("/privacy")
    @View("web/privacy")
    Map<String, Object> privacy() {
        return Map.of();
    }

    @Get("/accessibility")
    @View("web/accessibility")
    Map<String, Object> accessibility() {
        return Map.of();
    }

    @Get("/cookies")
    @View("web/cookies")
    Map<String, Object> cookies() {
        return Map.of();
    }
}
