package io.s3multi.s3.handler.object;

import io.s3multi.s3.error.S3Exception;
import io.s3multi.s3.multipart.SegmentFreeBuckets;
import io.s3multi.s3.operation.S3Failures;
import io.s3multi.swift.SwiftAccount;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Learns what a PutObject replaces ({@link ReplacedLargeObject#capture}) while the new body is already on its
 * way to Swift, instead of before it: the HEAD of the key then costs no time of its own.
 *
 * <p>The capture must see the old object, so it must finish before Swift can store the new one. Swift stores
 * an object only once it has its last byte, and the upload stream hands its final bytes to Swift only after the
 * body reported its end ({@code UploadStream}); {@link #holdEnd} makes the body report its end only once the
 * capture has answered. A capture that fails fails the body before its end, so Swift stores nothing and the
 * client gets the capture's S3 error, as if the HEAD had come first.
 *
 * <p>In a bucket this gateway knows to hold no multipart object and no versions ({@link SegmentFreeBuckets}) there is
 * nothing to learn and no HEAD is sent: the PutObject is one Swift request. Otherwise one PutObject per bucket at a
 * time also learns that, with a HEAD of the segments container beside the look at the key.
 *
 * <p>The wait happens on the thread that pushes the body into swift-client ({@code PushedUpload}), never on a
 * thread of the Swift client's own pool: a body that made one of those wait for another request of the same
 * client could be waiting on itself (it deadlocked while swift-client let Jetty pull request bodies).
 */
final class ReplacedObjectProbe {

    private static final ExecutorService PROBES = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "s3multi-replaced-object-probe");
        thread.setDaemon(true);
        return thread;
    });

    private final CompletableFuture<ReplacedLargeObject> capture;

    ReplacedObjectProbe(CompletableFuture<ReplacedLargeObject> capture) {
        this.capture = capture;
    }

    /**
     * Starts reading what {@code key} holds now, unless the bucket is known to hold no multipart object and to be
     * unversioned ({@link SegmentFreeBuckets}): then the write replaces no segments and writes no null version.
     */
    static ReplacedObjectProbe start(SwiftAccount swift, String bucket, String key) {
        SegmentFreeBuckets known = SegmentFreeBuckets.SHARED;
        if (known.segmentFree(swift, bucket)) {
            // Still trusted; near its end one PutObject asks again in the background, for the PutObjects after it.
            known.learn(swift, bucket, PROBES, () -> CompletableFuture.supplyAsync(
                    () -> ReplacedLargeObject.capture(swift, bucket, key).versioningConfigured(), PROBES));
            return none();
        }
        CompletableFuture<ReplacedLargeObject> capture =
                CompletableFuture.supplyAsync(() -> ReplacedLargeObject.capture(swift, bucket, key), PROBES);
        // Beside the look, at most one PutObject per bucket at a time learns whether the bucket holds segments.
        return new ReplacedObjectProbe(known.learn(swift, bucket, PROBES,
                        () -> capture.thenApply(ReplacedLargeObject::versioningConfigured))
                .map(lesson -> capture.thenCombine(lesson, (replaced, learnt) -> replaced))
                .orElse(capture));
    }

    /** A probe that has nothing to learn (a create-only write cannot replace anything). */
    static ReplacedObjectProbe none() {
        return new ReplacedObjectProbe(CompletableFuture.completedFuture(ReplacedLargeObject.none()));
    }

    /** Whether the capture has answered already (or there was none to make): nothing left to hold the end for. */
    boolean answered() {
        return capture.isDone() && !capture.isCompletedExceptionally();
    }

    /** {@code body}, whose end is reported only after the capture has answered (see the class comment). */
    InputStream holdEnd(InputStream body) {
        return new FilterInputStream(body) {
            @Override
            public int read() throws IOException {
                int value = super.read();
                if (value < 0) {
                    awaitCapture();
                }
                return value;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int count = super.read(buffer, offset, length);
                if (count < 0) {
                    awaitCapture();
                }
                return count;
            }
        };
    }

    /** What the write replaced; call after Swift stored the new object. */
    ReplacedLargeObject replaced() {
        try {
            return capture.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw S3Exception.internalError("interrupted while reading the replaced object", e);
        } catch (ExecutionException e) {
            throw asS3(e.getCause());
        }
    }

    private void awaitCapture() throws IOException {
        try {
            capture.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading the replaced object");
        } catch (ExecutionException e) {
            // Carried as the cause, the S3 error reaches the client (S3Failures.fromBodyFailure).
            throw new IOException("reading the replaced object failed", asS3(e.getCause()));
        }
    }

    private static S3Exception asS3(Throwable failure) {
        return failure instanceof S3Exception s3 ? s3
                : S3Exception.internalError("reading the replaced object failed: " + failure, failure);
    }
}
