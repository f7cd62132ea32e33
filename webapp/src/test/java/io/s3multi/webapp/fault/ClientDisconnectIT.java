package io.s3multi.webapp.fault;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.s3multi.webapp.s3.PatternStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * The S3 client goes away in the middle of a request (its connection reset after part of the body, or in the
 * middle of a download): the gateway abandons its Swift request at once instead of holding it until a timeout,
 * Swift keeps nothing of the cut-off upload, and the upload can still be completed.
 */
class ClientDisconnectIT extends FaultInjectionTest {

    private static final long SIZE = 4L * 1024 * 1024;
    private static final long SENT = 1024 * 1024 + 100;
    /** Far below every timeout involved (Swift client 60 s, Jetty's idle timeout 30 s). */
    private static final Duration PROMPTLY = Duration.ofSeconds(15);

    @Test
    void aClientGoneMidPartLeavesNoSegmentAndTheUploadCompletes() throws Exception {
        String bucket = bucket();
        String uploadId = s3().createMultipartUpload(b -> b.bucket(bucket).key("k")).uploadId();
        Hold watch = watch(segments("PUT", bucket));
        sendPartOfUploadThenReset(presignedUploadPart(bucket, "k", uploadId, 1));
        assertTrue(watch.awaitEnded(PROMPTLY), "the gateway still sends the part to Swift");
        List<String> segments = segmentNames(bucket);
        assertTrue(segments.stream().noneMatch(name -> name.startsWith("parts/")), segments::toString);
        assertTrue(s3().listParts(b -> b.bucket(bucket).key("k").uploadId(uploadId)).parts().isEmpty());

        CompletedPart part = uploadPart(bucket, "k", uploadId, 1, MIN_PART_SIZE);
        s3().completeMultipartUpload(b -> b.bucket(bucket).key("k").uploadId(uploadId)
                .multipartUpload(u -> u.parts(part)));
        assertArrayEquals(patternBytes(MIN_PART_SIZE, 1),
                s3().getObjectAsBytes(b -> b.bucket(bucket).key("k")).asByteArray());
    }

    @Test
    void aClientGoneMidPutObjectStoresNothing() throws Exception {
        String bucket = bucket();
        Hold watch = watch(object("PUT", bucket, "k"));
        sendPartOfUploadThenReset(presignedPut(bucket, "k"));
        assertTrue(watch.awaitEnded(PROMPTLY), "the gateway still sends the object to Swift");
        assertFalse(swiftHolds(bucket, "k"));
    }

    @Test
    void aClientGoneMidDownloadEndsTheSwiftDownload() throws Exception {
        String bucket = bucket();
        s3().putObject(b -> b.bucket(bucket).key("k"), pattern(8 * SIZE, 3));
        Hold watch = watch(object("GET", bucket, "k"));
        URL url = presignedGet(bucket, "k");
        try (var socket = new Socket(url.getHost(), url.getPort())) {
            socket.setSoTimeout((int) PROMPTLY.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + url.getFile() + " HTTP/1.1\r\nHost: " + url.getHost() + ":" + url.getPort()
                    + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            in.readNBytes(256 * 1024);
            socket.setSoLinger(true, 0);
        }
        assertTrue(watch.awaitEnded(PROMPTLY), "the gateway still reads the object from Swift");
        assertEquals(200, watch.awaitSwiftStatus(Duration.ZERO));
        assertArrayEquals(patternBytes(8 * SIZE, 3),
                s3().getObjectAsBytes(b -> b.bucket(bucket).key("k")).asByteArray());
    }

    /** A hold released from the start: it lets the request through and tells when its exchange ended. */
    private static Hold watch(java.util.function.Predicate<SwiftRequest> match) {
        Hold watch = proxy().when(match).times(1).then(Fault.hold());
        watch.release();
        return watch;
    }

    /** Announces {@link #SIZE} bytes, sends {@link #SENT}, then resets the connection. */
    private static void sendPartOfUploadThenReset(URL presigned) throws IOException {
        try (var socket = new Socket(presigned.getHost(), presigned.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("PUT " + presigned.getFile() + " HTTP/1.1\r\nHost: " + presigned.getHost() + ":"
                    + presigned.getPort() + "\r\nContent-Length: " + SIZE + "\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            try (InputStream body = new PatternStream(SENT)) {
                body.transferTo(out);
            }
            out.flush();
            socket.setSoLinger(true, 0);
        }
    }
}
