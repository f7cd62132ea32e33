package io.s3multi.s3.multipart;

import io.s3multi.s3.contract.ChecksumType;
import io.s3multi.s3.contract.PartAttempt;
import io.s3multi.s3.contract.SegmentsLayout;
import io.s3multi.s3.contract.StoredPart;
import io.s3multi.s3.contract.UploadId;
import io.s3multi.s3.contract.UploadInfo;
import io.s3multi.s3.error.S3Exception;
import io.s3multi.s3.integrity.DigestAlgorithm;
import io.s3multi.s3.integrity.MultipartChecksum;
import io.s3multi.s3.xml.documents.CompleteMultipartUpload;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CompletionPlanTest {

    private static final long MIN = 5;
    private static final UploadId ID = UploadId.newId(Instant.parse("2026-11-21T12:00:00Z"));
    private static final UploadInfo PLAIN = new UploadInfo("k", ID, null, Map.of(), Map.of(), Optional.empty(),
            null, "test:tester");

    private final Map<Integer, List<StoredPart>> stored = new HashMap<>();
    private final Map<Integer, byte[]> bodies = new HashMap<>();

    private void store(int number, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        bodies.put(number, bytes);
        String md5 = HexFormat.of().formatHex(DigestAlgorithm.MD5.digest(bytes));
        String crc = DigestAlgorithm.CRC32.toBase64(DigestAlgorithm.CRC32.digest(bytes));
        stored.computeIfAbsent(number, n -> new ArrayList<>()).add(new StoredPart(number,
                SegmentsLayout.part(ID, number, PartAttempt.begunAt(Instant.now())), md5, bytes.length, Instant.EPOCH,
                new StoredPart.PartChecksum(DigestAlgorithm.CRC32, crc)));
    }

    private StoredPart latest(int number) {
        List<StoredPart> attempts = stored.get(number);
        return attempts.get(attempts.size() - 1);
    }

    private CompleteMultipartUpload body(int... numbers) {
        CompleteMultipartUpload body = new CompleteMultipartUpload();
        for (int n : numbers) {
            StoredPart part = stored.containsKey(n) ? latest(n) : null;
            body.addPart(n, part == null ? "\"00000000000000000000000000000000\"" : "\"" + part.md5Hex() + "\"");
        }
        return body;
    }

    private String code(Runnable action) {
        return assertThrows(S3Exception.class, action::run).code().wireCode();
    }

    @Test
    void choosesTheNamedPartsAndComputesTheMultipartEtag() {
        store(1, "aaaaaa");
        store(2, "bbbbbbb");
        store(3, "cc");
        store(4, "skipped");
        CompletionPlan plan = CompletionPlan.check(body(1, 3).parts(), stored, MIN, PLAIN);
        assertEquals(List.of(1, 3), plan.parts().stream().map(StoredPart::number).toList());
        assertEquals(MultipartEtag.of(List.of(latest(1).md5Hex(), latest(3).md5Hex())), plan.eTag());
        assertTrue(plan.eTag().endsWith("-2"));
        assertTrue(plan.checksum().isEmpty());
    }

    @Test
    void emptyListIsMalformedXml() {
        assertEquals("MalformedXML", code(() -> CompletionPlan.check(List.of(), stored, MIN, PLAIN)));
    }

    @Test
    void decreasingNumbersAreInvalidPartOrder() {
        store(1, "aaaaaa");
        store(2, "bbbbbb");
        assertEquals("InvalidPartOrder", code(() -> CompletionPlan.check(body(2, 1).parts(), stored, MIN, PLAIN)));
        assertEquals("InvalidPartOrder", code(() -> CompletionPlan.check(body(1, 2, 2, 1).parts(), stored, MIN,
                PLAIN)));
    }

    @Test
    void aRepeatedNumberCountsOnceWithItsLastEntry() {
        store(1, "aaaaaa");
        store(2, "bbbbbb");
        CompleteMultipartUpload repeated = new CompleteMultipartUpload()
                .addPart(1, "\"0123456789abcdef0123456789abcdef\"")
                .addPart(1, latest(1).md5Hex())
                .addPart(2, latest(2).md5Hex())
                .addPart(2, latest(2).md5Hex());
        CompletionPlan plan = CompletionPlan.check(repeated.parts(), stored, MIN, PLAIN);
        assertEquals(List.of(latest(1), latest(2)), plan.parts());
        assertTrue(plan.eTag().endsWith("-2"), plan.eTag());
        CompleteMultipartUpload lastWrong = new CompleteMultipartUpload()
                .addPart(1, latest(1).md5Hex())
                .addPart(1, "\"0123456789abcdef0123456789abcdef\"");
        assertEquals("InvalidPart", code(() -> CompletionPlan.check(lastWrong.parts(), stored, MIN, PLAIN)));
    }

    @Test
    void missingPartOrWrongEtagIsInvalidPart() {
        store(1, "aaaaaa");
        assertEquals("InvalidPart", code(() -> CompletionPlan.check(body(1, 2).parts(), stored, MIN, PLAIN)));
        CompleteMultipartUpload wrong = new CompleteMultipartUpload()
                .addPart(1, "\"0123456789abcdef0123456789abcdef\"");
        assertEquals("InvalidPart", code(() -> CompletionPlan.check(wrong.parts(), stored, MIN, PLAIN)));
        CompleteMultipartUpload unquotedUpper = new CompleteMultipartUpload()
                .addPart(1, latest(1).md5Hex().toUpperCase());
        assertEquals(1, CompletionPlan.check(unquotedUpper.parts(), stored, MIN, PLAIN).parts().size());
    }

    @Test
    void outOfRangeNumberIsInvalidArgument() {
        store(1, "aaaaaa");
        CompleteMultipartUpload zero = new CompleteMultipartUpload().addPart(0, "\"x\"");
        assertEquals("InvalidArgument", code(() -> CompletionPlan.check(zero.parts(), stored, MIN, PLAIN)));
    }

    @Test
    void smallPartsButTheLastAreEntityTooSmall() {
        store(1, "aaaa");
        store(2, "bbbbbb");
        store(3, "c");
        assertEquals("EntityTooSmall", code(() -> CompletionPlan.check(body(1, 2).parts(), stored, MIN, PLAIN)));
        assertEquals(2, CompletionPlan.check(body(2, 3).parts(), stored, MIN, PLAIN).parts().size());
    }

    @Test
    void aPartChecksumThatDiffersIsInvalidPart() {
        store(1, "aaaaaa");
        CompleteMultipartUpload body = body(1);
        body.parts().get(0).checksum("CRC32", "AAAAAA==");
        assertEquals("InvalidPart", code(() -> CompletionPlan.check(body.parts(), stored, MIN, PLAIN)));
        CompleteMultipartUpload right = body(1);
        right.parts().get(0).checksum("CRC32", latest(1).checksum().base64());
        assertEquals(1, CompletionPlan.check(right.parts(), stored, MIN, PLAIN).parts().size());
    }

    @Test
    void compositeAndFullObjectChecksums() {
        store(1, "hello ");
        store(2, "world");
        UploadInfo composite = new UploadInfo("k", ID, null, Map.of(), Map.of(), Optional.of(DigestAlgorithm.CRC32),
                ChecksumType.COMPOSITE, "t");
        CompletionPlan plan = CompletionPlan.check(body(1, 2).parts(), stored, 1, composite);
        String expectedComposite = MultipartChecksum.composite(DigestAlgorithm.CRC32, List.of(
                DigestAlgorithm.CRC32.digest(bodies.get(1)), DigestAlgorithm.CRC32.digest(bodies.get(2))));
        assertEquals(expectedComposite, plan.checksum().orElseThrow().value());
        assertTrue(plan.checksum().orElseThrow().value().endsWith("-2"));

        UploadInfo full = new UploadInfo("k", ID, null, Map.of(), Map.of(), Optional.of(DigestAlgorithm.CRC32),
                ChecksumType.FULL_OBJECT, "t");
        // FULL_OBJECT is the CRC of the whole object's bytes.
        String whole = DigestAlgorithm.CRC32.toBase64(
                DigestAlgorithm.CRC32.digest("hello world".getBytes(StandardCharsets.UTF_8)));
        assertEquals(whole, CompletionPlan.check(body(1, 2).parts(), stored, 1, full).checksum().orElseThrow().value());

        UploadInfo sha = new UploadInfo("k", ID, null, Map.of(), Map.of(), Optional.of(DigestAlgorithm.SHA256),
                ChecksumType.COMPOSITE, "t");
        assertEquals("InvalidPart", code(() -> CompletionPlan.check(body(1, 2).parts(), stored, 1, sha)));
    }

    @Test
    void choosesTheAttemptTheClientNamedAndTheLatestOfEqualOnes() {
        store(1, "first attempt");
        store(1, "second attempt");
        store(1, "first attempt");
        store(2, "x");
        StoredPart named = stored.get(1).get(0);
        CompleteMultipartUpload body = new CompleteMultipartUpload().addPart(1, named.md5Hex()).addPart(2,
                latest(2).md5Hex());
        CompletionPlan plan = CompletionPlan.check(body.parts(), stored, 1, PLAIN);
        assertEquals(stored.get(1).get(2).segment(), plan.parts().get(0).segment(), "the latest of the equal ones");
        CompleteMultipartUpload second = new CompleteMultipartUpload().addPart(1, stored.get(1).get(1).md5Hex());
        assertEquals(stored.get(1).get(1).segment(),
                CompletionPlan.check(second.parts(), stored, 1, PLAIN).parts().get(0).segment());
    }
}
