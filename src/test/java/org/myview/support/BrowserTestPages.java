package org.myview.support;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.views.View;

import java.util.LinkedHashMap;
import java.util.Map;

/** Pages that exist only to prove the {@link Browser} helpers: a small GOV.UK form, and a page that is broken on purpose. */
@Requires(property = "test.browser-pages", value = "true")
@Controller("/test-only")
@Secured(SecurityRule.IS_ANONYMOUS)
class BrowserTestPages {

    @Get("/form")
    @View("test-only/form")
    Map<String, Object> form() {
        return Map.of();
    }

    @Post(value = "/form", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @View("test-only/answers")
    Map<String, Object> answers(@Nullable String name, @Nullable String way, @Nullable String share) {
        Map<String, Object> answers = new LinkedHashMap<>();
        answers.put("name", name == null ? "" : name);
        answers.put("way", way == null ? "" : way);
        answers.put("share", share == null ? "no" : share);
        return Map.of("answers", answers);
    }

    /** An image without a text alternative (axe: image-alt) and an inline script (blocked by the CSP). */
    @Get("/broken")
    @Produces(MediaType.TEXT_HTML)
    String broken() {
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head><meta charset="utf-8"><title>Broken on purpose</title>
                <link rel="icon" href="/static/favicon.svg?v=1" type="image/svg+xml"></head>
                <body>
                <main>
                <h1>Broken on purpose</h1>
                <img src="/static/favicon.svg">
                <script>document.body.classList.add('inline-script-ran');</script>
                </main>
                </body>
                </html>
                """;
    }
}
