package org.myview.staff;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;

import java.util.Map;

/** Where staff land after signing in: what they can do, by role. */
@Controller("/staff")
class StaffHomeController {

    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Get
    ModelAndView<Map<String, Object>> home(Authentication authentication) {
        return new ModelAndView<>("staff/home", Map.of("user", StaffUser.from(authentication)));
    }
}
