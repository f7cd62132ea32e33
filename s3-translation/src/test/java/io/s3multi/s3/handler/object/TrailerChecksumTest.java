package io.s3multi.s3.handler.object;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.s3multi.s3.integrity.DigestAlgorithm;
import io.s3multi.s3.testing.FakeSwift;
import io.s3multi.s3.testing.FakeSwift.Answer;
import io.s3multi.swift.SwiftHeaders;
import io.s3multi.swift.SwiftReply;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A trailer's checksum is posted onto the object its PutObject stored only while that object is still current:
 * a POST onto a later writer's object would replace that writer's metadata.
 */
class TrailerChecksumTest {

    private static final String OURS = "5d41402abc4b2a76b9719d911017c592";
    private static final SwiftHeaders METADATA = SwiftHeaders.of("Content-Type", "text/plain");

    private FakeSwift swift;

    @BeforeEach
    void start() {
        swift = new FakeSwift();
    }

    @AfterEach
    void stop() {
        swift.close();
    }

    private boolean store(SwiftReply put) {
        return TrailerChecksum.store(swift.account(), "bkt", "k", METADATA, DigestAlgorithm.CRC32, "NhCmhg==", put);
    }

    private static SwiftReply put(String etag, String... versionId) {
        SwiftHeaders.Builder headers = SwiftHeaders.builder().add("Etag", etag);
        for (String id : versionId) {
            headers.add("X-Object-Version-Id", id);
        }
        return new SwiftReply(201, headers.build());
    }

    @Test
    void theChecksumIsPostedWhenTheNewestReplicasShowTheObjectThePutStored() {
        swift.on("HEAD", "/bkt/k", Answer.of(200, "Etag", OURS));
        swift.on("POST", "/bkt/k", Answer.of(202));
        assertTrue(store(put(OURS)));
        assertEquals(List.of("HEAD /bkt/k", "POST /bkt/k"), swift.requests());
        assertEquals("true", swift.calls().get(0).header("X-Newest"), "every replica is asked");
        FakeSwift.Call post = swift.calls().get(1);
        assertEquals("NhCmhg==", post.header("X-Object-Meta-S3multi-Checksum-Crc32"));
        assertEquals(OURS, post.header("X-Object-Meta-S3multi-Checksum-Of"));
        assertEquals("text/plain", post.header("Content-Type"), "the PUT's metadata, re-sent");
    }

    @Test
    void aLaterWritersObjectKeepsItsMetadata() {
        swift.put("bkt", "k", "theirs".getBytes(), "image/png", Map.of("x-object-meta-color", "red"));
        String theirs = swift.get("bkt", "k").etag();
        assertFalse(store(put(OURS)));
        assertEquals(List.of("HEAD /bkt/k"), swift.requests(), "no POST");
        assertEquals(theirs, swift.get("bkt", "k").etag());
        assertEquals("image/png", swift.get("bkt", "k").contentType());
        assertEquals("red", swift.get("bkt", "k").meta().get("x-object-meta-color"));
        assertNull(swift.get("bkt", "k").meta().get("x-object-meta-s3multi-checksum-crc32"));
    }

    @Test
    void aKeyDeletedSinceThePutGetsNoPost() {
        swift.createContainer("bkt");
        assertFalse(store(put(OURS)));
        assertEquals(List.of("HEAD /bkt/k"), swift.requests(), "no POST");
    }

    @Test
    void aLaterVersionOfTheSameBytesIsNotOurs() {
        swift.on("HEAD", "/bkt/k", Answer.of(200, "Etag", OURS, "X-Object-Version-Id", "1733620000.00000"));
        assertFalse(store(put(OURS, "1733610000.00000")));
        assertEquals(List.of("HEAD /bkt/k"), swift.requests(), "no POST");
    }

    @Test
    void ourVersionStillCurrentGetsThePost() {
        swift.on("HEAD", "/bkt/k", Answer.of(200, "Etag", "\"" + OURS + "\"",
                "X-Object-Version-Id", "1733610000.00000"));
        swift.on("POST", "/bkt/k", Answer.of(202));
        assertTrue(store(put(OURS, "1733610000.00000")));
        assertEquals(List.of("HEAD /bkt/k", "POST /bkt/k"), swift.requests());
    }
}
