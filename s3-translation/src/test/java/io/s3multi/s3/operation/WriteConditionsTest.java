package io.s3multi.s3.operation;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.s3multi.s3.error.S3Exception;
import io.s3multi.s3.http.RequestHead;
import io.s3multi.s3.testing.FakeSwift;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** PutObject's and Complete's conditions against a fake Swift holding {@code b/k} = "hello". */
class WriteConditionsTest {

    private static final String HELLO_ETAG = "\"" + FakeSwift.md5("hello".getBytes(UTF_8)) + "\"";

    private FakeSwift swift;

    @BeforeEach
    void start() throws Exception {
        swift = new FakeSwift();
        swift.createContainer("b");
        swift.put("b", "k", "hello".getBytes(UTF_8), "text/plain", Map.of());
    }

    @AfterEach
    void stop() {
        swift.close();
    }

    private static WriteConditions conditions(String... namesAndValues) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            headers.put(namesAndValues[i], List.of(namesAndValues[i + 1]));
        }
        return WriteConditions.fromRequest(new RequestHead("PUT", "/b/k", "", headers));
    }

    private static String failure(Runnable check) {
        return assertThrows(S3Exception.class, check::run).code().wireCode();
    }

    @Test
    void ifNoneMatchStarFailsOverAnObjectAndPassesToSwift() throws Exception {
        WriteConditions createOnly = conditions("If-None-Match", "*");
        assertTrue(createOnly.isCreateOnly());
        assertEquals("*", createOnly.swiftHeaders().get("If-None-Match"));
        assertEquals("PreconditionFailed", failure(() -> S3Failures.onObject(swift.account(), "b", "k", () -> {
            createOnly.check(swift.account(), "b", "k");
            return null;
        })));
        createOnly.check(swift.account(), "b", "absent");
    }

    @Test
    void ifMatchNeedsTheObjectWithThatEtag() throws Exception {
        conditions("If-Match", HELLO_ETAG).check(swift.account(), "b", "k");
        conditions("If-Match", "\"other\", " + HELLO_ETAG).check(swift.account(), "b", "k");
        assertEquals("PreconditionFailed", failure(() -> S3Failures.onObject(swift.account(), "b", "k", () -> {
            conditions("If-Match", "\"0123\"").check(swift.account(), "b", "k");
            return null;
        })));
        assertEquals("NoSuchKey", failure(() -> S3Failures.onObject(swift.account(), "b", "absent", () -> {
            conditions("If-Match", HELLO_ETAG).check(swift.account(), "b", "absent");
            return null;
        })));
        assertNull(conditions("If-Match", HELLO_ETAG).swiftHeaders().get("If-None-Match"));
    }

    @Test
    void anIfNoneMatchOtherThanStarIsNotImplemented() {
        assertEquals("NotImplemented", failure(() -> conditions("If-None-Match", HELLO_ETAG)));
    }

    @Test
    void aBodyCheckedAtEndThrowsTheFailureInPlaceOfItsEnd() throws Exception {
        InputStream good = conditions("If-Match", HELLO_ETAG).checkedAtEnd(
                new ByteArrayInputStream("new".getBytes(UTF_8)), swift.account(), "b", "k");
        assertArrayEquals("new".getBytes(UTF_8), good.readAllBytes());

        InputStream stale = conditions("If-Match", "\"0123\"").checkedAtEnd(
                new ByteArrayInputStream("new".getBytes(UTF_8)), swift.account(), "b", "k");
        byte[] buffer = new byte[3];
        assertEquals(3, stale.read(buffer, 0, 3));
        assertEquals("PreconditionFailed", assertThrows(S3Exception.class, stale::read).code().wireCode());
    }
}
