package org.myview.consultation;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.myview.support.ReviewFixtures;
import org.myview.support.StaffFixtures;
import org.myview.support.WebClient;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The case-file PDF of every sent form in the demo data, read back: each written answer of the child is in
 * the text in their own words, the participation code is there once recorded, the private answer never.
 */
class CaseFileDemoDataTest {

    private static final String DEMO_PASSWORD = "myview-demo-password";

    record SentForm(long reviewId, long formId, String officer, String caseReference, String pnCode, boolean held) {
    }

    @Test
    void everyDemoFormFilesTheChildsWordsAndTheParticipationRecord() throws Exception {
        try (ApplicationContext context = ApplicationContext.run("test", "dev")) {
            EmbeddedServer server = context.getBean(EmbeddedServer.class).start();
            List<SentForm> forms = new ArrayList<>();
            try (Connection c = ReviewFixtures.connection(context);
                 PreparedStatement ps = c.prepareStatement("select r.id, f.id, a.username, ch.case_reference, p.pn_code, r.review_date <= current_date "
                         + "from consultation f join review r on r.id = f.review_id join child ch on ch.id = r.child_id "
                         + "join staff_account a on a.id = r.reviewing_officer_id left join review_participation p on p.review_id = r.id "
                         + "where f.sent_at is not null and f.answers_erased_at is null order by r.id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    forms.add(new SentForm(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getBoolean(6)));
                }
            }
            assertTrue(forms.size() >= 5, "the demo has sent forms: " + forms.size());
            assertTrue(forms.stream().anyMatch(f -> f.pnCode() == null && f.held()), "a held review with a form, not recorded yet");
            boolean recordedOne = false;
            int wordsChecked = 0;
            for (SentForm form : forms) {
                WebClient officer = new WebClient(server.getURI());
                assertEquals(303, StaffFixtures.postSignIn(officer, form.officer(), DEMO_PASSWORD).status());
                String pnCode = form.pnCode();
                if (pnCode == null && form.held() && !recordedOne) {
                    // Record how the child took part through the page, as the officer does after the review.
                    String csrf = StaffFixtures.csrfToken(officer.get("/reviews/" + form.reviewId() + "/participation"));
                    assertEquals(303, officer.post("/reviews/" + form.reviewId() + "/participation", "_csrf", csrf,
                            "code", "PN6", "advocate", "NONE", "viewsReachedBy", "CONSULTATION_FORM").status());
                    pnCode = "PN6";
                    recordedOne = true;
                }
                HttpResponse<byte[]> pdf = CaseFilePdfTest.download(officer, "/reviews/" + form.reviewId() + "/case-file.pdf");
                assertEquals(200, pdf.statusCode(), "review " + form.reviewId());
                String text;
                try (PDDocument document = Loader.loadPDF(pdf.body())) {
                    text = CaseFilePdfTest.flat(new PDFTextStripper().getText(document));
                }
                assertTrue(text.contains("case reference " + form.caseReference()), text);
                if (pnCode != null) {
                    assertTrue(text.contains("(" + pnCode + ")"), "participation " + pnCode + " in " + text);
                } else {
                    assertTrue(text.contains("Not recorded yet when this file was made"), text);
                }
                try (Connection c = ReviewFixtures.connection(context);
                     PreparedStatement ps = c.prepareStatement("select question_id, answer from consultation_answer "
                             + "where consultation_id = ? and not declined")) {
                    ps.setLong(1, form.formId());
                    java.util.Map<String, String> answers = new java.util.HashMap<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            answers.put(rs.getString(1), CaseFilePdfTest.flat(rs.getString(2)));
                        }
                    }
                    String secret = answers.remove("private");
                    for (String words : answers.values()) {
                        if (words.contains(" ")) { // written words (a chosen option is stored as its key)
                            assertTrue(text.contains(words), "'" + words + "' in " + text);
                            wordsChecked++;
                        }
                    }
                    // The demo draws answers from a few phrases: the private one can be missing only if no other answer says it too.
                    if (secret != null && !answers.containsValue(secret)) {
                        assertFalse(text.contains(secret), "the private answer is never filed");
                    }
                }
            }
            assertTrue(wordsChecked > 0, "some written answers were compared");
            assertTrue(recordedOne, "one form was filed with its participation record");
        }
    }
}
