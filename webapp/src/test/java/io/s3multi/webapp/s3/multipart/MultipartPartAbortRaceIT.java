package io.s3multi.webapp.s3.multipart;

import io.s3multi.swift.SwiftHeaders;
import io.s3multi.swift.error.SwiftHttpStatusException;
import io.s3multi.webapp.fault.Fault;
import io.s3multi.webapp.fault.FaultProxy;
import io.s3multi.webapp.fault.Hold;
import io.s3multi.webapp.fault.SwiftRequest;
import io.s3multi.webapp.s3.S3TestGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.SequenceInputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * UploadPart racing AbortMultipartUpload, each race forced with a {@link FaultProxy} between the gateway and the
 * real Swift (or a client body that waits), so that both requests are in flight at once: the part's segment PUT
 * held until Abort has answered, the part's body stopped half-way while Abort runs, Abort held at its marking of
 * the marker (the POST that closes the upload) while a whole UploadPart goes through. Every time Abort answers 204,
 * the part's answer agrees with what Swift keeps, and nothing of the upload is left in {@code <bucket>_segments}.
 */
class MultipartPartAbortRaceIT extends MultipartIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static FaultProxy proxy;
    private static S3TestGateway racing;

    @BeforeAll
    static void startAGatewayBehindAProxy() throws Exception {
        proxy = FaultProxy.start(S3TestGateway.SWIFT_URL);
        racing = startBehind(proxy);
    }

    @AfterAll
    static void stopIt() throws Exception {
        racing.close();
        proxy.close();
    }

    @AfterEach
    void forwardEverything() {
        proxy.clearRules();
    }

    @Test
    void aPartWhoseSegmentReachesSwiftAfterAbortAnsweredIsNoSuchUploadAndLeavesNothing() throws Exception {
        String bucket = bucket();
        String uploadId = racing.s3().createMultipartUpload(b -> b.bucket(bucket).key("k")).uploadId();
        Hold segmentPut = proxy.when(r -> isPartPut(r, bucket, uploadId)).times(1).then(Fault.hold());
        CompletableFuture<String> part = CompletableFuture.supplyAsync(() -> uploadPart(bucket, uploadId,
                RequestBody.fromBytes(randomBytes(256 * 1024, 1))));
        assertTrue(segmentPut.awaitHeld(WAIT), "the part's segment PUT reached the proxy: " + proxy.log());

        abortWhileInFlight(bucket, uploadId, part);
        segmentPut.release();

        assertEquals(201, segmentPut.awaitSwiftStatus(WAIT), "the segment was stored after the Abort");
        assertEquals("NoSuchUpload", part.get(WAIT.toSeconds(), TimeUnit.SECONDS));
        assertNothingLeft(bucket, uploadId);
    }

    @Test
    void aPartWhoseBodyIsStillComingWhileAbortRunsIsNoSuchUploadAndLeavesNothing() throws Exception {
        String bucket = bucket();
        String uploadId = racing.s3().createMultipartUpload(b -> b.bucket(bucket).key("k")).uploadId();
        // Released at once: it only tells when the segment PUT has started towards Swift.
        Hold segmentPut = proxy.when(r -> isPartPut(r, bucket, uploadId)).times(1).then(Fault.hold());
        segmentPut.release();
        byte[] body = randomBytes(2 * MIN_PART_SIZE, 2);
        GatedBody gated = new GatedBody(body, body.length / 2);
        CompletableFuture<String> part = CompletableFuture.supplyAsync(() -> uploadPart(bucket, uploadId,
                RequestBody.fromContentProvider(gated, body.length, "application/octet-stream")));
        assertTrue(gated.awaitHalfSent(WAIT), "the client sent half of the body");
        assertTrue(segmentPut.awaitHeld(WAIT), "the segment PUT is on its way to Swift: " + proxy.log());

        abortWhileInFlight(bucket, uploadId, part);
        gated.open();

        assertEquals("NoSuchUpload", part.get(WAIT.toSeconds(), TimeUnit.SECONDS));
        assertEquals(201, segmentPut.awaitSwiftStatus(WAIT), "the segment was stored after the Abort");
        assertNothingLeft(bucket, uploadId);
    }

    @Test
    void aPartStoredWhileAbortIsAtWorkIsDeletedByTheAbort() throws Exception {
        String bucket = bucket();
        String uploadId = racing.s3().createMultipartUpload(b -> b.bucket(bucket).key("k")).uploadId();
        // The abort's first step that closes the upload: the marker marked aborted.
        Hold markerClosed = proxy.when(r -> r.method().equals("POST") && r.isSegment()
                && r.path().contains("/uploads/") && r.path().endsWith(uploadId)).times(1).then(Fault.hold());
        CompletableFuture<Void> abort = CompletableFuture.runAsync(
                () -> racing.s3().abortMultipartUpload(b -> b.bucket(bucket).key("k").uploadId(uploadId)));
        assertTrue(markerClosed.awaitHeld(WAIT), "Abort is at work: " + proxy.log());

        byte[] body = randomBytes(100 * 1024, 3);
        String eTag = uploadPart(bucket, uploadId, RequestBody.fromBytes(body));
        assertEquals("\"" + md5Hex(body) + "\"", eTag, "the part went through while Abort was held");
        assertFalse(abort.isDone(), "Abort was still in flight when UploadPart answered");
        assertEquals(1, segmentNames(bucket).stream().filter(n -> n.startsWith("parts/" + uploadId)).count());
        markerClosed.release();

        abort.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertEquals(202, markerClosed.awaitSwiftStatus(WAIT));
        assertNothingLeft(bucket, uploadId);
        assertEquals("NoSuchUpload", uploadPart(bucket, uploadId, RequestBody.fromBytes(body)));
        assertNothingLeft(bucket, uploadId);
    }

    /** Aborts (which answers 204) while {@code part} is still waiting for its answer. */
    private static void abortWhileInFlight(String bucket, String uploadId, CompletableFuture<String> part) {
        racing.s3().abortMultipartUpload(b -> b.bucket(bucket).key("k").uploadId(uploadId));
        assertFalse(part.isDone(), "UploadPart was still in flight when Abort answered");
    }

    /** The part's ETag, or the S3 error code it got. */
    private static String uploadPart(String bucket, String uploadId, RequestBody body) {
        try {
            return racing.s3().uploadPart(b -> b.bucket(bucket).key("k").uploadId(uploadId).partNumber(1), body).eTag();
        } catch (S3Exception e) {
            return e.awsErrorDetails().errorCode();
        }
    }

    private static boolean isPartPut(SwiftRequest request, String bucket, String uploadId) {
        return request.method().equals("PUT")
                && request.path().contains("/" + bucket + "_segments/parts/" + uploadId + "/");
    }

    /** No marker, part, sub-manifest nor claim of the upload in Swift (an abort's trace aside), no object at the key. */
    private static void assertNothingLeft(String bucket, String uploadId) throws Exception {
        assertEquals(List.of(), segmentsOfUpload(bucket, uploadId), "nothing but the abort's trace");
        SwiftHttpStatusException missing = assertThrows(SwiftHttpStatusException.class,
                () -> swift().objects().head(bucket, "k", SwiftHeaders.empty()));
        assertEquals(404, missing.status());
    }

    /** A body whose stream stops after {@code gateAt} bytes until {@link #open()}; says when it got there. */
    private static final class GatedBody implements ContentStreamProvider {

        private final byte[] body;
        private final int gateAt;
        private final CountDownLatch halfSent = new CountDownLatch(1);
        private final CountDownLatch opened = new CountDownLatch(1);

        GatedBody(byte[] body, int gateAt) {
            this.body = body;
            this.gateAt = gateAt;
        }

        boolean awaitHalfSent(Duration timeout) throws InterruptedException {
            return halfSent.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }

        void open() {
            opened.countDown();
        }

        @Override
        public InputStream newStream() {
            InputStream gate = new InputStream() {
                @Override
                public int read() throws IOException {
                    halfSent.countDown();
                    try {
                        if (!opened.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                            throw new IOException("the test never opened the gate");
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new InterruptedIOException();
                    }
                    return -1;
                }
            };
            return new SequenceInputStream(new ByteArrayInputStream(body, 0, gateAt), new SequenceInputStream(gate,
                    new ByteArrayInputStream(body, gateAt, body.length - gateAt)));
        }
    }
}
