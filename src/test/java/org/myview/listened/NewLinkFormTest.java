package org.myview.listened;

import org.junit.jupiter.api.Test;
import org.myview.web.FormFields;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.myview.web.FormResult;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** "Make a link": for the child or for a parent, nothing else. */
class NewLinkFormTest {

    private static List<String> keys(FormResult<?> result) {
        return result.errors().all().stream().map(e -> e.field() + ":" + e.key()).toList();
    }

    @ParameterizedTest
    @CsvSource({"CHILD", "PARENT", "' CHILD '", "'PARENT\u0000'"})
    void theChildOrAParent(String respondent) {
        FormResult<String> result = FormFields.clean(new NewLinkForm(respondent)).check();
        assertTrue(result.isValid(), () -> keys(result).toString());
        assertEquals(respondent.replace("\u0000", "").strip(), result.value());
    }

    @ParameterizedTest
    @CsvSource({"''", "child", "CARER", "'CHILD PARENT'", "'   '"})
    void anythingElseIsRefused(String respondent) {
        assertEquals(List.of("respondent:listened.link.error.respondent"), keys(FormFields.clean(new NewLinkForm(respondent)).check()));
    }

    @Test
    void aMissingRespondentIsBlankAndRefused() {
        assertEquals("", FormFields.clean(new NewLinkForm(null)).respondent());
        assertEquals(List.of("respondent:listened.link.error.respondent"), keys(FormFields.clean(new NewLinkForm(null)).check()));
    }
}
