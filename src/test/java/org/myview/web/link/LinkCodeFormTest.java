package org.myview.web.link;

import org.junit.jupiter.api.Test;
import org.myview.web.FormResult;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Setting a link's secret code checks itself: no Micronaut context needed. */
class LinkCodeFormTest {

    @Test
    void aCodeTypedTwiceTheSameIsKeptAsItIsCompared() {
        FormResult<String> checked = new LinkCodeForm("Green Kettle 8", "green kettle8").check();
        assertTrue(checked.isValid());
        assertEquals("greenkettle8", checked.value());
    }

    @Test
    void aCodeThatIsNotACodeIsTheCodeFieldsErrorWhateverTheConfirmation() {
        for (String code : new String[] {null, "", "   ", "abc12", "x".repeat(41), "green-kettle", "kettle!!"}) {
            FormResult<String> checked = new LinkCodeForm(code, code).check();
            assertFalse(checked.isValid(), String.valueOf(code));
            assertNull(checked.value());
            assertEquals(1, checked.errors().all().size());
            assertEquals("link.code.error.format", checked.errors().of("code").key());
        }
    }

    @Test
    void theLimitsOfACodeAreKept() {
        assertTrue(new LinkCodeForm("abc123", "abc123").check().isValid());
        assertTrue(new LinkCodeForm("x".repeat(40), "x".repeat(40)).check().isValid());
        assertTrue(new LinkCodeForm("grüne7", "GRÜNE7").check().isValid(), "letters of any language");
    }

    @Test
    void aConfirmationThatDiffersOrIsMissingIsTheConfirmFieldsError() {
        for (String confirm : new String[] {null, "", "greenkettle9", "short"}) {
            FormResult<String> checked = new LinkCodeForm("greenkettle8", confirm).check();
            assertFalse(checked.isValid(), String.valueOf(confirm));
            assertEquals(1, checked.errors().all().size());
            assertEquals("link.code.error.confirm", checked.errors().of("confirm").key());
            assertFalse(checked.errors().has("code"));
        }
    }

    @Test
    void theContinuePageSendsOnlyTheCodeAsTyped() {
        LinkCodeForm typed = new LinkCodeForm(" Green kettle 8 ", null);
        assertEquals(" Green kettle 8 ", typed.code(), "LinkClaims.tryCode normalises what was typed");
        assertNull(typed.confirm());
    }
}
