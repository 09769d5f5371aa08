package org.myview.web;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class FreeTextTest {

    @Test
    void dropsControlCharactersButKeepsLinesTabsAndEveryLanguage() {
        assertEquals("ab", FreeText.clean("a\u0000b"));
        assertEquals("a\nb\r\n\tc", FreeText.clean("a\nb\r\n\tc\u0007\u007F"));
        assertEquals("میں ٹھیک ہوں 😀", FreeText.clean("میں ٹھیک ہوں 😀"));
        assertNull(FreeText.clean(null));
    }
}
