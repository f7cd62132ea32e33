package io.s3multi.webapp.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.s3multi.swift.SwiftAccount;
import io.s3multi.swift.SwiftHeaders;
import io.s3multi.swift.error.SwiftException;
import io.s3multi.swift.error.SwiftHttpStatusException;
import io.s3multi.swift.http.SwiftResponse;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.zip.CRC32;

/** What the object tests share: buckets made directly in Swift, and looks at what Swift stored. */
final class ObjectTests {

    private ObjectTests() {
    }

    /** A fresh bucket, created as a container directly in Swift (bucket handlers are not under test here). */
    static String createBucket(S3IntegrationTest test, SwiftAccount swift) throws SwiftException {
        String bucket = test.uniqueBucket();
        swift.containers().create(bucket, SwiftHeaders.empty());
        return bucket;
    }

    /** The object's bytes as Swift has them (small objects only). */
    static byte[] readDirectly(SwiftAccount swift, String container, String object) throws Exception {
        try (SwiftResponse response = swift.objects().get(container, object, SwiftHeaders.empty())) {
            return response.body().readAllBytes();
        }
    }

    static boolean existsInSwift(SwiftAccount swift, String container, String object) throws SwiftException {
        try {
            swift.objects().head(container, object, SwiftHeaders.empty());
            return true;
        } catch (SwiftHttpStatusException e) {
            if (e.status() == 404) {
                return false;
            }
            throw e;
        }
    }

    /** Swift has no such object: a HEAD directly in Swift answers 404. */
    static void assertNotInSwift(SwiftAccount swift, String container, String object) {
        SwiftHttpStatusException missing = assertThrows(SwiftHttpStatusException.class,
                () -> swift.objects().head(container, object, SwiftHeaders.empty()),
                container + "/" + object + " should not exist in Swift");
        assertEquals(404, missing.status());
    }

    /**
     * Makes {@code key} a Static Large Object of two segments in {@code <bucket>_segments}, written with the
     * Swift API (so not the gateway's: S3 deletes or overwrites its manifest only); returns the segment names.
     */
    static java.util.List<String> createStaticLargeObject(SwiftAccount swift, String bucket, String key)
            throws SwiftException {
        String segments = bucket + "_segments";
        swift.containers().create(segments, SwiftHeaders.empty());
        byte[] one = "first segment ".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] two = "second segment".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        swift.objects().put(segments, key + "/1", one, SwiftHeaders.empty());
        swift.objects().put(segments, key + "/2", two, SwiftHeaders.empty());
        swift.largeObjects().putManifest(bucket, key, java.util.List.of(
                io.s3multi.swift.slo.SloSegment.of(new io.s3multi.swift.ObjectPath(segments, key + "/1"),
                        ObjectIT.md5Hex(one), one.length),
                io.s3multi.swift.slo.SloSegment.of(new io.s3multi.swift.ObjectPath(segments, key + "/2"),
                        ObjectIT.md5Hex(two), two.length)),
                SwiftHeaders.of("Content-Type", "text/plain"));
        return java.util.List.of(key + "/1", key + "/2");
    }

    static String crc32Base64(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return Base64.getEncoder().encodeToString(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
