package org.myview.support;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

/** A route that fails on purpose, so tests can see what a server error looks like. Tests only. */
@Requires(property = "test.failing-route", value = "true")
@Controller("/test-only")
@Secured(SecurityRule.IS_ANONYMOUS)
class FailingRouteForTests {

    @Get("/boom")
    String boom() {
        throw new IllegalStateException("Child Ada Example DOB 01/02/2015 said something private");
    }
}
