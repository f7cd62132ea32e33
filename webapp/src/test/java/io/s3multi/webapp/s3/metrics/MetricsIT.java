package io.s3multi.webapp.s3.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.s3multi.swift.http.SwiftTraffic;
import io.s3multi.webapp.s3.S3TestGateway;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The metrics listener of the embedded launcher, read as Prometheus would after a known sequence of S3 requests
 * (AWS SDK v2 defaults) against a fresh gateway: exact counts per operation and status, the body bytes that moved,
 * the Swift requests of a HeadObject, the net open multipart uploads; readers not allowed are refused; the S3 port
 * never serves metrics.
 */
class MetricsIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String TOKEN = "scrape-me";

    private static S3TestGateway start(String... keyValues) throws Exception {
        Properties properties = S3TestGateway.configuration();
        properties.setProperty("metrics.port", "0");
        for (int i = 0; i < keyValues.length; i += 2) {
            properties.setProperty(keyValues[i], keyValues[i + 1]);
        }
        return S3TestGateway.start(properties);
    }

    private static HttpResponse<String> get(URI uri, String... headers) throws Exception {
        var request = HttpRequest.newBuilder(uri).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI metricsUri(S3TestGateway gateway) {
        return gateway.server().metricsUri().orElseThrow();
    }

    /** The samples of the scrape whose names start with {@code prefix}, as line -> value. */
    private static Map<String, Double> samples(S3TestGateway gateway, String prefix) throws Exception {
        HttpResponse<String> scrape = get(metricsUri(gateway), "Authorization", "Bearer " + TOKEN);
        assertEquals(200, scrape.statusCode(), scrape.body());
        var samples = new TreeMap<String, Double>();
        scrape.body().lines().filter(line -> line.startsWith(prefix)).forEach(line -> {
            int space = line.lastIndexOf(' ');
            samples.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
        });
        return samples;
    }

    /** Records the Content-Length of each request the SDK sends: the bytes the gateway will read. */
    private static final class SentLengths implements ExecutionInterceptor {
        final List<Long> lengths = new CopyOnWriteArrayList<>();

        @Override
        public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
            context.httpRequest().firstMatchingHeader("Content-Length")
                    .ifPresent(length -> lengths.add(Long.parseLong(length)));
        }
    }

    @Test
    void aKnownSequenceOfRequestsIsCountedExactly() throws Exception {
        // Without background work, and with the caches the sequence warms kept warm however slow the machine, the
        // Swift requests counted between two samples are those of the request sent between them, and only those. At
        // the default TTLs a HeadObject more than 10 s (lifecycle) and 5 s (access) after the bucket was last looked
        // at reads the bucket's record in the registry again: one GET of the registry's listing, through the same
        // counted Swift client (seen this session when the sequence took 11 s under load, and made to happen with
        // both TTLs at 1 s and a pause before the sample).
        try (S3TestGateway gateway = start("metrics.token", TOKEN, "filter.s3api.worker", "off",
                "filter.s3api.lifecycle_cache_ttl", "3600", "filter.s3api.access_cache_ttl", "3600")) {
            String bucket = S3TestGateway.uniqueBucket();
            var sent = new SentLengths();
            S3Client s3 = gateway.s3(S3TestGateway.TESTER, S3TestGateway.TESTER_KEY,
                    builder -> builder.overrideConfiguration(c -> c.addExecutionInterceptor(sent)));
            byte[] body = new byte[1000];
            for (int i = 0; i < body.length; i++) {
                body[i] = (byte) (i * 7);
            }
            try {
                s3.createBucket(b -> b.bucket(bucket));
                sent.lengths.clear();
                s3.putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromBytes(body));
                long putBytes = sent.lengths.get(0);
                assertArrayEquals(body, s3.getObjectAsBytes(b -> b.bucket(bucket).key("k")).asByteArray());
                s3.headObject(b -> b.bucket(bucket).key("k"));
                assertEquals(404, assertThrows(S3Exception.class,
                        () -> s3.headObject(b -> b.bucket(bucket).key("missing"))).statusCode());
                s3.listObjectsV2(b -> b.bucket(bucket));
                String open = s3.createMultipartUpload(b -> b.bucket(bucket).key("m")).uploadId();
                String aborted = s3.createMultipartUpload(b -> b.bucket(bucket).key("n")).uploadId();
                s3.abortMultipartUpload(b -> b.bucket(bucket).key("n").uploadId(aborted));

                // Every Swift request of this JVM between the samples, to name one that should not be there.
                List<SwiftTraffic.Sent> between = new CopyOnWriteArrayList<>();
                Map<String, Double> before;
                Map<String, Double> after;
                try (SwiftTraffic.Registration ignored = SwiftTraffic.observe(between::add)) {
                    before = samples(gateway, "s3multi_swift_requests_total");
                    s3.headObject(b -> b.bucket(bucket).key("k"));
                    after = samples(gateway, "s3multi_swift_requests_total");
                }

                s3.abortMultipartUpload(b -> b.bucket(bucket).key("m").uploadId(open));
                s3.deleteObject(b -> b.bucket(bucket).key("k"));
                s3.deleteBucket(b -> b.bucket(bucket));

                Map<String, Double> requests = samples(gateway, "s3multi_s3_requests_total");
                assertEquals(Map.ofEntries(
                        Map.entry(op("CreateBucket", 200), 1.0),
                        Map.entry(op("PutObject", 200), 1.0),
                        Map.entry(op("GetObject", 200), 1.0),
                        Map.entry(op("HeadObject", 200), 2.0),
                        Map.entry(op("HeadObject", 404), 1.0),
                        Map.entry(op("ListObjectsV2", 200), 1.0),
                        Map.entry(op("CreateMultipartUpload", 200), 2.0),
                        Map.entry(op("AbortMultipartUpload", 204), 2.0),
                        Map.entry(op("DeleteObject", 204), 1.0),
                        Map.entry(op("DeleteBucket", 204), 1.0)), requests);

                Map<String, Double> bytes = samples(gateway, "s3multi_s3_");
                assertTrue(putBytes > body.length, "aws-chunked framing is counted as it arrived: " + putBytes);
                assertEquals((double) putBytes, bytes.get("s3multi_s3_received_bytes_total{operation=\"PutObject\"}"));
                assertEquals(1000.0, bytes.get("s3multi_s3_sent_bytes_total{operation=\"GetObject\"}"));
                assertEquals(0.0, bytes.get("s3multi_s3_sent_bytes_total{operation=\"HeadObject\"}"),
                        "HEAD answers carry no body");
                assertEquals(3.0, bytes.get("s3multi_s3_request_duration_seconds_count{operation=\"HeadObject\"}"));

                // A HeadObject of an object the gateway has seen: one HEAD of the object in Swift, nothing else.
                assertEquals(Map.of("s3multi_swift_requests_total{method=\"HEAD\",status=\"200\"}", 1.0),
                        difference(before, after), "Swift requests sent in this JVM meanwhile: " + between);
                assertEquals(0.0, samples(gateway, "s3multi_multipart_uploads_open").values().iterator().next());
            } finally {
                gateway.deleteBucketDirectly(bucket);
            }
        }
    }

    private static String op(String operation, int status) {
        return "s3multi_s3_requests_total{operation=\"" + operation + "\",status=\"" + status + "\"}";
    }

    private static Map<String, Double> difference(Map<String, Double> before, Map<String, Double> after) {
        var changed = new TreeMap<String, Double>();
        after.forEach((name, value) -> {
            double delta = value - before.getOrDefault(name, 0.0);
            if (delta != 0) {
                changed.put(name, delta);
            }
        });
        return changed;
    }

    @Test
    void readersWithoutTheTokenOrFromOtherAddressesAreRefused() throws Exception {
        try (S3TestGateway gateway = start("metrics.token", TOKEN)) {
            HttpResponse<String> noToken = get(metricsUri(gateway));
            assertEquals(401, noToken.statusCode());
            assertFalse(noToken.body().contains("s3multi_"), noToken.body());
            assertEquals(401, get(metricsUri(gateway), "Authorization", "Bearer wrong").statusCode());
            assertEquals(404, get(metricsUri(gateway).resolve("/other"), "Authorization", "Bearer " + TOKEN)
                    .statusCode());
            assertEquals(200, get(metricsUri(gateway), "Authorization", "Bearer " + TOKEN).statusCode());
        }
        try (S3TestGateway gateway = start("metrics.allow", "192.0.2.0/24")) {
            HttpResponse<String> elsewhere = get(metricsUri(gateway));
            assertEquals(403, elsewhere.statusCode());
            assertFalse(elsewhere.body().contains("s3multi_"), elsewhere.body());
        }
    }

    @Test
    void theS3PortNeverServesMetrics() throws Exception {
        try (S3TestGateway gateway = start()) {
            for (String path : List.of("/metrics", "/_metrics")) {
                HttpResponse<String> answer = get(gateway.uri(path));
                assertTrue(answer.body().startsWith("<?xml") && answer.body().contains("<Error>"),
                        path + " on the S3 port is an S3 request: " + answer.body());
                assertFalse(answer.body().contains("s3multi_"), answer.body());
            }
            // ListObjects of a bucket called "metrics" is an S3 request like any other
            String bucket = "metrics";
            S3Exception listing = assertThrows(S3Exception.class, () -> gateway.s3().listObjectsV2(b -> b.bucket(
                    bucket)));
            assertTrue(listing instanceof NoSuchBucketException || listing.statusCode() == 403, listing.toString());
            assertEquals(200, get(metricsUri(gateway)).statusCode(), "the listener serves them, to loopback");
        }
    }
}
