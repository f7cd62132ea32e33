package io.s3multi.webapp.s3.keystone;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.s3multi.swift.SwiftHeaders;
import io.s3multi.swift.http.SwiftResponse;
import io.s3multi.webapp.s3.S3TestGateway;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/** A multipart upload by a Keystone user (AWS SDK v2 defaults) through s3token and s3multi. */
class S3TokenMultipartIT {

    @Test
    void aKeystoneUserUploadsInPartsIntoTheProjectsAccount() throws Exception {
        String account = "AUTH_" + KeystoneAdmin.connect().projectId("demo");
        Properties configuration = KeystoneGateway.configuration(KeystoneAdmin.KEYSTONE_URL, 60);
        String bucket = S3TestGateway.uniqueBucket();
        try (S3TestGateway gateway = S3TestGateway.start(configuration);
                KeystoneGateway.DirectSwift swift = new KeystoneGateway.DirectSwift()) {
            try {
                S3Client demo = gateway.s3(S3TokenIT.DEMO, S3TokenIT.DEMO_SECRET);
                demo.createBucket(b -> b.bucket(bucket));
                byte[] part1 = S3TokenIT.randomBytes(5 * 1024 * 1024);
                byte[] part2 = S3TokenIT.randomBytes(1024 * 1024 + 7);
                String uploadId = demo.createMultipartUpload(b -> b.bucket(bucket).key("big")).uploadId();
                String etag1 = demo.uploadPart(b -> b.bucket(bucket).key("big").uploadId(uploadId).partNumber(1),
                        RequestBody.fromBytes(part1)).eTag();
                String etag2 = demo.uploadPart(b -> b.bucket(bucket).key("big").uploadId(uploadId).partNumber(2),
                        RequestBody.fromBytes(part2)).eTag();
                demo.completeMultipartUpload(b -> b.bucket(bucket).key("big").uploadId(uploadId)
                        .multipartUpload(m -> m.parts(List.of(
                                CompletedPart.builder().partNumber(1).eTag(etag1).build(),
                                CompletedPart.builder().partNumber(2).eTag(etag2).build()))));

                ByteArrayOutputStream expected = new ByteArrayOutputStream();
                expected.write(part1);
                expected.write(part2);
                assertArrayEquals(expected.toByteArray(),
                        demo.getObjectAsBytes(b -> b.bucket(bucket).key("big")).asByteArray());
                try (SwiftResponse stored = swift.account(account).objects().get(bucket, "big",
                        SwiftHeaders.empty())) {
                    assertArrayEquals(expected.toByteArray(), stored.body().readAllBytes(),
                            "Swift serves the parts as one object in the project's account");
                }
                assertEquals(1, demo.listObjectsV2(b -> b.bucket(bucket)).keyCount());
            } finally {
                swift.deleteContainer(account, bucket);
            }
        }
    }
}
