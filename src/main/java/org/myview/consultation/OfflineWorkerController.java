package org.myview.consultation;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The service worker that keeps the child's form on their phone (docs/consultation.md, "Offline"). Served under
 * /consultation, not /static, because a worker may only control pages under its own folder: with
 * {@code Service-Worker-Allowed} it may take the scope /consultation, which holds the start page too.
 */
@Controller("/consultation")
@Secured(SecurityRule.IS_ANONYMOUS)
class OfflineWorkerController {

    private final String script;

    OfflineWorkerController() {
        try (InputStream in = getClass().getResourceAsStream("/offline/consultation-worker.js")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Get(value = "/offline-worker.js", produces = "text/javascript")
    HttpResponse<String> worker() {
        return HttpResponse.ok(script).contentType(MediaType.of("text/javascript;charset=utf-8"))
                .header("Service-Worker-Allowed", "/consultation");
    }
}
