package io.s3multi.webapp.s3.tus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.s3multi.webapp.s3.S3TestGateway;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two PATCHes of one upload at once through two gateways in front of the same Swift (tus-js-client on a phone
 * and the same upload resumed from a laptop, say, or a retry that a load balancer sent elsewhere while the first
 * request still ran): the second is refused with 423 while the first writes, the first wins, and the object is its
 * bytes only. A lock held in one gateway's memory (tusd's) lets both through.
 */
class TusPatchRaceIT {

    private S3TestGateway first;
    private S3TestGateway second;
    private String bucket;

    @BeforeEach
    void start() throws Exception {
        first = S3TestGateway.start(TusHttp.configuration());
        second = S3TestGateway.start(TusHttp.configuration());
        bucket = S3TestGateway.uniqueBucket();
        first.s3().createBucket(b -> b.bucket(bucket));
    }

    @AfterEach
    void stop() throws Exception {
        first.deleteBucketDirectly(bucket);
        first.close();
        second.close();
    }

    @Test
    void aSecondPatchThroughAnotherGatewayWhileTheFirstWritesIsRefusedAndTheFirstWins() throws Exception {
        int piece = 1 << 20;
        byte[] bytes = new byte[2 * piece + 8];
        new Random(18).nextBytes(bytes);
        byte[] others = new byte[bytes.length - piece];
        new Random(81).nextBytes(others);
        TusHttp tus = new TusHttp(first.endpoint());
        String url = tus.create(bucket, bytes.length, TusHttp.headers("Upload-Metadata",
                "filename " + Base64.getEncoder().encodeToString("raced".getBytes(StandardCharsets.UTF_8))));
        URI target = URI.create(url);
        String atSecond = second.endpoint() + target.getRawPath();
        try (Socket patch = new Socket("127.0.0.1", target.getPort())) {
            patch.setSoTimeout(60_000);
            OutputStream out = patch.getOutputStream();
            out.write(("PATCH " + target.getRawPath() + " HTTP/1.1\r\nHost: 127.0.0.1\r\nTus-Resumable: 1.0.0\r\n"
                    + "Content-Type: application/offset+octet-stream\r\nUpload-Offset: 0\r\n"
                    + "Content-Length: " + bytes.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(bytes, 0, piece + 4);
            out.flush();
            // Once its first piece is stored, the first PATCH is certainly at work on the second one.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (TusHttp.offset(tus.head(url)) < piece) {
                assertTrue(System.nanoTime() < deadline, "the first piece never showed");
                Thread.onSpinWait();
            }

            HttpResponse<String> raced = new TusHttp(second.endpoint()).patch(atSecond, piece, others);
            assertTrue(List.of(409, 423).contains(raced.statusCode()), raced.statusCode() + " " + raced.body());

            out.write(bytes, piece + 4, bytes.length - piece - 4);
            out.flush();
            assertEquals("HTTP/1.1 204", new String(patch.getInputStream().readNBytes(12), StandardCharsets.US_ASCII));
        }
        assertArrayEquals(bytes, first.s3().getObjectAsBytes(b -> b.bucket(bucket).key("raced")).asByteArray());
        assertArrayEquals(bytes, second.s3().getObjectAsBytes(b -> b.bucket(bucket).key("raced")).asByteArray());
        List<String> stored = S3TestGateway.objectNames(first.swift(), bucket + "_segments");
        assertEquals(3, stored.size(), String.valueOf(stored));
    }
}
