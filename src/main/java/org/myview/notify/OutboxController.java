package org.myview.notify;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import org.myview.staff.Role;
import org.myview.staff.StaffUser;

import java.util.Map;

/**
 * What the outbox sent or, with no Notify key configured, would have sent. Administrators see that messages
 * went (channel, time, state) but not to whom or with which link: only the participation lead, who passes on
 * links that could not be sent, sees addresses and links.
 */
@Controller("/notify/outbox")
@Secured({Role.PARTICIPATION_LEAD_NAME, Role.ADMIN_NAME})
@ExecuteOn(TaskExecutors.BLOCKING)
record OutboxController(OutboxService outbox) {

    @Get
    ModelAndView<Map<String, Object>> page(Authentication authentication) {
        boolean addresses = OutboxService.seesAddresses(StaffUser.from(authentication));
        return new ModelAndView<>("notify/outbox", Map.of("rows", outbox.latest(200, addresses), "configured", outbox.configured(),
                "addresses", addresses));
    }
}
