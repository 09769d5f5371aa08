package org.myview.web;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.myview.staff.Role;
import org.myview.support.StaffFixtures;
import org.myview.support.WebClient;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A posted form reaches its record cleaned once, by the binder: spaces and control characters gone, "" for a field not sent. */
@MicronautTest(transactional = false)
class FormFieldsTest {

    @Serdeable
    record TwoFields(String name, String dateDay) implements TextForm {
    }

    @Serdeable
    record NotAllText(String name, List<String> ticks) implements TextForm {
    }

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext context;

    @Test
    void cleaningAFormBuiltFromRawValuesGivesWhatBindingWould() {
        assertEquals(new TwoFields("Tansy", ""), FormFields.clean(new TwoFields(" Tan\u0000sy\t", null)));
        assertEquals(new TwoFields("line one\nline two", "3"), FormFields.clean(new TwoFields("line one\nline two ", "3")),
                "a line break inside the words stays");
    }

    @Test
    void aFormWithAFieldThatIsNotTextIsRefused() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> FormFields.clean(new NotAllText("a", List.of("b"))));
        assertTrue(refused.getMessage().contains("NotAllText.ticks"), refused.getMessage());
    }

    @Test
    void aReviewScheduledWithSpacesAndAControlCharacterIsSavedCleanFromTheDateInputsPartsToo() {
        StaffFixtures.account(context, "bind.manager", Role.SERVICE_MANAGER);
        StaffFixtures.account(context, "bind.officer", Role.REVIEWING_OFFICER);
        WebClient manager = new WebClient(server.getURI());
        String csrf = StaffFixtures.signIn(manager, "bind.manager");
        int year = LocalDate.now().getYear() + 1;
        WebClient.Page saved = manager.post("/reviews", "_csrf", csrf, "caseReference", " BIND001 ", "firstName", " Tan\u0000sy ",
                "dob-day", " 3", "dob-month", "4 ", "dob-year", " 2015 ", "type", " CLA ",
                "date-day", "20", "date-month", "3", "date-year", String.valueOf(year), "officer", " bind.officer ");
        // " BIND001 " as typed breaks the reference rule, and " CLA " is no review type: saved only if cleaned first.
        assertEquals(303, saved.status(), saved.body());
        String review = manager.get(saved.location()).body();
        assertTrue(review.contains("Tansy"), "the first name without its control character or spaces");
        assertTrue(review.contains("BIND001"));
        assertFalse(review.contains("Tan\u0000sy"));

        WebClient.Page twice = manager.post("/reviews", "_csrf", csrf, "caseReference", "BIND003", "caseReference", "BIND004");
        assertEquals(400, twice.status(), "a field a browser sends once, sent twice: a hand-made request");

        WebClient.Page missing = manager.post("/reviews", "_csrf", csrf, "caseReference", "BIND002");
        assertEquals(422, missing.status(), "fields not sent are blank ones, each with its message");
        assertTrue(missing.body().contains("govuk-error-summary"));
    }
}
