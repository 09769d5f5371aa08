package org.myview.consultation;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.myview.staff.Role;
import org.myview.support.ReviewFixtures;
import org.myview.support.StaffFixtures;
import org.myview.support.WebClient;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The child's words out to their case file (issue 21, item 3): the child's own reviewing officer downloads
 * the sent form as a tagged PDF whose text (extracted here) holds every answer in the child's words and how
 * the child took part; the private answer is never in it; nobody else can have it; every download is audited.
 */
@MicronautTest(transactional = false)
class CaseFilePdfTest {

    static final String PRIVATE_WORDS = "LEAKCANARY-private for my officer only";
    static final String SHARED_WORDS = "I would like to see my brother more often, and my cat";

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext context;

    @Test
    void theOwnOfficerFilesTheChildsWordsAndNobodyElseCan() throws Exception {
        ConsultationTestSupport.Setup setup = ConsultationTestSupport.reviewFor(context, server.getURI(), "casefile.officer",
                "CASEFILE1", LocalDate.now().minusYears(9), LocalDate.now());
        String link = ConsultationTestSupport.createLink(setup);
        String path = "/reviews/" + setup.reviewId() + "/case-file.pdf";
        assertEquals(404, setup.officer().get(path).status(), "nothing to file before the child sends");

        answerEverythingAndSend(link);
        assertEquals(303, setup.officer().post("/reviews/" + setup.reviewId() + "/participation", "_csrf", setup.officerCsrf(),
                "code", "PN6", "advocate", "NONE", "viewsReachedBy", "CONSULTATION_FORM").status());
        assertTrue(setup.officer().get("/reviews/" + setup.reviewId()).body().contains("/reviews/" + setup.reviewId() + "/case-file.pdf"),
                "the review page offers the download to the child's officer");

        HttpResponse<byte[]> pdf = download(setup.officer(), path);
        assertEquals(200, pdf.statusCode());
        java.nio.file.Files.write(java.nio.file.Path.of("target", "case-file-example.pdf"), pdf.body()); // to look at by hand
        assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse(""));
        assertTrue(pdf.headers().firstValue("Cache-Control").orElse("").contains("no-store"));
        String disposition = pdf.headers().firstValue("Content-Disposition").orElse("");
        assertTrue(disposition.startsWith("attachment; filename=\"my-review-my-view-CASEFILE1-"), disposition);
        assertFalse(disposition.contains("Sam"), "no name in the file name");

        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String text = flat(new PDFTextStripper().getText(document));
            assertTrue(text.contains("What Sam told us before their review"), text);
            assertTrue(text.contains("case reference CASEFILE1"), text);
            assertTrue(text.contains(SHARED_WORDS), "the child's own words: " + text);
            assertTrue(text.contains("(PN6)"), "how the child took part: " + text);
            assertTrue(text.contains("Questions for ages 8-11"), text);
            assertFalse(text.contains("LEAKCANARY-private"), "the private answer is never filed");
            assertTrue(text.contains("Not in this file."), "the private question says why it is empty");
            assertTrue(text.contains("casefile.officer"), "who made the file");

            // Tagged for screen readers (PDF/UA as openhtmltopdf writes it): marked, a structure tree, language, title.
            assertNotNull(document.getDocumentCatalog().getMarkInfo());
            assertTrue(document.getDocumentCatalog().getMarkInfo().isMarked(), "tagged PDF");
            assertNotNull(document.getDocumentCatalog().getStructureTreeRoot(), "structure tree");
            assertEquals("en-GB", document.getDocumentCatalog().getLanguage());
            assertTrue(document.getDocumentInformation().getTitle().startsWith("My Review My View, CASEFILE1"));
            assertTrue(document.getDocumentCatalog().getViewerPreferences().displayDocTitle(), "the title, not the file name, is shown");
            for (PDPage page : document.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertTrue(font.isEmbedded(), "every font embedded: " + font.getName());
                }
            }
        }
        assertEquals(1, ReviewFixtures.count(context, "select count(*) from audit_event where action = 'CONSULTATION_CASE_FILE_DOWNLOADED' "
                + "and review_id = " + setup.reviewId()), "audited");

        // Nobody else: another officer, the manager (who may read the answers on the page), an administrator.
        StaffFixtures.account(context, "casefile.other", Role.REVIEWING_OFFICER);
        StaffFixtures.account(context, "casefile.manager", Role.SERVICE_MANAGER, Role.REVIEWING_OFFICER);
        StaffFixtures.account(context, "casefile.admin", Role.ADMIN);
        for (String username : new String[] {"casefile.other", "casefile.manager", "casefile.admin"}) {
            WebClient other = new WebClient(server.getURI());
            StaffFixtures.signIn(other, username);
            int status = download(other, path).statusCode();
            assertTrue(status == 404 || status == 403, username + " got " + status);
            assertFalse(other.get("/reviews/" + setup.reviewId()).body().contains("case-file.pdf"), username + " is not offered it");
        }
        assertEquals(1, ReviewFixtures.count(context, "select count(*) from audit_event where action = 'CONSULTATION_CASE_FILE_DOWNLOADED' "
                + "and review_id = " + setup.reviewId()), "refusals file nothing");
        assertTrue(download(new WebClient(server.getURI()), path).statusCode() >= 300, "nobody signed in gets nothing");
    }

    static HttpResponse<byte[]> download(WebClient browser, String path) throws IOException, InterruptedException {
        HttpRequest.Builder request = browser.request(path).GET();
        String cookies = browser.cookieHeader();
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static String flat(String text) {
        return text.replaceAll("\\s+", " ").replace('\u2019', '\'');
    }

    private void answerEverythingAndSend(String link) {
        WebClient child = new WebClient(server.getURI());
        assertEquals(303, child.get(link).status());
        for (int number = 1; number < 40; number++) {
            WebClient.Page page = child.get("/consultation/q/" + number);
            assertEquals(200, page.status());
            String csrf = page.inputValue("_csrf");
            WebClient.Page after;
            if (page.body().contains("will read this")) {
                after = child.post("/consultation/q/" + number, "_csrf", csrf, "answer", PRIVATE_WORDS, "action", "save");
            } else if (page.body().contains("Can we share what you said")) {
                after = child.post("/consultation/q/" + number, "_csrf", csrf, "answer", "no", "action", "save");
            } else if (page.body().contains("<textarea")) {
                after = child.post("/consultation/q/" + number, "_csrf", csrf, "answer", SHARED_WORDS, "action", "save");
            } else {
                Matcher first = Pattern.compile("type=\"radio\"\\s+value=\"([^\"]+)\"").matcher(page.body());
                assertTrue(first.find());
                after = child.post("/consultation/q/" + number, "_csrf", csrf, "answer", first.group(1), "action", "save");
            }
            assertEquals(303, after.status());
            if (after.location().equals("/consultation/check")) {
                break;
            }
        }
        WebClient.Page check = child.get("/consultation/check");
        assertEquals(303, child.post("/consultation/send", "_csrf", check.inputValue("_csrf")).status());
    }
}
