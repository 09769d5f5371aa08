package org.myview.web;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** An uploaded file is read as UTF-8 strictly: another encoding is refused, not imported with broken characters. */
class ImportUploadsTest {

    @Test
    void utf8TextIsReadAsItIs() {
        String text = "CHILD,DOB\nŁucja’s,2015-03-27\n";
        assertEquals(text, ImportUploads.decode(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aByteOrderMarkIsKeptForTheCsvReaderToDrop() {
        byte[] bytes = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'A'};
        assertEquals("\uFEFFA", ImportUploads.decode(bytes));
    }

    @Test
    void windows1252TextIsRefused() {
        assertNull(ImportUploads.decode("Zoë,café".getBytes(java.nio.charset.Charset.forName("windows-1252"))));
    }

    @Test
    void aTruncatedMultiByteCharacterIsRefused() {
        byte[] bytes = "é".getBytes(StandardCharsets.UTF_8);
        assertNull(ImportUploads.decode(new byte[] {'a', bytes[0]}));
    }

    @Test
    void anEmptyFileIsEmptyText() {
        assertEquals("", ImportUploads.decode(new byte[0]));
    }
}
