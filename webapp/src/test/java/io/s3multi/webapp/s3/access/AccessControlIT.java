package io.s3multi.webapp.s3.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.s3multi.filters.proxylogging.AccessRecord;
import io.s3multi.filters.s3api.S3ApiFilter;
import io.s3multi.swift.SwiftHeaders;
import io.s3multi.webapp.s3.AccessRecords;
import io.s3multi.webapp.s3.S3IntegrationTest;
import io.s3multi.webapp.s3.S3TestGateway;
import io.s3multi.webapp.s3.ToolResult;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The gateway as the S3 authority without any grant: another account's and anonymous requests are refused and change
 * nothing in Swift; the access log names the S3 principal and the Swift identity; and authorizing an own-account
 * request costs (almost) no Swift request once the bucket's access state is cached.
 */
class AccessControlIT extends S3IntegrationTest {

    private static final byte[] BODY = "only the owner's".getBytes(StandardCharsets.UTF_8);

    @Test
    void anotherAccountAndAnonymousRequestsAreRefusedAndChangeNothing() throws Exception {
        String bucket = uniqueBucket();
        s3().createBucket(b -> b.bucket(bucket));
        s3().putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromBytes(BODY));
        S3Client other = s3(S3TestGateway.TESTER2, S3TestGateway.TESTER2_KEY);

        assertDenied(() -> other.getObjectAsBytes(b -> b.bucket(bucket).key("k")));
        assertDenied(() -> other.putObject(b -> b.bucket(bucket).key("k2"), RequestBody.fromString("x")));
        assertDenied(() -> other.deleteObject(b -> b.bucket(bucket).key("k")));
        assertDenied(() -> other.listObjectsV2(b -> b.bucket(bucket)));
        assertDenied(() -> other.getBucketAcl(b -> b.bucket(bucket)));
        assertDenied(() -> other.createMultipartUpload(b -> b.bucket(bucket).key("m")));
        for (List<String> anonymous : List.of(List.of("GET", "/" + bucket + "/k"), List.of("GET", "/" + bucket),
                List.of("PUT", "/" + bucket + "/k3"), List.of("DELETE", "/" + bucket + "/k"),
                List.of("POST", "/" + bucket + "/m?uploads"))) {
            ToolResult curl = tools().curl("-s", "-X", anonymous.get(0), "--data-binary", "x",
                    "-w", "\n%{http_code}", uri(anonymous.get(1)).toString());
            assertTrue(curl.stdout().endsWith("\n403") && curl.stdout().contains("<Code>AccessDenied</Code>"),
                    anonymous + ": " + curl.describe());
        }

        assertEquals(List.of("k"), S3TestGateway.objectNames(swift(), bucket));
        assertEquals(List.of(), S3TestGateway.objectNames(swift(), bucket + "_segments"));
        try (var stored = swift().objects().get(bucket, "k", SwiftHeaders.empty())) {
            assertEquals(new String(BODY, StandardCharsets.UTF_8),
                    new String(stored.body().readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void theAccessLogNamesTheS3PrincipalAndTheSwiftIdentityUsed() throws Exception {
        String bucket = uniqueBucket();
        s3().createBucket(b -> b.bucket(bucket));
        try (AccessRecords records = AccessRecords.listen(gateway())) {
            s3().listObjectsV2(b -> b.bucket(bucket));
            AccessRecord own = records.await("ListObjectsV2");
            assertEquals("arn:aws:iam::AUTH_test:user/tester@own", own.access(), own.toLogLine());
            assertTrue(own.toLogLine().contains(" test:tester arn:aws:iam::AUTH_test:user/tester@own -"),
                    own.toLogLine());

            tools().curl("-s", uri("/" + bucket).toString()).requireSuccess();
            AccessRecord anonymous = records.await("ListObjects");
            assertEquals(403, anonymous.status(), anonymous.toLogLine());
            assertEquals("anonymous", anonymous.access(), anonymous.toLogLine());
            assertEquals("AccessDenied", anonymous.note(), anonymous.toLogLine());
        }
    }

    /**
     * With a warm cache authorization adds under 0.05 Swift requests to an own-account GET, HEAD or PUT; with the
     * cache off (TTL 0) it adds at least one to each, which shows the count would see it.
     */
    @Test
    void authorizingOwnAccountRequestsCostsNoSwiftRequestsWithAWarmCache() throws Exception {
        String bucket = uniqueBucket();
        s3().createBucket(b -> b.bucket(bucket));
        s3().putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromBytes(BODY));
        S3ApiFilter s3api = gateway().server().pipeline().filter("s3api", S3ApiFilter.class);
        int rounds = 100;

        long before = s3api.authorizationSwiftRequests();
        ownAccountRounds(s3(), bucket, rounds);
        long added = s3api.authorizationSwiftRequests() - before;
        double perRequest = added / (3.0 * rounds);
        System.out.printf("authorization added %d Swift requests to %d own-account GET/HEAD/PUT: %.4f each%n",
                added, 3 * rounds, perRequest);
        assertTrue(perRequest < 0.05, "Swift requests added per request: " + perRequest);

        Properties uncached = S3TestGateway.configuration();
        uncached.setProperty("filter.s3api.access_cache_ttl", "0");
        try (S3TestGateway cold = S3TestGateway.start(uncached)) {
            S3ApiFilter coldApi = cold.server().pipeline().filter("s3api", S3ApiFilter.class);
            long coldBefore = coldApi.authorizationSwiftRequests();
            ownAccountRounds(cold.s3(), bucket, 5);
            assertTrue(coldApi.authorizationSwiftRequests() - coldBefore >= 15,
                    "without a cache every request reads the bucket's record");
        }
    }

    private static void ownAccountRounds(S3Client s3, String bucket, int rounds) {
        for (int i = 0; i < rounds; i++) {
            s3.putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromBytes(BODY));
            assertEquals(BODY.length, s3.getObjectAsBytes(b -> b.bucket(bucket).key("k")).asByteArray().length);
            s3.headObject(b -> b.bucket(bucket).key("k"));
        }
    }

    private static void assertDenied(org.junit.jupiter.api.function.Executable call) {
        S3Exception denied = assertThrows(S3Exception.class, call);
        assertEquals(403, denied.statusCode());
        assertEquals("AccessDenied", denied.awsErrorDetails().errorCode());
    }
}
