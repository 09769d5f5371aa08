package org.myview.notify;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.views.ModelAndView;
import org.myview.staff.Role;

import java.util.Map;

/** What the outbox sent or, with no Notify key configured, would have sent. */
@Controller("/notify/outbox")
@Secured({Role.PARTICIPATION_LEAD_NAME, Role.ADMIN_NAME})
@ExecuteOn(TaskExecutors.BLOCKING)
class OutboxController {

    private final OutboxService outbox;

    OutboxController(OutboxService outbox) {
        this.outbox = outbox;
    }

    @Get
    ModelAndView<Map<String, Object>> page() {
        return new ModelAndView<>("notify/outbox", Map.of("rows", outbox.latest(200), "configured", outbox.configured()));
    }
}
