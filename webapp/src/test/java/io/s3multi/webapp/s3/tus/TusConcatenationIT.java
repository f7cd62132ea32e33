package io.s3multi.webapp.s3.tus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.s3multi.webapp.fault.FaultProxy;
import io.s3multi.webapp.s3.S3TestGateway;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The concatenation extension: three partial uploads become one final object inside Swift. The gateway talks to
 * Swift through a {@link FaultProxy} that counts the bytes: the concatenation sends far fewer than the object has.
 */
class TusConcatenationIT {

    @Test
    void threePartialsBecomeOneObjectWithoutTheirBytesCrossingTheGateway() throws Exception {
        String bucket = S3TestGateway.uniqueBucket();
        try (var proxy = FaultProxy.start(S3TestGateway.SWIFT_URL)) {
            Properties configuration = proxy.gatewayConfiguration();
            Properties tus = TusHttp.configuration();
            configuration.setProperty("pipeline", tus.getProperty("pipeline"));
            configuration.setProperty("filter.tus.swift_url", proxy.url());
            configuration.setProperty("filter.tus.piece_size", tus.getProperty("filter.tus.piece_size"));
            try (var gateway = S3TestGateway.start(configuration)) {
                try {
                    concatenate(gateway, proxy, bucket);
                } finally {
                    gateway.deleteBucketDirectly(bucket);
                }
            }
        }
    }

    private static void concatenate(S3TestGateway gateway, FaultProxy proxy, String bucket) throws Exception {
        gateway.s3().createBucket(b -> b.bucket(bucket));
        var client = new TusHttp(gateway.endpoint());
        byte[] whole = new byte[3 << 20];
        new Random(3).nextBytes(whole);
        List<String> partials = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            byte[] part = Arrays.copyOfRange(whole, i << 20, (i + 1) << 20);
            String url = client.create(bucket, part.length, TusHttp.headers("Upload-Concat", "partial"));
            assertEquals("partial", TusHttp.header(client.head(url), "Upload-Concat"));
            assertEquals(204, client.patch(url, 0, part).statusCode());
            partials.add(url);
        }
        // a finished partial upload is not published
        assertEquals(3, S3TestGateway.objectNames(gateway.swift(), bucket + "_segments").stream()
                .filter(name -> name.startsWith("uploads/")).count());

        long before = proxy.bytesToSwift() + proxy.bytesFromSwift();
        HttpResponse<String> finalUpload = client.createSigned(bucket, TusHttp.headers("Tus-Resumable", "1.0.0",
                "Upload-Concat", "final;" + String.join(" ", partials),
                "Upload-Metadata", "filename " + Base64.getEncoder().encodeToString(
                        "joined.bin".getBytes(StandardCharsets.UTF_8))), new byte[0]);
        long crossed = proxy.bytesToSwift() + proxy.bytesFromSwift() - before;

        assertEquals(201, finalUpload.statusCode(), finalUpload.body());
        assertTrue(crossed < whole.length / 10, "bytes exchanged with Swift during the concatenation: " + crossed);
        assertArrayEquals(whole, gateway.s3().getObjectAsBytes(b -> b.bucket(bucket).key("joined.bin"))
                .asByteArray());
        HttpResponse<String> head = client.head(TusHttp.header(finalUpload, "Location"));
        assertEquals(whole.length, TusHttp.offset(head));
        for (String partial : partials) {
            assertEquals(404, client.head(partial).statusCode());
        }
        // the final object's three segments, nothing of the partial uploads but their ends' abort traces
        List<String> stored = S3TestGateway.segmentsBesidesAbortTraces(gateway.swift(), bucket);
        assertEquals(3, stored.size(), String.valueOf(stored));
    }
}
