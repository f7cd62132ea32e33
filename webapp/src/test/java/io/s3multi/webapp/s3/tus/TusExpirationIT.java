package io.s3multi.webapp.s3.tus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.s3multi.webapp.s3.S3TestGateway;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The expiration extension: Upload-Expires, and 410 once it has passed. */
class TusExpirationIT {

    @Test
    void anExpiredUploadIsGone() throws Exception {
        Properties configuration = TusHttp.configuration();
        configuration.setProperty("filter.tus.expiration", "1");
        String bucket = S3TestGateway.uniqueBucket();
        try (var gateway = S3TestGateway.start(configuration)) {
            try {
                gateway.s3().createBucket(b -> b.bucket(bucket));
                var tus = new TusHttp(gateway.endpoint());
                Instant before = Instant.now().minusSeconds(1);
                var created = tus.createSigned(bucket, TusHttp.headers("Tus-Resumable", "1.0.0", "Upload-Length",
                        "4"), new byte[0]);
                assertEquals(201, created.statusCode());
                String url = TusHttp.header(created, "Location");
                Instant expires = ZonedDateTime.parse(TusHttp.header(created, "Upload-Expires"),
                        DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                assertTrue(expires.isAfter(before), expires.toString());

                // waiting for the time itself to pass Upload-Expires
                while (!Instant.now().isAfter(expires.plusMillis(100))) {
                    Thread.sleep(50);
                }
                assertEquals(410, tus.head(url).statusCode());
                assertEquals(410, tus.patch(url, 0, "abcd".getBytes(StandardCharsets.UTF_8)).statusCode());
                // terminating it still works (and leaves nothing but the abort's trace, for the sweeper)
                assertEquals(204, tus.request("DELETE", url, Map.of(), null).statusCode());
                var left = S3TestGateway.objectNames(gateway.swift(), bucket + "_segments");
                assertTrue(left.stream().allMatch(name -> name.startsWith("aborts/")), left::toString);
            } finally {
                gateway.deleteBucketDirectly(bucket);
            }
        }
    }
}
