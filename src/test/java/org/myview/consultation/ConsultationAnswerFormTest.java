package org.myview.consultation;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConsultationAnswerFormTest {

    private static final FormDefinition.Question TEXT = new FormDefinition.Question("worries", "text", null);
    private static final FormDefinition.Question PICTURES =
            new FormDefinition.Question("make-better", "pictures", List.of("see-family", "feel-safe", "nothing"));

    @Test
    void aTextAnswerIsItsAnswerField() {
        ConsultationAnswerForm form = new ConsultationAnswerForm("Football", null, null, "save", null, null);
        assertEquals("Football", form.value(TEXT));
        assertFalse(form.declined());
        assertFalse(form.fromCheck());
        assertNull(new ConsultationAnswerForm(null, null, null, null, null, null).value(TEXT));
    }

    @Test
    void picturesComeAsTheNestedMapMicronautBindsWithoutHyphensAndOnlyOfferedOnesCount() {
        // pick.see-family=yes&pick.nothing=yes&pick.unicorn=yes, as Micronaut binds it
        ConsultationAnswerForm form = new ConsultationAnswerForm(null, "Rex", Map.of("seeFamily", "yes", "nothing", "yes", "unicorn", "yes"),
                "save", null, null);
        assertEquals("see-family nothing\nRex", form.value(PICTURES));
    }

    @Test
    void skipAndReturnToCheckAndTheRequestKey() {
        ConsultationAnswerForm form = new ConsultationAnswerForm(null, null, null, "skip", "check", "not a key");
        assertTrue(form.declined());
        assertTrue(form.fromCheck());
        assertNull(form.checkedRequestKey());
    }
}
