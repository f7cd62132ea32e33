package io.s3multi.s3.multipart;

import io.s3multi.s3.contract.PartContentType;
import io.s3multi.s3.contract.ReservedMetadata;
import io.s3multi.s3.contract.SegmentsLayout;
import io.s3multi.s3.contract.UploadId;
import io.s3multi.s3.testing.FakeSwift;
import io.s3multi.swift.SwiftHeaders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which objects the gateway takes for its own completed uploads, and so may delete the segments of. */
class CompletedManifestTest {

    private static final String BUCKET = "bkt";
    private static final String SEGMENTS = "bkt_segments";
    private static final UploadId UPLOAD = UploadId.newId(Instant.parse("2026-11-21T11:00:00Z"));
    private static final UploadId OTHER = UploadId.newId(Instant.parse("2026-11-21T12:00:00Z"));

    private FakeSwift swift;

    @BeforeEach
    void start() throws Exception {
        swift = new FakeSwift();
        for (UploadId upload : List.of(UPLOAD, OTHER)) {
            for (int part = 1; part <= 3; part++) {
                swift.put(SEGMENTS, SegmentsLayout.legacyPart(upload, part), ("part " + part).getBytes(StandardCharsets.UTF_8),
                        PartContentType.of(null), Map.of());
            }
        }
        swift.put("elsewhere", "x", "private".getBytes(StandardCharsets.UTF_8), "text/plain", Map.of());
    }

    @AfterEach
    void stop() {
        swift.close();
    }

    @Test
    void aManifestOfItsOwnPartsBoundToItsKeyIsVerifiedNestedManifestsIncluded() throws Exception {
        String sub = SegmentsLayout.subManifest(UPLOAD, 1, 0);
        swift.putManifest(SEGMENTS, sub, List.of(part(UPLOAD, 1), part(UPLOAD, 2)), Map.of());
        swift.putManifest(BUCKET, "k", List.of(SEGMENTS + "/" + sub, part(UPLOAD, 3)), completed(UPLOAD, "k"));
        assertEquals(Optional.of(UPLOAD), verified("k"));
    }

    @Test
    void aManifestNamingAnythingElseIsNotTheGateways() throws Exception {
        swift.putManifest(BUCKET, "another-upload", List.of(part(UPLOAD, 1), part(OTHER, 1)),
                completed(UPLOAD, "another-upload"));
        swift.putManifest(BUCKET, "another-container", List.of(part(UPLOAD, 1), "elsewhere/x"),
                completed(UPLOAD, "another-container"));
        String foreignSub = SegmentsLayout.subManifest(OTHER, 1, 0);
        swift.putManifest(SEGMENTS, foreignSub, List.of(part(UPLOAD, 1)), Map.of());
        swift.putManifest(BUCKET, "another-sub-manifest", List.of(SEGMENTS + "/" + foreignSub),
                completed(UPLOAD, "another-sub-manifest"));
        for (String key : List.of("another-upload", "another-container", "another-sub-manifest")) {
            assertEquals(Optional.empty(), verified(key), key);
        }
    }

    @Test
    void theClaimMustBeBoundToThisKeyOnAManifest() throws Exception {
        swift.putManifest(BUCKET, "copy", List.of(part(UPLOAD, 1)), completed(UPLOAD, "original"));
        swift.putManifest(BUCKET, "unbound", List.of(part(UPLOAD, 1)),
                Map.of(ReservedMetadata.UPLOAD_ID, UPLOAD.value()));
        swift.put(BUCKET, "plain", new byte[1], "text/plain", completed(UPLOAD, "plain"));
        swift.putManifest(BUCKET, "malformed", List.of(part(UPLOAD, 1)),
                Map.of(ReservedMetadata.UPLOAD_ID, "../" + UPLOAD.value(), ReservedMetadata.OBJECT,
                        ReservedMetadata.binding(BUCKET, "malformed")));
        for (String key : List.of("copy", "unbound", "plain", "malformed")) {
            assertEquals(Optional.empty(), verified(key), key);
            assertEquals(Optional.empty(), CompletedManifest.claimedUpload(BUCKET, key, head(key)), key);
        }
    }

    private Optional<UploadId> verified(String key) throws Exception {
        return CompletedManifest.verifiedUpload(swift.account(), BUCKET, key, head(key));
    }

    private SwiftHeaders head(String key) throws Exception {
        return swift.account().objects().head(BUCKET, key, SwiftHeaders.empty()).headers();
    }

    private static String part(UploadId upload, int number) {
        return SEGMENTS + "/" + SegmentsLayout.legacyPart(upload, number);
    }

    private static Map<String, String> completed(UploadId upload, String key) {
        return Map.of(ReservedMetadata.UPLOAD_ID, upload.value(), ReservedMetadata.OBJECT,
                ReservedMetadata.binding(BUCKET, key));
    }
}
