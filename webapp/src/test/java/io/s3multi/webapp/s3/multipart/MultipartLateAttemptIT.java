package io.s3multi.webapp.s3.multipart;

import io.s3multi.webapp.fault.Fault;
import io.s3multi.webapp.fault.FaultProxy;
import io.s3multi.webapp.fault.Hold;
import io.s3multi.webapp.s3.S3TestGateway;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The data-loss race of a slow first UploadPart, reproduced against the real dev Swift with a {@link FaultProxy}
 * between the gateway and Swift: the first attempt's segment PUT is held at the proxy while the SDK, its attempt
 * timed out, retries the part (which succeeds) and the client completes the upload; only then is the first attempt
 * let through to Swift. It lands, finds the upload finished and cleans up after itself: the object stays readable
 * and byte-identical, and {@code <bucket>_segments} holds exactly the segments the manifest names.
 */
class MultipartLateAttemptIT extends MultipartIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void aFirstAttemptLandingAfterItsRetryAndTheCompleteLeavesTheObjectWhole() throws Exception {
        String bucket = bucket();
        try (FaultProxy proxy = FaultProxy.start(S3TestGateway.SWIFT_URL);
             S3TestGateway gateway = S3TestGateway.start(configuration(proxy))) {
            S3Client client = gateway.s3();
            String key = "late";
            String uploadId = client.createMultipartUpload(b -> b.bucket(bucket).key(key)).uploadId();
            byte[] first = randomBytes(MIN_PART_SIZE, 1);
            byte[] second = randomBytes(64 * 1024, 2);
            String eTag1 = client.uploadPart(b -> b.bucket(bucket).key(key).uploadId(uploadId).partNumber(1),
                    RequestBody.fromBytes(first)).eTag();

            String partTwo = "/" + bucket + "_segments/parts/" + uploadId + "/00002";
            Hold firstAttempt = proxy.when(request -> request.method().equals("PUT")
                    && request.path().contains(partTwo)).times(1).then(Fault.hold());
            // The late attempt's own clean-up, held too, so the test knows when it has happened.
            Hold lateCleanUp = proxy.when(request -> request.method().equals("DELETE")
                    && request.path().contains("/" + bucket + "_segments/parts/" + uploadId + "/")).then(Fault.hold());
            // Default settings, but this UploadPart's attempt gives up after 5 s: the SDK then retries it.
            String eTag2 = CompletableFuture.supplyAsync(() -> client.uploadPart(b -> b.bucket(bucket).key(key)
                    .uploadId(uploadId).partNumber(2)
                    .overrideConfiguration(o -> o.apiCallAttemptTimeout(Duration.ofSeconds(5))),
                    RequestBody.fromBytes(second)).eTag())
                    .get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertTrue(firstAttempt.awaitHeld(Duration.ZERO), "the first attempt is still held");
            List<String> partPuts = proxy.log().stream()
                    .filter(line -> line.startsWith("PUT ") && line.contains(partTwo)).toList();
            assertEquals(2, partPuts.size(), "the SDK retried: " + partPuts);
            assertEquals(md5Quoted(second), eTag2);

            String completed = client.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId)
                    .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag(eTag1).build(),
                            CompletedPart.builder().partNumber(2).eTag(eTag2).build()))).eTag();
            assertEquals(multipartEtag(first, second), completed);

            firstAttempt.release();
            assertEquals(201, firstAttempt.awaitSwiftStatus(WAIT), "the late attempt landed in Swift");
            assertTrue(lateCleanUp.awaitHeld(WAIT), "the late attempt cleans up after itself: " + proxy.log());
            lateCleanUp.release();
            assertEquals(204, lateCleanUp.awaitSwiftStatus(WAIT));
            String lateSegment = partPuts.get(0).substring(partPuts.get(0).indexOf("/parts/") + 1,
                    partPuts.get(0).indexOf(' ', 4));

            ByteArrayOutputStream whole = new ByteArrayOutputStream();
            whole.write(first);
            whole.write(second);
            assertArrayEquals(whole.toByteArray(), s3().getObjectAsBytes(b -> b.bucket(bucket).key(key))
                    .asByteArray(), "the object is readable and byte-identical");
            List<String> named = MultipartIntegrationTestSupport.assertManifestSegmentsExist(swift(), bucket, key);
            assertEquals(named, segmentNames(bucket).stream().map(name -> bucket + "_segments/" + name).toList(),
                    "the segments container holds exactly what the manifest names");
            assertFalse(segmentNames(bucket).contains(lateSegment), "the late attempt's segment is gone");
        }
    }

    private static Properties configuration(FaultProxy proxy) {
        Properties properties = proxy.gatewayConfiguration();
        properties.setProperty("filter.s3multi.min_part_size", Integer.toString(MIN_PART_SIZE));
        properties.setProperty("filter.s3multi.max_manifest_segments", Integer.toString(MAX_MANIFEST_SEGMENTS));
        return properties;
    }

    private static String md5Quoted(byte[] bytes) throws Exception {
        return "\"" + md5Hex(bytes) + "\"";
    }
}
