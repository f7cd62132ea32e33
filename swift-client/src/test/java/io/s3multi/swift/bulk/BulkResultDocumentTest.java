package io.s3multi.swift.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.s3multi.swift.error.SwiftProtocolException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class BulkResultDocumentTest {

    private static BulkResultDocument read(String text) throws Exception {
        return BulkResultDocument.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "POST /");
    }

    @Test
    void readsABulkDeleteResultAfterHeartbeats() throws Exception {
        BulkResultDocument document = read("     \r\n\r\n{\"Number Not Found\": 1, \"Response Status\": "
                + "\"400 Bad Request\", \"Errors\": [[\"/c/a%20b%3F\", \"409 Conflict\"]], \"Number Deleted\": 2, "
                + "\"Response Body\": \"\"}");

        assertEquals(400, document.statusCode());
        assertEquals(2, document.number("Number Deleted"));
        assertEquals(1, document.number("Number Not Found"));
        assertEquals(List.of(new BulkDeleteError("/c/a b?", "409 Conflict")), document.errors());
    }

    @Test
    void readsAnSloHeartbeatResult() throws Exception {
        BulkResultDocument document = read(" \r\n\r\n{\"Response Status\": \"201 Created\", \"Response Body\": \"\", "
                + "\"Etag\": \"\\\"abc\\\"\", \"Last Modified\": \"Wed, 01 May 2024 12:00:00 GMT\", \"Errors\": []}");

        assertEquals(201, document.statusCode());
        assertEquals("\"abc\"", document.text("Etag"));
        assertTrue(document.errors().isEmpty());
    }

    @Test
    void sumsResults() {
        BulkDeleteResult sum = new BulkDeleteResult(2, 1, List.of())
                .plus(new BulkDeleteResult(3, 0, List.of(new BulkDeleteError("/c/x", "409 Conflict"))));
        assertEquals(new BulkDeleteResult(5, 1, List.of(new BulkDeleteError("/c/x", "409 Conflict"))), sum);
    }

    @Test
    void refusesDocumentsWithoutStatus() {
        assertThrows(SwiftProtocolException.class, () -> read("{\"Number Deleted\": 1}"));
        assertThrows(SwiftProtocolException.class, () -> read("<html>"));
        assertThrows(SwiftProtocolException.class, () -> read("   "));
        assertThrows(SwiftProtocolException.class, () -> read("{\"Response Status\": \"teapot\"}").statusCode());
    }
}
