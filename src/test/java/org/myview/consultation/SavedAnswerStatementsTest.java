package org.myview.consultation;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.myview.support.WebClient;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Measurement: the SQL that one saved answer, a question page, the check page and a send run, from PostgreSQL's own statement log (docs/performance.md). */
@MicronautTest(transactional = false)
@Property(name = "myview.proxy.trusted-addresses", value = "127.0.0.1,::1")
class SavedAnswerStatementsTest {

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext context;

    @Test
    void oneSavedAnswer() {
        ConsultationTestSupport.Setup setup = ConsultationTestSupport.reviewFor(context, server.getURI(), "count.officer",
                "COUNT1", LocalDate.of(2012, 1, 1), LocalDate.now().plusDays(20));
        String link = ConsultationTestSupport.createLink(setup);
        WebClient child = new WebClient(server.getURI());
        assertEquals(303, child.get(link).status());
        WebClient.Page page = child.get("/consultation/q/1");
        String csrf = page.inputValue("_csrf");
        // The first answer (the form is made), a later one with a request key (JavaScript), one without (no JavaScript).
        for (String key : new String[] {"abcdefghijklmnop1234", "abcdefghijklmnop5678", null}) {
            List<String> lines = logged(() -> {
                WebClient.Page after = key == null
                        ? child.post("/consultation/q/1", "_csrf", csrf, "answer", "swimming", "action", "save")
                        : child.post("/consultation/q/1", "_csrf", csrf, "answer", "swimming", "action", "save", "request_key", key);
                assertEquals(303, after.status());
            });
            // Each transaction is a BEGIN (simple query) and a COMMIT (an Execute of the driver's cached COMMIT).
            long begins = lines.stream().filter(l -> l.contains("query=\"BEGIN\"")).count();
            long statements = lines.stream().filter(l -> l.contains("FE=> Execute")).count() - begins;
            System.out.println("SAVED-ANSWER key=" + (key != null) + " sql-statements=" + statements + " transactions=" + begins);
            lines.forEach(l -> System.out.println("SAVED-ANSWER   " + l.replaceAll("(query=\"[^\"]{0,90})[^\"]*", "$1")));
        }
    }

    /** The question page, the check page and sending: one transaction each, and the statements they send. */
    @Test
    void questionPageCheckPageAndSend() {
        ConsultationTestSupport.Setup setup = ConsultationTestSupport.reviewFor(context, server.getURI(), "count.officer",
                "COUNT2", LocalDate.of(2012, 1, 1), LocalDate.now().plusDays(20));
        String link = ConsultationTestSupport.createLink(setup);
        WebClient child = new WebClient(server.getURI());
        assertEquals(303, child.get(link).status());
        String csrf = child.get("/consultation/q/1").inputValue("_csrf");
        assertEquals(303, child.post("/consultation/q/1", "_csrf", csrf, "answer", "swimming", "action", "save").status());
        String[] checkCsrf = new String[1];
        count("GET-QUESTION", logged(() -> assertEquals(200, child.get("/consultation/q/1").status())));
        count("GET-CHECK", logged(() -> checkCsrf[0] = child.get("/consultation/check").inputValue("_csrf")));
        count("POST-SEND", logged(() -> assertEquals(303, child.post("/consultation/send", "_csrf", checkCsrf[0]).status())));
    }

    /** Prints what one request sent, and holds it to one transaction (docs/performance.md, "Consultation form"). */
    private static void count(String name, List<String> lines) {
        long begins = lines.stream().filter(l -> l.contains("query=\"BEGIN")).count();
        long statements = lines.stream().filter(l -> l.contains("FE=> Execute")).count() - begins;
        System.out.println(name + " sql-statements=" + statements + " transactions=" + begins);
        lines.forEach(l -> System.out.println(name + "   " + l.replaceAll("(query=\"[^\"]{0,90})[^\"]*", "$1")));
        assertEquals(1, begins, name + ": one transaction per request");
    }

    /** What the JDBC driver sends while the request runs: its FINEST log names each Parse/Execute (never the values here). */
    private static List<String> logged(Runnable request) {
        java.util.logging.Logger driver = java.util.logging.Logger.getLogger("org.postgresql.core.v3.QueryExecutorImpl");
        List<String> lines = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        java.util.logging.Handler handler = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                String message = record.getMessage();
                Object[] params = record.getParameters();
                String text = params == null || params.length == 0 ? message : java.text.MessageFormat.format(message, params);
                if (text.contains("FE=> Execute") || text.contains("FE=> Parse") || text.contains("FE=> SimpleQuery")) {
                    lines.add(Thread.currentThread().getName() + " " + text.replaceAll("\\s+", " "));
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        handler.setLevel(java.util.logging.Level.ALL);
        java.util.logging.Level before = driver.getLevel();
        driver.setUseParentHandlers(false);
        driver.addHandler(handler);
        driver.setLevel(java.util.logging.Level.FINEST);
        try {
            request.run();
        } finally {
            driver.setLevel(before);
            driver.removeHandler(handler);
            driver.setUseParentHandlers(true);
        }
        return List.copyOf(lines);
    }
}
