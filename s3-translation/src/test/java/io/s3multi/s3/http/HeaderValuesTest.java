package io.s3multi.s3.http;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class HeaderValuesTest {

    /** What a servlet container makes of UTF-8 header bytes: one char per byte. */
    private static String asContainerDecodes(String text) {
        return new String(text.getBytes(UTF_8), ISO_8859_1);
    }

    @Test
    void utf8BytesDecodedOneCharPerByteAreReadAsTheTextSent() {
        assertEquals("Grüße ✓", HeaderValues.asSent(asContainerDecodes("Grüße ✓")));
    }

    @Test
    void asciiAlreadyDecodedTextAndBytesThatAreNotUtf8StayAsTheyAre() {
        assertEquals("plain", HeaderValues.asSent("plain"));
        assertEquals("Grüße ✓", HeaderValues.asSent("Grüße ✓"));
        assertEquals("caf\u00e9", HeaderValues.asSent("caf\u00e9"));
        assertNull(HeaderValues.asSent(null));
    }

    @Test
    void metadataBeyondAsciiIsOneRfc2047EncodedWordAndAsciiStaysAsItIs() {
        assertEquals("=?UTF-8?B?R3LDvMOfZSDinJM=?=", HeaderValues.mailSafe("Grüße ✓"));
        assertEquals("plain text", HeaderValues.mailSafe("plain text"));
    }
}
