package io.s3multi.swift;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.s3multi.swift.bulk.BulkDeleteResult;
import io.s3multi.swift.error.SwiftHttpStatusException;
import io.s3multi.swift.http.SwiftResponse;
import io.s3multi.swift.slo.ManifestEntry;
import io.s3multi.swift.slo.SloSegment;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Static Large Objects against the real dev Swift: manifest put, get, read back, delete with segments. */
class SwiftLargeObjectsIT {

    private static SwiftBackend backend;
    private static SwiftAccount account;
    private static String container;
    private static String segments;

    @BeforeAll
    static void start() throws Exception {
        backend = DevSwift.backend();
        account = DevSwift.account(backend);
        container = DevSwift.createContainer(account, "slo");
        segments = container + "_segments";
        account.containers().create(segments, SwiftHeaders.empty());
    }

    @AfterAll
    static void stop() throws Exception {
        DevSwift.deleteContainer(account, container);
        DevSwift.deleteContainer(account, segments);
        backend.close();
    }

    private static String md5(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
    }

    /** Uploads {@code count} segments under {@code prefix} and returns them; their bytes go to {@code whole}. */
    private static List<SloSegment> uploadSegments(String prefix, int count, ByteArrayOutputStream whole)
            throws Exception {
        List<SloSegment> list = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            byte[] part = new byte[1000 + i * 7];
            for (int j = 0; j < part.length; j++) {
                part[j] = (byte) (i * 13 + j);
            }
            String name = String.format("%s/%05d", prefix, i);
            account.objects().put(segments, name, new ByteArrayInputStream(part), part.length, SwiftHeaders.empty());
            list.add(SloSegment.of(new ObjectPath(segments, name), md5(part), part.length));
            whole.writeBytes(part);
        }
        return list;
    }

    @Test
    void aManifestJoinsItsSegmentsAndIsDeletedWithThem() throws Exception {
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        String key = "big file ü?.bin";
        List<SloSegment> parts = uploadSegments(key + "/upload-1", 3, whole);

        SwiftReply put = account.largeObjects().putManifest(container, key, parts,
                SwiftHeaders.of("Content-Type", "application/x-big", "X-Object-Meta-Parts", "3"));

        assertEquals(201, put.status());
        try (SwiftResponse get = account.objects().get(container, key, SwiftHeaders.empty())) {
            assertEquals("True", get.header("X-Static-Large-Object"));
            assertArrayEquals(whole.toByteArray(), get.body().readAllBytes());
        }
        try (SwiftResponse ranged = account.objects().get(container, key, SwiftHeaders.of("Range", "bytes=1000-1010"))) {
            byte[] expected = java.util.Arrays.copyOfRange(whole.toByteArray(), 1000, 1011);
            assertArrayEquals(expected, ranged.body().readAllBytes(), "a range across the first segment boundary");
        }
        List<ManifestEntry> manifest = account.largeObjects().getManifest(container, key);
        assertEquals(3, manifest.size());
        assertEquals(parts.get(1).path(), manifest.get(1).path());
        assertEquals(parts.get(1).etag(), manifest.get(1).hash());
        assertEquals((long) parts.get(1).sizeBytes(), manifest.get(1).bytes());
        assertTrue(DevSwift.names(account, container).contains(key));

        BulkDeleteResult deleted = account.largeObjects().deleteWithSegments(container, key);

        assertEquals(4, deleted.deleted(), "three segments and the manifest");
        assertTrue(deleted.isComplete());
        assertEquals(404, assertThrows(SwiftHttpStatusException.class,
                () -> account.objects().head(container, key, SwiftHeaders.empty())).status());
        assertTrue(DevSwift.names(account, segments).stream().noneMatch(name -> name.startsWith(key)));
    }

    @Test
    void aHeartbeatPutReportsSuccessAndRefusal() throws Exception {
        List<SloSegment> parts = uploadSegments("hb/upload-1", 2, new ByteArrayOutputStream());

        SwiftReply put = account.largeObjects().putManifestWithHeartbeat(container, "hb", parts, SwiftHeaders.empty());

        assertEquals(201, put.status());
        assertTrue(put.etag() != null && !put.etag().isEmpty());
        assertEquals(Long.toString(parts.get(0).sizeBytes() + parts.get(1).sizeBytes()),
                Long.toString(account.objects().head(container, "hb", SwiftHeaders.empty()).contentLength()));

        List<SloSegment> wrong = List.of(new SloSegment(parts.get(0).path(), "0".repeat(32), null, null));
        SwiftHttpStatusException refused = assertThrows(SwiftHttpStatusException.class,
                () -> account.largeObjects().putManifestWithHeartbeat(container, "hb-bad", wrong, SwiftHeaders.empty()));
        assertEquals(400, refused.status());
        assertTrue(refused.bodySnippet().contains("Etag Mismatch"), refused.bodySnippet());

        SwiftHttpStatusException refusedPlain = assertThrows(SwiftHttpStatusException.class,
                () -> account.largeObjects().putManifest(container, "hb-bad", wrong, SwiftHeaders.empty()));
        assertEquals(400, refusedPlain.status());
        assertTrue(refusedPlain.bodySnippet().contains("Etag Mismatch"), refusedPlain.bodySnippet());
    }
}
