package io.s3multi.webapp.s3.multipart;

import io.s3multi.swift.SwiftHeaders;
import io.s3multi.swift.error.SwiftHttpStatusException;
import io.s3multi.webapp.fault.FaultProxy;
import io.s3multi.webapp.s3.S3TestGateway;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.Part;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Parts in parallel, the same part twice at once, Complete twice at once, Complete racing Abort. */
class MultipartConcurrencyIT extends MultipartIntegrationTest {

    @Test
    void sixteenPartsInParallel() throws Exception {
        String bucket = bucket();
        String uploadId = s3().createMultipartUpload(b -> b.bucket(bucket).key("k")).uploadId();
        byte[][] parts = new byte[16][];
        List<Callable<CompletedPart>> uploads = new ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            int number = i + 1;
            parts[i] = randomBytes(MIN_PART_SIZE + i, 300 + i);
            uploads.add(() -> CompletedPart.builder().partNumber(number).eTag(s3().uploadPart(b -> b.bucket(bucket)
                    .key("k").uploadId(uploadId).partNumber(number), RequestBody.fromBytes(parts[number - 1])).eTag())
                    .build());
        }
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<CompletedPart> completed = new ArrayList<>();
        try {
            for (Future<CompletedPart> done : pool.invokeAll(uploads, 5, TimeUnit.MINUTES)) {
                completed.add(done.get(0, TimeUnit.SECONDS));   // done or cancelled: invokeAll waited
            }
        } finally {
            pool.shutdownNow();
        }
        String eTag = s3().completeMultipartUpload(b -> b.bucket(bucket).key("k").uploadId(uploadId)
                .multipartUpload(m -> m.parts(completed))).eTag();
        assertEquals(multipartEtag(parts), eTag);
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            all.write(part);
        }
        assertArrayEquals(all.toByteArray(), s3().getObjectAsBytes(b -> b.bucket(bucket).key("k")).asByteArray());
    }

    @Test
    void theSamePartTwiceAtOnceThenCompleteWithTheWinner() throws Exception {
        String bucket = bucket();
        String uploadId = s3().createMultipartUpload(b -> b.bucket(bucket).key("k")).uploadId();
        byte[] one = randomBytes(MIN_PART_SIZE, 1);
        byte[] two = randomBytes(MIN_PART_SIZE, 2);
        List<String> eTags = together(
                () -> s3().uploadPart(b -> b.bucket(bucket).key("k").uploadId(uploadId).partNumber(1),
                        RequestBody.fromBytes(one)).eTag(),
                () -> s3().uploadPart(b -> b.bucket(bucket).key("k").uploadId(uploadId).partNumber(1),
                        RequestBody.fromBytes(two)).eTag());
        List<Part> listed = s3().listParts(b -> b.bucket(bucket).key("k").uploadId(uploadId)).parts();
        assertEquals(1, listed.size());
        String winner = listed.get(0).eTag();
        assertTrue(eTags.contains(winner), eTags + " / " + winner);
        s3().completeMultipartUpload(b -> b.bucket(bucket).key("k").uploadId(uploadId)
                .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag(winner).build())));
        byte[] read = s3().getObjectAsBytes(b -> b.bucket(bucket).key("k")).asByteArray();
        assertArrayEquals(winner.equals("\"" + md5Hex(one) + "\"") ? one : two, read);
    }

    @Test
    void completeTwiceAtOnceGivesTheSameAnswer() throws Exception {
        String bucket = bucket();
        String uploadId = s3().createMultipartUpload(b -> b.bucket(bucket).key("k")).uploadId();
        byte[] body = randomBytes(1000, 4);
        String eTag = s3().uploadPart(b -> b.bucket(bucket).key("k").uploadId(uploadId).partNumber(1),
                RequestBody.fromBytes(body)).eTag();
        CompletedPart part = CompletedPart.builder().partNumber(1).eTag(eTag).build();
        Callable<String> complete = () -> s3().completeMultipartUpload(b -> b.bucket(bucket).key("k")
                .uploadId(uploadId).multipartUpload(m -> m.parts(part))).eTag();
        List<String> answers = together(complete, complete);
        assertEquals(List.of(multipartEtag(body), multipartEtag(body)), answers);
        assertEquals(List.of("parts/" + uploadId + "/00001"), withoutAttempts(segmentNames(bucket)));
    }

    /**
     * Complete and Abort of the same upload in one gateway at the same time, proven at a {@link FaultProxy}
     * ({@link FinisherRace}): released together, or one holding the finish lock while the other arrives. Exactly
     * one wins; the loser's answer says so; nothing is left of an aborted upload, and a completed one keeps
     * exactly its parts.
     */
    @Test
    void completeRacingAbortHasExactlyOneWinnerAndLeavesNoOrphan() throws Exception {
        String bucket = bucket();
        int completed = 0;
        try (FaultProxy proxy = FaultProxy.start(S3TestGateway.SWIFT_URL);
                S3TestGateway racing = startBehind(proxy)) {
            for (int round = 0; round < 24; round++) {
                String key = "race-" + round;
                String uploadId = s3().createMultipartUpload(b -> b.bucket(bucket).key(key)).uploadId();
                byte[] first = randomBytes(MIN_PART_SIZE, round);
                byte[] second = randomBytes(1000 + round, 100 + round);
                String eTag1 = s3().uploadPart(b -> b.bucket(bucket).key(key).uploadId(uploadId).partNumber(1),
                        RequestBody.fromBytes(first)).eTag();
                String eTag2 = s3().uploadPart(b -> b.bucket(bucket).key(key).uploadId(uploadId).partNumber(2),
                        RequestBody.fromBytes(second)).eTag();
                Callable<String> complete = () -> {
                    try {
                        return racing.s3().completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId)
                                .multipartUpload(m -> m.parts(
                                        CompletedPart.builder().partNumber(1).eTag(eTag1).build(),
                                        CompletedPart.builder().partNumber(2).eTag(eTag2).build())))
                                .eTag();
                    } catch (S3Exception e) {
                        return e.awsErrorDetails().errorCode();
                    }
                };
                Callable<String> abort = () -> {
                    try {
                        racing.s3().abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId));
                        return "aborted";
                    } catch (S3Exception e) {
                        return e.awsErrorDetails().errorCode();
                    }
                };
                FinisherRace.Order order = FinisherRace.Order.of(round);
                List<String> outcome = FinisherRace.run(proxy, uploadId, order, complete, abort);
                // One gateway's finish lock is exact: whoever took it first wins.
                if (order != FinisherRace.Order.TOGETHER) {
                    assertEquals(order == FinisherRace.Order.ABORT_FIRST, outcome.get(1).equals("aborted"),
                            order + ": " + outcome);
                }
                List<String> left = segmentsOfUpload(bucket, uploadId);
                if (outcome.get(1).equals("aborted")) {
                    assertEquals("NoSuchUpload", outcome.get(0), outcome.toString());
                    assertEquals(List.of(), left);
                    SwiftHttpStatusException missing = assertThrows(SwiftHttpStatusException.class,
                            () -> swift().objects().head(bucket, key, SwiftHeaders.empty()));
                    assertEquals(404, missing.status());
                } else {
                    completed++;
                    assertEquals(List.of(multipartEtag(first, second), "NoSuchUpload"), outcome);
                    assertEquals(List.of("parts/" + uploadId + "/00001", "parts/" + uploadId + "/00002"),
                            withoutAttempts(left));
                    assertEquals(left.stream().map(name -> bucket + "_segments/" + name).toList(),
                            MultipartIntegrationTestSupport.assertManifestSegmentsExist(swift(), bucket, key));
                    ByteArrayOutputStream whole = new ByteArrayOutputStream();
                    whole.write(first);
                    whole.write(second);
                    assertArrayEquals(whole.toByteArray(),
                            s3().getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray());
                }
            }
        }
        System.out.println("Complete won " + completed + " of 24 real races against Abort in one gateway");
    }

    /** Runs both at (nearly) the same moment; their results in order. */
    static List<String> together(Callable<String> first, Callable<String> second) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        try {
            Future<String> a = pool.submit(() -> {
                start.await();
                return first.call();
            });
            Future<String> b = pool.submit(() -> {
                start.await();
                return second.call();
            });
            start.countDown();
            return List.of(a.get(2, TimeUnit.MINUTES), b.get(2, TimeUnit.MINUTES));
        } finally {
            pool.shutdownNow();
        }
    }
}
