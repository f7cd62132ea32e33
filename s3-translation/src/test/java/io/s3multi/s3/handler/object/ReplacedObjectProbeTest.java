package io.s3multi.s3.handler.object;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.s3multi.s3.error.S3Exception;
import io.s3multi.s3.operation.S3Failures;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class ReplacedObjectProbeTest {

    private static final byte[] BODY = "the new object".getBytes(StandardCharsets.UTF_8);

    @Test
    void theBodysBytesPassButItsEndWaitsForTheCapture() throws Exception {
        CompletableFuture<ReplacedLargeObject> capture = new CompletableFuture<>();
        InputStream body = new ReplacedObjectProbe(capture).holdEnd(new ByteArrayInputStream(BODY));
        byte[] read = new byte[BODY.length];
        assertEquals(BODY.length, body.readNBytes(read, 0, read.length));
        assertArrayEquals(BODY, read);

        CountDownLatch ended = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try {
                if (body.read() < 0) {
                    ended.countDown();
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        reader.start();
        assertFalse(ended.await(200, TimeUnit.MILLISECONDS), "the end was reported before the capture answered");
        capture.complete(ReplacedLargeObject.none());
        assertTrue(ended.await(5, TimeUnit.SECONDS), "the end was not reported once the capture answered");
        reader.join(5_000);
        assertFalse(reader.isAlive(), "the reader finished");
    }

    @Test
    void aFailedCaptureFailsTheBodyAtItsEndWithTheCapturesS3Error() {
        S3Exception denied = S3Exception.internalError("HEAD refused");
        InputStream body = new ReplacedObjectProbe(CompletableFuture.failedFuture(denied))
                .holdEnd(new ByteArrayInputStream(BODY));
        IOException failure = assertThrows(IOException.class, () -> body.readAllBytes());
        assertSame(denied, failure.getCause());
        assertSame(denied, S3Failures.fromBodyFailure(failure));
    }

    @Test
    void theReplacedObjectIsWhatTheCaptureFound() {
        ReplacedLargeObject nothing = ReplacedLargeObject.none();
        assertSame(nothing, new ReplacedObjectProbe(CompletableFuture.completedFuture(nothing)).replaced());
        assertSame(nothing, ReplacedObjectProbe.none().replaced());
    }

    @Test
    void singleByteReadsWaitForTheCaptureToo() throws Exception {
        S3Exception denied = S3Exception.internalError("HEAD refused");
        InputStream body = new ReplacedObjectProbe(CompletableFuture.failedFuture(denied))
                .holdEnd(new ByteArrayInputStream(new byte[1]));
        assertEquals(0, body.read());
        assertThrows(IOException.class, body::read);
    }
}
