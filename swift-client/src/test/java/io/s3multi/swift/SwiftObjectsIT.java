package io.s3multi.swift;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.s3multi.swift.error.SwiftHttpStatusException;
import io.s3multi.swift.http.SwiftResponse;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Objects round trip through the real dev Swift, names that break naive clients included. */
class SwiftObjectsIT {

    private static SwiftBackend backend;
    private static SwiftAccount account;
    private static String container;

    @BeforeAll
    static void start() throws Exception {
        backend = DevSwift.backend();
        account = DevSwift.account(backend);
        container = DevSwift.createContainer(account, "objects");
    }

    @AfterAll
    static void stop() throws Exception {
        DevSwift.deleteContainer(account, container);
        backend.close();
    }

    private static byte[] content(String seed, int size) {
        byte[] seedBytes = seed.getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) (seedBytes[i % seedBytes.length] + i);
        }
        return bytes;
    }

    private static String md5(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"what?x=1", "frag#ment", "100%", "p%41", "a+b", "a b", "dir/sub/file", "a//b",
        "/leading", "trailing/", "a/../b", "..", "./x", "ünïcödé/日本語😀", "semi;colon,&=", "~tilde*'()"})
    void anAwkwardNameRoundTripsExactly(String name) throws Exception {
        byte[] body = content(name, 70_000);

        SwiftReply put = account.objects().put(container, name, new ByteArrayInputStream(body), body.length,
                SwiftHeaders.of("ETag", md5(body), "Content-Type", "application/x-test", "X-Object-Meta-Name", "kept"));
        assertEquals(201, put.status());
        assertEquals(md5(body), put.etag());

        SwiftReply head = account.objects().head(container, name, SwiftHeaders.empty());
        assertEquals(body.length, head.contentLength());
        assertEquals("application/x-test", head.header("Content-Type"));
        assertEquals("kept", head.header("X-Object-Meta-Name"));

        try (SwiftResponse get = account.objects().get(container, name, SwiftHeaders.empty())) {
            assertArrayEquals(body, get.body().readAllBytes());
        }
        assertTrue(DevSwift.names(account, container).contains(name), "the listing shows the exact name");

        account.objects().delete(container, name, SwiftHeaders.empty());
        assertEquals(404, assertThrows(SwiftHttpStatusException.class,
                () -> account.objects().head(container, name, SwiftHeaders.empty())).status());
        assertFalse(DevSwift.names(account, container).contains(name));
    }

    @Test
    void aRangeGetReturnsThoseBytes() throws Exception {
        byte[] body = content("range", 10_000);
        account.objects().put(container, "ranged", new ByteArrayInputStream(body), body.length, SwiftHeaders.empty());

        try (SwiftResponse get = account.objects().get(container, "ranged", SwiftHeaders.of("Range", "bytes=100-199"))) {
            assertEquals(206, get.status());
            assertEquals("bytes 100-199/10000", get.header("Content-Range"));
            assertArrayEquals(Arrays.copyOfRange(body, 100, 200), get.body().readAllBytes());
        }
        assertEquals(416, assertThrows(SwiftHttpStatusException.class, () -> account.objects().get(container,
                "ranged", SwiftHeaders.of("Range", "bytes=20000-"))).status());
    }

    @Test
    void aServerSideCopyWithRangeCopiesOnlyThoseBytes() throws Exception {
        byte[] body = content("copy", 50_000);
        String source = "copy source?#%";
        account.objects().put(container, source, new ByteArrayInputStream(body), body.length,
                SwiftHeaders.of("Content-Type", "application/x-source", "X-Object-Meta-Origin", "source"));

        SwiftReply whole = account.objects().copy(new ObjectPath(container, source),
                new ObjectPath(container, "copy/whole"), SwiftHeaders.empty());
        SwiftReply part = account.objects().copy(new ObjectPath(container, source),
                new ObjectPath(container, "copy/part ü"), SwiftHeaders.of("Range", "bytes=1000-1999"));

        assertEquals(201, whole.status());
        assertEquals(201, part.status());
        try (SwiftResponse get = account.objects().get(container, "copy/whole", SwiftHeaders.empty())) {
            assertArrayEquals(body, get.body().readAllBytes());
            assertEquals("application/x-source", get.header("Content-Type"), "no Content-Type was imposed");
            assertEquals("source", get.header("X-Object-Meta-Origin"));
        }
        try (SwiftResponse get = account.objects().get(container, "copy/part ü", SwiftHeaders.empty())) {
            assertArrayEquals(Arrays.copyOfRange(body, 1000, 2000), get.body().readAllBytes());
        }
    }

    @Test
    void metadataPostReplacesMetadata() throws Exception {
        account.objects().put(container, "meta", new byte[] {1}, SwiftHeaders.of("X-Object-Meta-A", "1"));

        account.objects().post(container, "meta", SwiftHeaders.of("X-Object-Meta-B", "2"));

        SwiftReply head = account.objects().head(container, "meta", SwiftHeaders.empty());
        assertNull(head.header("X-Object-Meta-A"));
        assertEquals("2", head.header("X-Object-Meta-B"));
    }

    @Test
    void conditionalAndVerifiedPutsAreRefusedAsSwiftSays() throws Exception {
        byte[] body = content("cond", 100);
        account.objects().put(container, "once", body, SwiftHeaders.empty());

        assertEquals(412, assertThrows(SwiftHttpStatusException.class, () -> account.objects().put(container, "once",
                new ByteArrayInputStream(body), body.length, SwiftHeaders.of("If-None-Match", "*"))).status());
        assertEquals(422, assertThrows(SwiftHttpStatusException.class, () -> account.objects().put(container,
                "bad-etag", new ByteArrayInputStream(body), body.length,
                SwiftHeaders.of("ETag", "00000000000000000000000000000000"))).status());
        assertEquals(404, assertThrows(SwiftHttpStatusException.class,
                () -> account.objects().head(container, "bad-etag", SwiftHeaders.empty())).status());
    }

    @Test
    void aZeroByteObjectIsStored() throws Exception {
        account.objects().put(container, "empty", InputStream.nullInputStream(), 0, SwiftHeaders.empty());
        assertEquals(0, account.objects().head(container, "empty", SwiftHeaders.empty()).contentLength());
    }
}
