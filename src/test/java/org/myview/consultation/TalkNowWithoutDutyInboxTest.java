package org.myview.consultation;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.myview.support.ReviewFixtures;
import org.myview.support.WebClient;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With no duty inbox configured only the reviewing officer is told at once, so nothing the child reads
 * promises contact "today", in English or in Urdu; 999 and Childline are still a tap away.
 */
@MicronautTest(transactional = false)
@Property(name = "myview.notify.sender-enabled", value = "false")
@Property(name = "myview.talk-now.escalation-enabled", value = "false")
class TalkNowWithoutDutyInboxTest {

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext context;

    @Test
    void thePagesPromiseOnlyWhatTheConfigurationDelivers() {
        ConsultationTestSupport.Setup setup = ConsultationTestSupport.reviewFor(context, server.getURI(), "noduty.officer", "NODUTY1",
                LocalDate.now().minusYears(9), LocalDate.now().plusDays(5));
        ReviewFixtures.execute(context, "update staff_account set email = 'noduty.officer@example.org' where id = " + setup.officerId());
        WebClient child = new WebClient(server.getURI());
        child.get(ConsultationTestSupport.createLink(setup));
        String csrf = child.get("/consultation/q/1").inputValue("_csrf");

        WebClient.Page ask = child.get("/consultation/talk");
        assertTrue(ask.body().contains("Do you want us to tell your reviewing officer that you want to talk?"), ask.body());
        assertTrue(ask.body().contains("Your reviewing officer will read this."));
        assertNoToday(ask.body());
        assertTrue(ask.body().contains("href=\"tel:999\""));
        assertTrue(ask.body().contains("href=\"tel:08001111\""));

        assertEquals(303, child.post("/consultation/talk", "_csrf", csrf).status());
        WebClient.Page done = child.get("/consultation/talk/done");
        assertTrue(done.body().contains("We have told your reviewing officer, Test noduty.officer, that you want to talk to someone now."));
        assertTrue(done.body().contains("They will contact you as soon as they can."));
        assertNoToday(done.body());
        assertTrue(done.body().contains("href=\"tel:999\""));

        assertEquals(303, child.post("/consultation/language", "_csrf", csrf, "language", "ur", "back", "/consultation/talk/done").status());
        WebClient.Page urdu = child.get("/consultation/talk/done");
        assertTrue(urdu.body().contains("وہ جتنی جلدی ہو سکے آپ سے رابطہ کریں گے۔"), urdu.body());
        assertFalse(urdu.body().contains("آج"), "no \"today\" in Urdu either");

        WebClient.Page privacy = new WebClient(server.getURI()).get("/privacy");
        assertTrue(privacy.body().contains("the duty team (the people who help children straight away) and the reviewing service manager see that you asked"),
                "the privacy notice names who reads a talk-now message");

        assertEquals(1, ReviewFixtures.count(context, "select count(*) from notification_outbox where template_key = 'consultation-concern'"),
                "the officer alone is told");
        assertEquals(1, ReviewFixtures.count(context, "select count(*) from notification_outbox where template_key = 'consultation-concern' "
                + "and recipient = 'noduty.officer@example.org'"));
    }

    private static void assertNoToday(String page) {
        assertFalse(page.toLowerCase().contains("today"), "promises \"today\" with no duty inbox:\n" + page);
    }
}
