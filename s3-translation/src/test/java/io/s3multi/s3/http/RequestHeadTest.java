package io.s3multi.s3.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestHeadTest {

    @Test
    void headersCollectedOneByOneMakeTheHeadTheConstructorMakesOfTheSameMap() {
        Map<String, List<String>> sent = new LinkedHashMap<>();
        sent.put("Host", List.of("127.0.0.1:8080"));
        sent.put("X-Amz-Meta-Color", List.of("red", "blue"));
        sent.put("x-amz-meta-color", List.of("green"));
        sent.put("Authorization", List.of("AWS4-HMAC-SHA256 Credential=..."));
        var collected = new RequestHead.Headers();
        sent.forEach((name, values) -> values.forEach(value -> collected.add(name, value)));

        RequestHead built = collected.head("HEAD", "/b/k", null);
        RequestHead constructed = new RequestHead("HEAD", "/b/k", null, sent);

        assertEquals(constructed, built);
        assertEquals(List.of("host", "authorization", "x-amz-meta-color").stream().sorted().toList(),
                List.copyOf(built.headers().keySet()));
        assertEquals(List.of("red", "blue", "green"), built.headerValues("X-AMZ-META-COLOR"));
        assertEquals("127.0.0.1:8080", built.header("host"));
        assertNull(built.header("Range"));
        assertEquals("", built.rawQuery());
        assertThrows(UnsupportedOperationException.class, () -> built.headers().put("range", List.of("bytes=0-1")));
        assertThrows(UnsupportedOperationException.class, () -> built.headers().keySet().remove("host"));
        assertThrows(UnsupportedOperationException.class, () -> built.headerValues("x-amz-meta-color").add("x"));
        assertEquals(built, built.without(name -> false));
    }

    @Test
    void theConstructorCopiesAMapItIsGivenSoLaterChangesToItDoNotShow() {
        Map<String, List<String>> sent = new LinkedHashMap<>();
        sent.put("Range", List.of("bytes=0-1"));
        RequestHead head = new RequestHead("GET", "/b/k", "", sent);
        sent.put("If-Match", List.of("\"e\""));
        assertEquals(Map.of("range", List.of("bytes=0-1")), head.headers());
    }
}
