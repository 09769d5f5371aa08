package org.myview.consultation;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.simple.SimpleHttpRequest;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.ViewsModelDecorator;
import io.micronaut.views.thymeleaf.ThymeleafViewsRenderer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.myview.support.ReviewFixtures;
import org.myview.support.WebClient;
import org.myview.web.FormErrors;
import org.myview.web.PublicLanguages;

import java.io.IOException;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A question page written from {@link QuestionPages} is the page Thymeleaf renders from the same model, byte for byte:
 * for children of each age version, every question but the picture ones, answers with characters HTML must escape,
 * every offered language, arriving from the form or from check your answers, the second child's page coming from the
 * first child's render.
 */
@MicronautTest(transactional = false)
class QuestionPagesTest {

    private static final String AWKWARD = "It's <b>fine</b> & \"ok\" — é 😀 myviewslot0n0x {{x}} ${value}";

    @Inject
    ApplicationContext context;
    @Inject
    EmbeddedServer server;
    @Inject
    QuestionPages pages;
    @Inject
    ThymeleafViewsRenderer<Map<String, Object>> renderer;
    @Inject
    ViewsModelDecorator decorator;
    @Inject
    ConsultationController controller;
    @Inject
    ConsultationService service;
    @Inject
    PublicLanguages languages;

    @Test
    void aPageFromTheRenderedOneIsThePageThymeleafRenders() {
        List<String> tags = new ArrayList<>(languages.offered().stream().map(PublicLanguages.Language::tag).toList());
        assertTrue(tags.size() > 1, "more than English is offered: " + tags);
        int compared = 0;
        for (LocalDate dateOfBirth : List.of(LocalDate.now().minusYears(5), LocalDate.now().minusYears(9), LocalDate.now().minusYears(14))) {
            List<ConsultationService.Journey> children = new ArrayList<>();
            for (int child = 0; child < 2; child++) {
                children.add(service.journey(link(dateOfBirth, child)));
            }
            for (String lang : tags) {
                for (ConsultationService.Journey journey : children) {
                    FormDefinition definition = journey.definition();
                    for (int n = 1; n <= definition.questions().size(); n++) {
                        FormDefinition.Question question = definition.question(n).orElseThrow();
                        if (question.isPictures()) {
                            continue;
                        }
                        List<String> values = new ArrayList<>(List.of(""));
                        if (question.isText()) {
                            values.add(AWKWARD);
                        } else {
                            FormWords.ShownQuestion shown = context.getBean(FormWords.class).show(definition, n, java.util.Locale.forLanguageTag(lang));
                            shown.options().forEach(o -> values.add(o.value()));
                        }
                        for (String value : values) {
                            for (boolean change : List.of(false, true)) {
                                MutableHttpRequest<?> request = get("/consultation/q/" + n + (change ? "?change=yes" : ""))
                                        .cookie(Cookie.of("myview_lang", lang));
                                String token = "csrf-" + journey.linkId() + "-<&>\"'";
                                Map<String, Object> model = controller.questionModel(request, journey, n, value, change, new FormErrors());
                                model.put("csrfToken", token);
                                String expected = thymeleaf(request, model);
                                String written = pages.html(request, new HashMap<>(model)).orElseThrow();
                                assertEquals(expected, written, "question " + n + " of " + definition.id() + " in " + lang + ", value " + value);
                                assertTrue(written.contains(journey.linkId() + "-&lt;&amp;&gt;&quot;&#39;"), "the child's own token");
                                compared++;
                            }
                        }
                    }
                }
            }
        }
        assertTrue(compared > 100, "pages compared: " + compared);
    }

    @Test
    void aPageWithErrorsOrPicturesIsLeftToTheTemplate() {
        ConsultationService.Journey young = service.journey(link(LocalDate.now().minusYears(5), 7));
        FormDefinition definition = young.definition();
        HttpRequest<?> request = get("/consultation/q/1");
        Map<String, Object> errors = controller.questionModel(request, young, 1, "", false,
                new FormErrors().add("answer", "consultation.error.answerTooLong", 10));
        errors.put("csrfToken", "t");
        assertTrue(pages.html(request, errors).isEmpty(), "a page with an error");
        for (int n = 1; n <= definition.questions().size(); n++) {
            if (definition.question(n).orElseThrow().isPictures()) {
                Map<String, Object> model = controller.questionModel(request, young, n, "", false, new FormErrors());
                model.put("csrfToken", "t");
                assertTrue(pages.html(request, model).isEmpty(), "a picture question");
            }
        }
    }

    @Test
    void overHttpTheWrittenPageCarriesThePagesHeadersAndItsTokenWorks() {
        ConsultationTestSupport.Setup setup = ConsultationTestSupport.reviewFor(context, server.getURI(), "pages.officer",
                "QP-HTTP", LocalDate.now().minusYears(9), LocalDate.now().plusDays(10));
        String linkPath = ConsultationTestSupport.createLink(setup);
        WebClient child = new WebClient(server.getURI());
        child.get(linkPath);
        for (int round = 0; round < 2; round++) {
            WebClient.Page q1 = child.get("/consultation/q/1");
            assertEquals(200, q1.status());
            assertTrue(q1.header("Content-Type").startsWith("text/html"), q1.header("Content-Type"));
            assertEquals("no-store", q1.header("Cache-Control"));
            assertTrue(q1.header("Content-Security-Policy").contains("frame-ancestors 'none'"));
            assertEquals(303, child.post("/consultation/q/1", "_csrf", q1.inputValue("_csrf"),
                    "answer", "Football <3 & friends", "action", "save").status(), "the written page's token is the session's");
        }
        assertTrue(child.get("/consultation/q/1").body().contains("Football &lt;3 &amp; friends</textarea>"), "the saved words, escaped");
    }

    /** A request as the server sees one (a client's request has no cookies to read). */
    private static MutableHttpRequest<?> get(String uri) {
        return new SimpleHttpRequest<>(HttpMethod.GET, uri, null);
    }

    private long link(LocalDate dateOfBirth, int child) {
        ConsultationTestSupport.Setup setup = ConsultationTestSupport.reviewFor(context, server.getURI(), "pages.officer",
                "QP-" + dateOfBirth.getYear() + "-" + child, dateOfBirth, LocalDate.now().plusDays(10));
        ConsultationTestSupport.createLink(setup);
        return ReviewFixtures.count(context, "select id from consultation_link where review_id = " + setup.reviewId());
    }

    private String thymeleaf(HttpRequest<?> request, Map<String, Object> model) {
        ModelAndView<Map<String, Object>> page = new ModelAndView<>(QuestionPages.VIEW, new HashMap<>(model));
        decorator.decorate(request, page);
        StringWriter out = new StringWriter();
        try {
            renderer.render(QuestionPages.VIEW, page.getModel().orElseThrow(), request).writeTo(out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }
}
