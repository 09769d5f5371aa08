package org.myview.web;

import ognl.Ognl;
import ognl.OgnlContext;
import ognl.OgnlRuntime;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rules of {@link RecordProperties}: which of a record's names it reads itself, and that OGNL still reads the rest. */
class RecordPropertiesTest {

    /** Package-private, like a service's nested result. */
    record Shown(String title, boolean faces, String hint) {
        public String getHint() {
            return "from the getter";
        }

        public int titleLength() {
            return title.length();
        }
    }

    @Test
    void readsComponentsThroughTheirAccessorsAndLeavesTheRestToOgnl() {
        Map<String, ?> readable = RecordProperties.ComponentAccessor.readable(Shown.class);
        assertEquals(java.util.Set.of("title", "faces"), readable.keySet());
        assertTrue(RecordProperties.ComponentAccessor.readable(String.class).isEmpty());
    }

    @Test
    void aTemplateExpressionReadsTheSameValuesAsBefore() throws Exception {
        OgnlRuntime.setPropertyAccessor(Record.class, new RecordProperties.ComponentAccessor());
        Shown shown = new Shown("How was school?", true, "ignored");
        OgnlContext context = (OgnlContext) Ognl.createDefaultContext(shown);
        assertEquals("How was school?", Ognl.getValue("title", context, shown));
        assertEquals(true, Ognl.getValue("faces", context, shown));
        // A bean getter wins, as it did without the accessor; a method that is no component is still callable.
        assertEquals("from the getter", Ognl.getValue("hint", context, shown));
        assertEquals(15, Ognl.getValue("titleLength()", context, shown));
    }
}
