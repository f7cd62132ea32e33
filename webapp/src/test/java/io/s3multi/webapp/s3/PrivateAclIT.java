package io.s3multi.webapp.s3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.s3multi.swift.SwiftHeaders;
import io.s3multi.swift.container.ListingQuery;
import io.s3multi.swift.error.SwiftException;
import io.s3multi.swift.error.SwiftHttpStatusException;
import io.s3multi.swift.http.SwiftResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.BucketCannedACL;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.ObjectCannedACL;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * {@code x-amz-acl: private}, the ACL every bucket and object already has, is accepted on CreateBucket, PutObject,
 * CopyObject and CreateMultipartUpload; an ACL AWS refuses is refused with AWS's error and leaves nothing behind.
 */
class PrivateAclIT extends S3IntegrationTest {

    @Test
    void privateIsAcceptedOnEveryWrite() throws SwiftException, IOException {
        String bucket = uniqueBucket();
        s3().createBucket(b -> b.bucket(bucket).acl(BucketCannedACL.PRIVATE));
        s3().putObject(b -> b.bucket(bucket).key("put").acl(ObjectCannedACL.PRIVATE), RequestBody.fromString("p"));
        s3().copyObject(b -> b.sourceBucket(bucket).sourceKey("put").destinationBucket(bucket).destinationKey("copy")
                .acl(ObjectCannedACL.PRIVATE));
        String uploadId = s3().createMultipartUpload(b -> b.bucket(bucket).key("mpu").acl(ObjectCannedACL.PRIVATE))
                .uploadId();
        String etag = s3().uploadPart(b -> b.bucket(bucket).key("mpu").uploadId(uploadId).partNumber(1),
                RequestBody.fromString("m")).eTag();
        s3().completeMultipartUpload(b -> b.bucket(bucket).key("mpu").uploadId(uploadId)
                .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag(etag).build())));

        assertStored(bucket, "put", "p");
        assertStored(bucket, "copy", "p");
        assertStored(bucket, "mpu", "m");

        tools().boto3(String.join("\n",
                "s3 = s3_client()",
                "s3.put_object(Bucket='" + bucket + "', Key='boto-put', Body=b'b', ACL='private')",
                "s3.put_object(Bucket='" + bucket + "', Key='boto-owner', Body=b'o', ACL='bucket-owner-full-control')",
                "u = s3.create_multipart_upload(Bucket='" + bucket + "', Key='boto-mpu', ACL='private')",
                "s3.abort_multipart_upload(Bucket='" + bucket + "', Key='boto-mpu', UploadId=u['UploadId'])"))
                .requireSuccess();
        assertStored(bucket, "boto-put", "b");
        assertStored(bucket, "boto-owner", "o");
    }

    @Test
    void anAclAwsRefusesStoresNothing() throws SwiftException {
        String bucket = uniqueBucket();
        s3().createBucket(b -> b.bucket(bucket));
        s3().putObject(b -> b.bucket(bucket).key("source"), RequestBody.fromString("s"));

        assertRefused("InvalidArgument", () -> s3().createBucket(b -> b.bucket(bucket + "-public")
                .acl("public")));
        assertRefused("InvalidArgument", () -> s3().putObject(b -> b.bucket(bucket).key("put").acl("public"),
                RequestBody.fromString("p")));
        assertRefused("InvalidArgument", () -> s3().copyObject(b -> b.sourceBucket(bucket).sourceKey("source")
                .destinationBucket(bucket).destinationKey("copy").acl("public")));
        assertRefused("InvalidArgument", () -> s3().createMultipartUpload(b -> b.bucket(bucket).key("mpu")
                .acl("public-write")));
        assertRefused("UnresolvableGrantByEmailAddress", () -> s3().createMultipartUpload(b -> b.bucket(bucket)
                .key("mpu").grantRead("emailAddress=\"someone@example.com\"")));

        assertEquals(404, statusOf(() -> swift().containers().head(bucket + "-public")), "no bucket created");
        assertEquals(1, swift().containers().listObjects(bucket, ListingQuery.all()).entries().size(),
                "only the source object in Swift");
        assertEquals(0, objectsIn(bucket + "_segments"), "no upload begun");
        assertEquals(0, s3().listMultipartUploads(b -> b.bucket(bucket)).uploads().size());
    }

    private static void assertStored(String bucket, String key, String content) throws SwiftException, IOException {
        try (SwiftResponse response = swift().objects().get(bucket, key, SwiftHeaders.empty());
                InputStream body = response.body()) {
            assertArrayEquals(content.getBytes(StandardCharsets.UTF_8), body.readAllBytes(), key);
        }
    }

    private static void assertRefused(String code, Executable write) {
        S3Exception refused = assertThrows(S3Exception.class, write);
        assertEquals(400, refused.statusCode());
        assertEquals(code, refused.awsErrorDetails().errorCode());
    }

    private static int objectsIn(String container) throws SwiftException {
        try {
            return swift().containers().listObjects(container, ListingQuery.all()).entries().size();
        } catch (SwiftHttpStatusException missing) {
            assertEquals(404, missing.status());
            return 0;
        }
    }

    private interface SwiftCall {
        Object run() throws SwiftException;
    }

    private static int statusOf(SwiftCall call) throws SwiftException {
        try {
            call.run();
            return 200;
        } catch (SwiftHttpStatusException failure) {
            return failure.status();
        }
    }
}
