package io.s3multi.webapp.s3.multipart;

import io.s3multi.swift.SwiftHeaders;
import io.s3multi.webapp.fault.Fault;
import io.s3multi.webapp.fault.FaultProxy;
import io.s3multi.webapp.fault.Rule;
import io.s3multi.webapp.s3.S3TestGateway;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.MultipartUpload;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The clean-up after a Complete while Swift answers 503 to its deletions (a {@link FaultProxy} between the gateway
 * and the dev Swift): a brief storm is ridden out by retrying; a lasting one leaves the marker marked finished, so
 * the completed upload is no longer listed as in progress and what is left is recognisable by a sweeper.
 */
class MultipartCleanUpFaultsIT extends MultipartIntegrationTest {

    /** Two parts and a third the client does not name; Complete's answer, the object's bytes. */
    private record Completed(String uploadId, String eTag, byte[] whole) {
    }

    private static Completed uploadAndComplete(S3Client client, String bucket, String key, FaultProxy proxy,
            int failures) throws Exception {
        String uploadId = client.createMultipartUpload(b -> b.bucket(bucket).key(key)).uploadId();
        byte[] first = randomBytes(MIN_PART_SIZE, 3);
        byte[] second = randomBytes(1000, 4);
        String eTag1 = client.uploadPart(b -> b.bucket(bucket).key(key).uploadId(uploadId).partNumber(1),
                RequestBody.fromBytes(first)).eTag();
        String eTag2 = client.uploadPart(b -> b.bucket(bucket).key(key).uploadId(uploadId).partNumber(2),
                RequestBody.fromBytes(second)).eTag();
        client.uploadPart(b -> b.bucket(bucket).key(key).uploadId(uploadId).partNumber(3),
                RequestBody.fromBytes(randomBytes(2000, 5)));
        Rule markerDeletes = proxy.when(request -> request.method().equals("DELETE") && request.isSegment()
                && request.path().contains("/uploads/")).times(failures).then(Fault.answer(503));
        Rule bulkDeletes = proxy.when(request -> request.method().equals("POST")
                && request.hasParameter("bulk-delete")).times(failures).then(Fault.answer(503));
        String eTag = client.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId)
                .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag(eTag1).build(),
                        CompletedPart.builder().partNumber(2).eTag(eTag2).build()))).eTag();
        assertTrue(markerDeletes.struck() + bulkDeletes.struck() > 0, "the faults struck: " + proxy.log());
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        whole.write(first);
        whole.write(second);
        assertEquals(multipartEtag(first, second), eTag);
        return new Completed(uploadId, eTag, whole.toByteArray());
    }

    @Test
    void aBriefStormOf503sDuringTheCleanUpIsRiddenOut() throws Exception {
        String bucket = bucket();
        try (FaultProxy proxy = FaultProxy.start(S3TestGateway.SWIFT_URL);
             S3TestGateway gateway = S3TestGateway.start(configuration(proxy))) {
            Completed done = uploadAndComplete(gateway.s3(), bucket, "brief", proxy, 2);
            assertArrayEquals(done.whole(), s3().getObjectAsBytes(b -> b.bucket(bucket).key("brief")).asByteArray());
            List<String> named = MultipartIntegrationTestSupport.assertManifestSegmentsExist(swift(), bucket, "brief");
            assertEquals(named, segmentNames(bucket).stream().map(name -> bucket + "_segments/" + name).toList(),
                    "nothing but the parts the object uses");
        }
    }

    @Test
    void aLastingStormLeavesAFinishedMarkerNotAnUploadInProgress() throws Exception {
        String bucket = bucket();
        try (FaultProxy proxy = FaultProxy.start(S3TestGateway.SWIFT_URL);
             S3TestGateway gateway = S3TestGateway.start(configuration(proxy))) {
            Completed done = uploadAndComplete(gateway.s3(), bucket, "lasting", proxy, Integer.MAX_VALUE);
            assertArrayEquals(done.whole(), s3().getObjectAsBytes(b -> b.bucket(bucket).key("lasting"))
                    .asByteArray());
            List<MultipartUpload> inProgress = gateway.s3().listMultipartUploads(b -> b.bucket(bucket)).uploads();
            assertEquals(List.of(), inProgress, "a completed upload is not in progress");
            assertEquals("NoSuchUpload", s3Error(() -> gateway.s3().abortMultipartUpload(b -> b.bucket(bucket)
                    .key("lasting").uploadId(done.uploadId()))).awsErrorDetails().errorCode());

            // What the sweeper finds: the marker, marked finished, naming key and upload; the unnamed part.
            String marker = segmentNames(bucket).stream().filter(name -> name.startsWith("uploads/")).findFirst()
                    .orElseThrow(() -> new AssertionError("the marker is left for the sweeper"));
            assertTrue(marker.endsWith(done.uploadId()), marker);
            assertEquals("application/x-s3multi-upload;finished=completed", swift().objects()
                    .head(bucket + "_segments", marker, SwiftHeaders.empty()).header("Content-Type"));
            List<String> named = MultipartIntegrationTestSupport.assertManifestSegmentsExist(swift(), bucket,
                    "lasting");
            List<String> unnamed = segmentNames(bucket).stream().filter(name -> name.startsWith("parts/"))
                    .filter(name -> !named.contains(bucket + "_segments/" + name)).toList();
            assertEquals(List.of("parts/" + done.uploadId() + "/00003"), withoutAttempts(unnamed));
        }
    }

    private static Properties configuration(FaultProxy proxy) {
        Properties properties = proxy.gatewayConfiguration();
        properties.setProperty("filter.s3multi.min_part_size", Integer.toString(MIN_PART_SIZE));
        properties.setProperty("filter.s3multi.max_manifest_segments", Integer.toString(MAX_MANIFEST_SEGMENTS));
        return properties;
    }
}
