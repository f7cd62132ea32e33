package io.s3multi.swift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SwiftHeadersTest {

    @Test
    void looksUpNamesWithoutCaseAndKeepsOrderAndSpelling() {
        SwiftHeaders headers = SwiftHeaders.of("X-Object-Meta-A", "1", "content-type", "text/plain",
                "x-object-meta-a", "2");
        assertEquals("1", headers.get("x-object-meta-a"));
        assertEquals(List.of("1", "2"), headers.all("X-OBJECT-META-A"));
        assertEquals("text/plain", headers.get("Content-Type"));
        assertEquals(Set.of("X-Object-Meta-A", "content-type"), headers.names());
        assertNull(headers.get("ETag"));
        assertFalse(headers.contains("ETag"));
    }

    @Test
    void replacesAndRemoves() {
        SwiftHeaders headers = SwiftHeaders.of("A", "1", "a", "2", "B", "3");
        assertEquals(List.of("9"), headers.with("a", "9").all("A"));
        assertFalse(headers.without("A").contains("a"));
        assertTrue(headers.without("A").contains("B"));
    }

    @Test
    void readsContentLength() {
        assertEquals(42, SwiftHeaders.of("Content-Length", " 42 ").contentLength());
        assertEquals(-1, SwiftHeaders.of("Content-Length", "lots").contentLength());
        assertEquals(-1, SwiftHeaders.empty().contentLength());
    }

    @Test
    void refusesHeaderInjectionAndBadNames() {
        assertThrows(IllegalArgumentException.class, () -> SwiftHeaders.of("X-A", "1\r\nX-Auth-Token: stolen"));
        assertThrows(IllegalArgumentException.class, () -> SwiftHeaders.of("X-A", "1\n"));
        assertThrows(IllegalArgumentException.class, () -> SwiftHeaders.of("X A", "1"));
        assertThrows(IllegalArgumentException.class, () -> SwiftHeaders.of("X:A", "1"));
        assertThrows(IllegalArgumentException.class, () -> SwiftHeaders.of("", "1"));
    }

    @Test
    void hidesSecretsInToString() {
        String text = SwiftHeaders.of("X-Auth-Token", "AUTH_tk123", "X-Auth-Key", "testing", "ETag", "e").toString();
        assertFalse(text.contains("AUTH_tk123"));
        assertFalse(text.contains("testing"));
        assertTrue(text.contains("ETag=e"));
    }
}
