package org.myview.support;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.View;

import java.util.Map;

/** A page whose template fails half way through rendering. Tests only. */
@Requires(property = "test.failing-route", value = "true")
@Controller("/test-only")
@Secured(SecurityRule.IS_ANONYMOUS)
class BrokenTemplateForTests {

    @Get("/broken-template")
    @View("test-only/broken")
    Map<String, Object> broken() {
        return Map.of("child", Map.of("name", "Ada"));
    }
}
