package org.myview.consultation;

import org.myview.web.LanguageSwitchForm;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.Test;
import org.myview.web.FormResult;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The child's form posts as records: answer (its kind checks it), version, send and the language switch. */
class ConsultationFormsTest {

    private static final int MAX = 10;
    private static final FormDefinition.Question TEXT = new FormDefinition.Question("worries", "text", null);
    private static final FormDefinition.Question FACES = new FormDefinition.Question("feel", "faces", null);
    private static final FormDefinition.Question PICTURES = new FormDefinition.Question("who", "pictures", List.of("mum", "dad", "pets"));
    private static final String KEY = "k3y-Of_sixteen16";

    private static List<String> keys(FormResult<?> result) {
        return result.errors().all().stream().map(e -> e.field() + ":" + e.key()).toList();
    }

    @Test
    void theRequestKeyIs16To64LettersDigitsDashesOrUnderscores() {
        assertEquals(KEY, new ConsultationSendForm(KEY).check().value());
        assertEquals("a".repeat(64), new ConsultationSendForm("a".repeat(64)).check().value());
        assertNull(new ConsultationSendForm("a".repeat(15)).check().value());
        assertNull(new ConsultationSendForm("a".repeat(65)).check().value());
        assertNull(new ConsultationSendForm("k3y of sixteen16").check().value());
        assertNull(new ConsultationSendForm(null).check().value());
        assertTrue(new ConsultationSendForm("nonsense").check().isValid(), "a send is never refused for its key");
    }

    @Test
    void onlyAKnownVersionIsChosen() {
        assertEquals("consultation-8-11", new ConsultationVersionForm("consultation-8-11").check("consultation-8-11"::equals).value());
        assertNull(new ConsultationVersionForm("consultation-99").check("consultation-8-11"::equals).value());
        assertNull(new ConsultationVersionForm(null).check(v -> true).value());
    }

    @Test
    void theLanguageSwitchKeepsAnOfferedLanguageAndStaysOnTheForm() {
        Set<String> offered = Set.of("en", "pl", "ur");
        assertEquals(new LanguageSwitchForm.Choice("pl", "/consultation/q/3"),
                new LanguageSwitchForm("pl", "/consultation/q/3").check(offered::contains, ConsultationController.PAGES).value());
        assertEquals(new LanguageSwitchForm.Choice("en", "/consultation"),
                new LanguageSwitchForm("xx", null).check(offered::contains, ConsultationController.PAGES).value());
        assertEquals("/consultation", new LanguageSwitchForm("en", "https://elsewhere.example/").check(offered::contains, ConsultationController.PAGES).value().back());
        assertEquals("/consultation", new LanguageSwitchForm("en", "//elsewhere.example").check(offered::contains, ConsultationController.PAGES).value().back());
        assertEquals("/consultation", new LanguageSwitchForm("en", "/consultation/../staff").check(offered::contains, ConsultationController.PAGES).value().back());
        assertEquals("en", new LanguageSwitchForm(null, "/consultation/check").check(offered::contains, ConsultationController.PAGES).value().language());
    }

}
